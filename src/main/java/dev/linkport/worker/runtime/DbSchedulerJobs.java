package dev.linkport.worker.runtime;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import dev.linkport.worker.JobKind;
import dev.linkport.worker.Jobs;
import java.time.Clock;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@link Jobs} on db-scheduler: the job row is written through the caller's transaction (the
 * scheduler's DataSource is transaction-aware) and, with immediate execution on, runs at once
 * after commit, on whichever Linkport instance picks it first.
 */
@Component
class DbSchedulerJobs implements Jobs {

    private final ObjectProvider<SchedulerClient> scheduler;
    private final Clock clock;

    DbSchedulerJobs(ObjectProvider<SchedulerClient> scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Override
    public void schedule(JobKind kind, UUID id) {
        scheduler.getObject().scheduleIfNotExists(new TaskInstance<>(kind.taskName(), id.toString()), clock.instant());
    }
}
