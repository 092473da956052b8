package dev.linkport.notification.delivery;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import dev.linkport.notification.NotificationProperties;
import dev.linkport.notification.domain.DeliveryChannel;
import dev.linkport.notification.domain.DeliveryStatus;
import dev.linkport.notification.domain.NotificationDelivery;
import dev.linkport.notification.domain.NotificationDeliveryRepository;
import dev.linkport.notification.domain.TeamWebhook;
import dev.linkport.notification.domain.TeamWebhookRepository;
import dev.linkport.worker.JobKind;
import dev.linkport.worker.JobProgress;
import dev.linkport.worker.RetryRule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers one {@link NotificationDelivery}: one e-mail or one webhook call per run, outside any transaction,
 * then records the attempt in the delivery log. A failure worth another try runs again after the worker's
 * backoff ({@link RetryRule#fullJitter}, from {@code linkport.notifications.delivery.retry-base} up to
 * {@code retry-cap}); after {@code max-attempts}, or at once for an answer that another try will not change
 * (4xx other than 429), the delivery is given up and the log says why.
 *
 * <p>It is scheduled through the worker's {@link dev.linkport.worker.Jobs} in the transaction that records the
 * delivery, so it runs once across instances, starts right after the commit, and survives a restart. It is not
 * an {@link dev.linkport.worker.AwsJob}: that skeleton is about AWS's errors, rate budgets and time budget;
 * here the attempt count and the last answer belong to the delivery log, which admins read, so this job keeps
 * them there rather than in {@code job_failure}.
 */
@Component
public class DeliverNotificationJob extends CustomTask<JobProgress> {

    /** The job that delivers one notification, by the delivery's id. */
    public static final JobKind KIND = new JobKind("deliver-notification");

    private static final Logger log = LoggerFactory.getLogger(DeliverNotificationJob.class);

    private final NotificationDeliveryRepository deliveries;
    private final TeamWebhookRepository webhooks;
    private final EmailSender email;
    private final WebhookSender webhook;
    private final TransactionTemplate tx;
    private final NotificationProperties properties;
    private final Clock clock;

    DeliverNotificationJob(NotificationDeliveryRepository deliveries, TeamWebhookRepository webhooks, EmailSender email,
                           WebhookSender webhook, TransactionTemplate tx, NotificationProperties properties,
                           Clock clock) {
        super(KIND.taskName(), JobProgress.class, null, now -> now,
                // an unexpected exception (the database away) is retried by db-scheduler
                new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(2), 2.0),
                new DeadExecutionHandler.ReviveDeadExecution<>());
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.email = email;
        this.webhook = webhook;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    private record Work(NotificationDelivery delivery, TeamWebhook webhook) {
    }

    @Override
    public CompletionHandler<JobProgress> execute(TaskInstance<JobProgress> instance, ExecutionContext context) {
        UUID id = UUID.fromString(instance.getId());
        Work work = tx.execute(status -> deliveries.findById(id)
                .filter(d -> d.getStatus() == DeliveryStatus.PENDING)
                .map(d -> new Work(d, d.getWebhookId() == null ? null : webhooks.findById(d.getWebhookId()).orElse(null)))
                .orElse(null));
        if (work == null) {
            return new CompletionHandler.OnCompleteRemove<>();
        }
        SendOutcome outcome = send(work);
        Instant now = clock.instant();
        Duration retryAfter = tx.execute(status -> {
            NotificationDelivery d = deliveries.findById(id).orElseThrow();
            if (outcome.delivered()) {
                d.delivered(outcome.answer(), now);
                return null;
            }
            boolean gaveUp = !outcome.retryable() || d.getAttempts() + 1 >= properties.delivery().maxAttempts();
            d.failed(outcome.answer(), outcome.error(), gaveUp, now);
            if (gaveUp) {
                log.warn("Gave up delivering {} to {} after {} attempt(s): {}", d.getKind(), d.getTarget(),
                        d.getAttempts(), outcome.error());
                return null;
            }
            log.info("Delivering {} to {} failed (attempt {}), trying again: {}", d.getKind(), d.getTarget(),
                    d.getAttempts(), outcome.error());
            return RetryRule.fullJitter(d.getAttempts() - 1, properties.delivery().retryBase(),
                    properties.delivery().retryCap());
        });
        if (retryAfter == null) {
            return new CompletionHandler.OnCompleteRemove<>();
        }
        JobProgress progress = instance.getData();
        return (complete, ops) -> ops.reschedule(complete, clock.instant().plus(retryAfter), progress);
    }

    private SendOutcome send(Work work) {
        try {
            return sendNow(work);
        } catch (RuntimeException e) {
            // a bug or a target Linkport cannot even address: retrying will not help, and the log should say why
            log.warn("Could not send {} to {}", work.delivery().getKind(), work.delivery().getTarget(), e);
            return SendOutcome.permanentFailure(null, "Linkport could not send it: " + e);
        }
    }

    private SendOutcome sendNow(Work work) {
        NotificationDelivery d = work.delivery();
        if (d.getChannel() == DeliveryChannel.EMAIL) {
            return email.send(d);
        }
        if (work.webhook() == null) {
            return SendOutcome.permanentFailure(null, "The webhook was removed before the notification went out");
        }
        return webhook.send(d, work.webhook());
    }
}
