package dev.linkport.worker;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import dev.linkport.aws.AwsGatewayException;
import dev.linkport.platform.ConflictException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one skeleton of a background job about one thing (a listing, a request, a connection):
 * <ol>
 *   <li>{@link #load} reads what the run needs, in a short transaction (and may move the thing on);</li>
 *   <li>{@link #call} talks to AWS, outside any transaction;</li>
 *   <li>{@link #record} stores what AWS answered, in a transaction, and says whether to run again.</li>
 * </ol>
 * A run that did one thing in AWS and recorded it returns {@link Step#NEXT} to go on at once.
 * An AWS error goes through the one {@link RetryRule}: transient ones run the job again later,
 * permanent ones (or too many transient ones) end in {@link #failed}. Every run must be idempotent:
 * a crash at any point followed by another run creates nothing twice.
 *
 * <p>Each job is a db-scheduler task named after its {@link JobKind}; the task's data is the
 * attempt counter. Declaring a job as a Spring bean is all it takes to have it run.
 *
 * @param <W> what a run works on, read by {@link #load}
 * @param <R> what AWS answered, returned by {@link #call}
 */
public abstract class AwsJob<W, R> extends CustomTask<Integer> {

    private static final Logger log = LoggerFactory.getLogger(AwsJob.class);

    /** Steps that follow each other at once ({@link Step#NEXT}) in one execution, at most. */
    static final int MAX_STEPS_AT_ONCE = 5;

    private final JobKind kind;
    private final JobRuntime runtime;

    protected AwsJob(JobKind kind, JobRuntime runtime) {
        super(kind.taskName(), Integer.class, null, now -> now,
                // an unexpected exception (a bug, the database away) is retried by db-scheduler
                new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(2), 2.0),
                new DeadExecutionHandler.ReviveDeadExecution<>());
        this.kind = kind;
        this.runtime = runtime;
    }

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
    protected abstract R call(W work, int attempt);

    /** Stores what AWS answered, inside a transaction; returns {@link Step#DONE} or when to run again. */
    protected abstract Step record(UUID id, W work, R result, int attempt);

    /** AWS refused for good (or kept failing): stores why, inside a transaction. */
    protected abstract void failed(UUID id, W work, AwsGatewayException e);

    /**
     * Starts a job that gave up again, through its owner (which moves the thing back, with a
     * timeline entry and an audit line). Jobs that cannot be restarted by hand refuse.
     */
    public void retryByHand(UUID id) {
        throw new ConflictException("A " + kind + " job cannot be retried by hand");
    }

    /**
     * One run of the job.
     *
     * @param attempt how many runs of this job came before (0 for the first)
     */
    public final Step run(UUID id, int attempt) {
        W work = runtime.inTransaction(() -> load(id));
        if (work == null) {
            return Step.DONE;
        }
        R result;
        try {
            result = call(work, attempt);
        } catch (AwsGatewayException e) {
            boolean again = RetryRule.retries(e, attempt);
            runtime.failures().failed(kind, id, e, attempt, !again);
            if (again) {
                log.info("{} {} hit a transient AWS error, trying again: {}", kind, id, e.getMessage());
                return RetryRule.retryLater(attempt);
            }
            runtime.inTransaction(() -> {
                failed(id, work, e);
                return null;
            });
            return Step.DONE;
        }
        return runtime.inTransaction(() -> record(id, work, result, attempt));
    }

    @Override
    public CompletionHandler<Integer> execute(TaskInstance<Integer> instance, ExecutionContext context) {
        int attempt = instance.getData() == null ? 0 : instance.getData();
        UUID id = UUID.fromString(instance.getId());
        Step step;
        try {
            step = run(id, attempt);
            for (int steps = 1; step == Step.NEXT && steps < MAX_STEPS_AT_ONCE; steps++) {
                step = run(id, attempt);
            }
        } catch (RuntimeException e) {
            runtime.failures().failed(instance.getTaskName(), instance.getId(), e.toString(), null, null,
                    context.getExecution().consecutiveFailures + 1, false);
            throw e;
        }
        if (step instanceof Step.Again again) {
            return (complete, ops) -> ops.reschedule(complete, Instant.now().plus(again.after()), attempt + 1);
        }
        if (step == Step.NEXT) {
            return (complete, ops) -> ops.reschedule(complete, Instant.now(), attempt + 1);
        }
        runtime.failures().succeeded(instance.getTaskName(), instance.getId());
        return new CompletionHandler.OnCompleteRemove<>();
    }
}
