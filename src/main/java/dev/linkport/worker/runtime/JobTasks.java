package dev.linkport.worker.runtime;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import dev.linkport.worker.ReconcileProperties;
import dev.linkport.worker.Reconciler;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * The worker's recurring tasks; db-scheduler runs each on one instance of the cluster at a time.
 * (The one-off jobs are the {@link dev.linkport.worker.AwsJob} beans of the modules.)
 */
@Configuration(proxyBeanMethods = false)
class JobTasks {

    private static final Logger log = LoggerFactory.getLogger(JobTasks.class);

    /** Events between modules whose listener has not completed after this long are delivered again. */
    static final Duration EVENT_REDELIVERY_AFTER = Duration.ofMinutes(2);

    /** Reconciliation every {@code linkport.reconcile.interval}. */
    @Bean
    RecurringTask<Void> reconcileTask(Reconciler reconciler, ReconcileProperties properties) {
        return Tasks.recurring(Reconciler.TASK_NAME, Schedules.fixedDelay(properties.interval()))
                .execute((instance, context) -> reconciler.reconcile());
    }

    /**
     * Events between modules are stored with the transaction that publishes them; one whose
     * listener did not complete (the instance died, the listener failed) is delivered again here.
     */
    @Bean
    RecurringTask<Void> redeliverEventsTask(IncompleteEventPublications incomplete) {
        return Tasks.recurring("redeliver-events", Schedules.fixedDelay(Duration.ofMinutes(1)))
                .execute((instance, context) -> {
                    log.debug("Redelivering events older than {} whose listeners did not complete",
                            EVENT_REDELIVERY_AFTER);
                    incomplete.resubmitIncompletePublicationsOlderThan(EVENT_REDELIVERY_AFTER);
                });
    }
}
