package dev.linkport.worker.runtime;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import dev.linkport.worker.JobKind;
import dev.linkport.worker.JobProgress;
import dev.linkport.worker.Jobs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link Jobs} on db-scheduler: the job row is written through the caller's transaction (the
 * scheduler's DataSource is transaction-aware), and once that transaction commits this instance's
 * scheduler is told to look for due jobs at once, so a job starts right after the decision that
 * caused it rather than at the next poll. Whichever instance picks it first runs it.
 */
@Component
class DbSchedulerJobs implements Jobs {

    private final ObjectProvider<SchedulerClient> scheduler;
    private final JdbcClient jdbc;
    private final Clock clock;

    DbSchedulerJobs(ObjectProvider<SchedulerClient> scheduler, JdbcClient jdbc, Clock clock) {
        this.scheduler = scheduler;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void schedule(JobKind kind, UUID id) {
        lockQueue(kind, id);
        Instant now = clock.instant();
        scheduler.getObject().scheduleIfNotExists(new TaskInstance<>(kind.taskName(), id.toString(),
                JobProgress.first(now)), now);
        startAfterCommit();
    }

    @Override
    public void scheduleWithin(JobKind kind, UUID id, Duration within) {
        lockQueue(kind, id);
        Instant now = clock.instant();
        SchedulerClient client = scheduler.getObject();
        boolean added = client.scheduleIfNotExists(new TaskInstance<>(kind.taskName(), id.toString(),
                JobProgress.first(now)), now);
        if (!added) {
            TaskInstanceId instance = TaskInstanceId.of(kind.taskName(), id.toString());
            client.getScheduledExecution(instance)
                    .filter(e -> !e.isPicked() && e.getExecutionTime().isAfter(now.plus(within)))
                    .ifPresent(e -> client.reschedule(instance, now));
        }
        startAfterCommit();
    }

    /**
     * For a queue job: takes the queue's lock until the caller's transaction ends (without one, waits
     * until nobody holds it). A run that is ending checks its queue once more under the same lock
     * (see {@code JobRuntime.underQueueLock}), so either it sees what the caller queued, or it has
     * removed its row before the caller asks for the job and the caller's request creates a new one.
     */
    private void lockQueue(JobKind kind, UUID id) {
        if (kind.queue()) {
            jdbc.sql("select pg_advisory_xact_lock(hashtext(?), hashtext(?))").params(kind.taskName(), id.toString())
                    .query((rs, n) -> 1).list();
        }
    }

    private void startAfterCommit() {
        if (!(scheduler.getIfAvailable() instanceof Scheduler running)) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    running.triggerCheckForDueExecutions();
                }
            });
        } else {
            running.triggerCheckForDueExecutions();
        }
    }
}
