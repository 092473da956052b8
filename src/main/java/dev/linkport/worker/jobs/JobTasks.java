package dev.linkport.worker.jobs;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.linkport.audit.service.AuditLog;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.catalog.domain.ServiceListingRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns every {@link Job} into a db-scheduler task named after its {@code JobKind}. The task's
 * data is the attempt counter; a job that must run again is rescheduled with the counter raised.
 * Unexpected exceptions are retried by db-scheduler with exponential backoff.
 */
@Configuration(proxyBeanMethods = false)
class JobTasks {

    @Bean
    Task<Integer> publishServiceTask(PublishServiceJob job, JobFailures failures) {
        return task(job, failures);
    }

    @Bean
    Task<Integer> provisionEndpointTask(ProvisionEndpointJob job, JobFailures failures) {
        return task(job, failures);
    }

    @Bean
    Task<Integer> deleteEndpointTask(DeleteEndpointJob job, JobFailures failures) {
        return task(job, failures);
    }

    @Bean
    Task<Integer> syncPrincipalsTask(SyncPrincipalsJob job, JobFailures failures) {
        return task(job, failures);
    }

    @Bean
    Task<Integer> acceptConnectionTask(AcceptConnectionJob job, JobFailures failures) {
        return task(job, failures);
    }

    @Bean
    Task<Integer> rejectConnectionTask(RejectConnectionJob job, JobFailures failures) {
        return task(job, failures);
    }

    @Bean
    Task<Integer> modifyServiceTask(ModifyServiceJob job, JobFailures failures) {
        return task(job, failures);
    }

    @Bean
    Task<Integer> verifyPrivateDnsTask(VerifyPrivateDnsJob job, JobFailures failures) {
        return task(job, failures);
    }

    @Bean
    Task<Integer> retireServiceTask(ServiceListingRepository listings, PrivateLinkGateway gateway, AuditLog audit,
                                    ApplicationEventPublisher events, TransactionTemplate tx, Clock clock,
                                    JobFailures failures) {
        return task(new RetireServiceJob(false, listings, gateway, audit, events, tx, clock), failures);
    }

    @Bean
    Task<Integer> forceRetireServiceTask(ServiceListingRepository listings, PrivateLinkGateway gateway,
                                         AuditLog audit, ApplicationEventPublisher events, TransactionTemplate tx,
                                         Clock clock, JobFailures failures) {
        return task(new RetireServiceJob(true, listings, gateway, audit, events, tx, clock), failures);
    }

    /** Reconciliation every {@code linkport.reconcile.interval}; db-scheduler runs it on one instance at a time. */
    @Bean
    RecurringTask<Void> reconcileTask(Reconciler reconciler, ReconcileProperties properties) {
        return Tasks.recurring(Reconciler.TASK_NAME, Schedules.fixedDelay(properties.interval()))
                .execute((instance, context) -> reconciler.reconcile());
    }

    static Task<Integer> task(Job job, JobFailures failures) {
        return Tasks.custom(job.kind().taskName(), Integer.class)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(2), 2.0))
                .execute((instance, context) -> {
                    int attempt = instance.getData() == null ? 0 : instance.getData();
                    Step step;
                    try {
                        step = job.run(UUID.fromString(instance.getId()), attempt);
                    } catch (RuntimeException e) {
                        failures.failed(instance.getTaskName(), instance.getId(), e.toString(), null, null,
                                context.getExecution().consecutiveFailures + 1, false);
                        throw e;
                    }
                    if (step == Step.DONE) {
                        failures.succeeded(instance.getTaskName(), instance.getId());
                    }
                    if (step instanceof Step.Again again) {
                        return (CompletionHandler<Integer>) (complete, ops) ->
                                ops.reschedule(complete, Instant.now().plus(again.after()), attempt + 1);
                    }
                    return new CompletionHandler.OnCompleteRemove<>();
                });
    }
}
