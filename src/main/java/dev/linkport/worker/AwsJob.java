package dev.linkport.worker;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import dev.linkport.aws.AwsCalls;
import dev.linkport.aws.AwsGatewayException;
import dev.linkport.platform.ConflictException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one skeleton of a background job about one thing (a listing, a request, an account):
 * <ol>
 *   <li>{@link #load} reads what the run needs, in a short transaction (and may move the thing on);</li>
 *   <li>{@link #call} talks to AWS, outside any transaction, without ever waiting for a rate-limit
 *       token ({@link AwsCalls#withoutWaiting});</li>
 *   <li>{@link #record} stores what AWS answered, in a transaction, and says what comes next.</li>
 * </ol>
 * A run that did one thing in AWS and recorded it returns {@link Step#NEXT} to go on at once. AWS errors
 * go through the one {@link RetryRule}: a call the account's rate budget held back runs when the budget
 * has a token (the thread serves other accounts meanwhile); transient errors run again after a backoff
 * and never fail the job by themselves; a permanent error, or the worker's time budget running out,
 * ends in {@link #failed}. Every run must be idempotent: a crash at any point followed by another run
 * creates nothing twice.
 *
 * <p>Each job is a db-scheduler task named after its {@link JobKind}, with its {@link JobProgress} as
 * data. Declaring a job as a Spring bean is all it takes to have it run.
 *
 * @param <W> what a run works on, read by {@link #load}
 * @param <R> what AWS answered, returned by {@link #call}
 */
public abstract class AwsJob<W, R> extends CustomTask<JobProgress> implements ManualRetry {

    private static final Logger log = LoggerFactory.getLogger(AwsJob.class);

    /** Steps that follow each other at once ({@link Step#NEXT}) in one execution, at most. */
    static final int MAX_STEPS_AT_ONCE = 5;

    private final JobKind kind;
    private final JobRuntime runtime;

    protected AwsJob(JobKind kind, JobRuntime runtime) {
        super(kind.taskName(), JobProgress.class, null, now -> now,
                // an unexpected exception (a bug, the database away) is retried by db-scheduler
                new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(2), 2.0),
                new DeadExecutionHandler.ReviveDeadExecution<>());
        this.kind = kind;
        this.runtime = runtime;
    }

    @Override
    public final JobKind kind() {
        return kind;
    }

    /**
     * Reads what this run needs, inside a transaction.
     *
     * @return the work, or {@code null} when there is nothing (more) to do
     */
    protected abstract W load(UUID id);

    /** Calls AWS for the work; runs outside any transaction and may throw {@link AwsGatewayException}. */
    protected abstract R call(W work, JobProgress progress);

    /** Stores what AWS answered, inside a transaction; returns what comes next. */
    protected abstract Step record(UUID id, W work, R result, JobProgress progress);

    /**
     * AWS refused for good, or kept failing transiently for the whole time budget: stores why, inside a
     * transaction.
     *
     * @param why AWS's message, or what it kept answering
     */
    protected abstract void failed(UUID id, W work, String why);

    /**
     * Starts a job that gave up again, through its owner (which moves the thing back, with a
     * timeline entry and an audit line). Jobs that cannot be restarted by hand refuse.
     */
    @Override
    public void retryByHand(UUID id) {
        throw new ConflictException("A " + kind + " job cannot be retried by hand");
    }

    /**
     * Records, for Operations, that the work about one item of this job failed for good (the job itself
     * goes on with the others), under the kind an admin retries it by (see {@link ManualRetry}).
     */
    protected final void gaveUpOn(JobKind work, UUID item, AwsGatewayException e) {
        runtime.failures().failed(work, item, e, 0, true);
    }

    /**
     * For a {@link JobKind#queue() queue} job: whether there is (again) something to do for {@code id}.
     * Asked once more when a run ends {@link Step#DONE}, under the queue's lock, so that something queued
     * while the run finished gets a run. By default: whether {@link #load} finds work (what load changes
     * is rolled back). Jobs whose load writes override it with a plain read: under the queue's lock nothing
     * may wait for a row another transaction holds, as that transaction may be waiting for the lock.
     */
    protected boolean hasWork(UUID id) {
        return runtime.lookingOnly(() -> load(id)) != null;
    }

    /** Whether the job has used up the worker's time budget. */
    protected final boolean outOfTime(JobProgress progress) {
        return progress.elapsed(runtime.clock().instant()).compareTo(runtime.properties().timeBudget()) > 0;
    }

    /** How long to wait before asking AWS again, after {@code polls} polls found it still busy. */
    protected final Duration pollAfter(int polls) {
        return runtime.properties().poll().after(polls);
    }

    /** How long to wait before asking AWS again when nothing moved for {@code quiet}. */
    protected final Duration pollAfterQuiet(Duration quiet) {
        return runtime.properties().poll().afterQuiet(quiet);
    }

    /** How long to wait before trying again after a transient AWS error, the {@code retries + 1}-th time. */
    protected final Duration backoff(int retries) {
        return runtime.properties().retry().after(retries);
    }

    /** The worker's time budget, for messages. */
    protected final Duration timeBudget() {
        return runtime.properties().timeBudget();
    }

    /** One run of the job. */
    public final Step run(UUID id, JobProgress progress) {
        W work = runtime.inTransaction(() -> load(id));
        if (work == null) {
            return Step.DONE;
        }
        R result;
        try {
            result = AwsCalls.withoutWaiting(() -> call(work, progress));
        } catch (AwsGatewayException e) {
            if (e.deferred()) {
                return new Step.Deferred(e.retryAfter().orElseThrow());
            }
            boolean again = e.isTransient() && !outOfTime(progress);
            runtime.failures().failed(kind, id, e, progress.retries(), !again);
            if (again) {
                log.info("{} {} hit a transient AWS error, trying again: {}", kind, id, e.getMessage());
                return new Step.Retry(backoff(progress.retries()), e.getMessage());
            }
            String why = e.isTransient()
                    ? "AWS kept failing for " + timeBudget().toMinutes() + " minutes; it last answered: " + e.getMessage()
                    : e.getMessage();
            runtime.inTransaction(() -> {
                failed(id, work, why);
                return null;
            });
            return Step.DONE;
        }
        if (progress.retries() > 0) {
            runtime.failures().succeeded(kind.taskName(), id.toString()); // the transient trouble is over
        }
        return runtime.inTransaction(() -> record(id, work, result, progress));
    }

    @Override
    public CompletionHandler<JobProgress> execute(TaskInstance<JobProgress> instance, ExecutionContext context) {
        Instant now = runtime.clock().instant();
        JobProgress progress = instance.getData() == null ? JobProgress.first(now) : instance.getData();
        UUID id = UUID.fromString(instance.getId());
        Step step;
        try {
            step = run(id, progress);
            for (int steps = 1; step == Step.NEXT && steps < MAX_STEPS_AT_ONCE; steps++) {
                progress = progress.movedOn();
                step = run(id, progress);
            }
        } catch (RuntimeException e) {
            runtime.failures().failed(instance.getTaskName(), instance.getId(), e.toString(), null, null,
                    context.getExecution().consecutiveFailures + 1, false);
            throw e;
        }
        JobProgress before = progress;
        return switch (step) {
            case Step.Done done -> {
                runtime.failures().succeeded(instance.getTaskName(), instance.getId());
                yield kind.queue() ? doneUnlessQueued(id, before) : new CompletionHandler.OnCompleteRemove<>();
            }
            case Step.Next next -> again(Duration.ZERO, before.movedOn());
            case Step.Poll poll -> again(poll.after(), before.polled());
            case Step.Later later -> again(later.after(), before.movedOn());
            case Step.Retry retry -> again(retry.after(), before.failedTransiently(retry.answer()));
            case Step.Deferred deferred -> again(deferred.after(), before);
        };
    }

    /** Ends the job, unless its queue got something while the run finished: then it runs again at once. */
    private CompletionHandler<JobProgress> doneUnlessQueued(UUID id, JobProgress progress) {
        return (complete, ops) -> runtime.underQueueLock(kind, id, () -> {
            if (hasWork(id)) {
                ops.reschedule(complete, runtime.clock().instant(), progress.movedOn());
            } else {
                ops.remove();
            }
            return null;
        });
    }

    private CompletionHandler<JobProgress> again(Duration after, JobProgress progress) {
        return (complete, ops) -> ops.reschedule(complete, runtime.clock().instant().plus(after), progress);
    }
}
