package dev.linkport.notification.service;

import dev.linkport.identity.service.UserDirectory;
import dev.linkport.notification.delivery.DeliverNotificationJob;
import dev.linkport.notification.delivery.EmailSender;
import dev.linkport.notification.domain.Notification;
import dev.linkport.notification.domain.NotificationDelivery;
import dev.linkport.notification.domain.NotificationDelivery.Message;
import dev.linkport.notification.domain.NotificationDeliveryRepository;
import dev.linkport.notification.domain.NotificationPreference;
import dev.linkport.notification.domain.NotificationPreferenceRepository;
import dev.linkport.notification.domain.NotificationRepository;
import dev.linkport.notification.domain.TeamWebhook;
import dev.linkport.notification.domain.TeamWebhookRepository;
import dev.linkport.platform.events.Changed;
import dev.linkport.platform.events.Changed.Topic;
import dev.linkport.worker.Jobs;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tells people and teams about one thing, by every channel they chose: the bell (in-app), e-mail (when Linkport
 * can send it), and the teams' webhooks. Runs in the caller's transaction: the in-app notifications, the
 * deliveries and their jobs are stored together, and the jobs start once it commits.
 */
@Component
class NotificationDispatch {

    private final NotificationRepository notifications;
    private final NotificationPreferenceRepository preferences;
    private final NotificationDeliveryRepository deliveries;
    private final TeamWebhookRepository webhooks;
    private final UserDirectory users;
    private final EmailSender email;
    private final Jobs jobs;
    private final ApplicationEventPublisher events;

    NotificationDispatch(NotificationRepository notifications, NotificationPreferenceRepository preferences,
                         NotificationDeliveryRepository deliveries, TeamWebhookRepository webhooks,
                         UserDirectory users, EmailSender email, Jobs jobs, ApplicationEventPublisher events) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.users = users;
        this.email = email;
        this.jobs = jobs;
        this.events = events;
    }

    /**
     * Tells the people by their chosen channels and posts to the teams' webhooks.
     *
     * @param people users to tell (each by the channels they chose for the message's kind)
     * @param teams  teams whose webhooks receive it
     */
    void tell(Collection<UUID> people, Collection<UUID> teams, Message message) {
        Map<UUID, NotificationPreference> chosen = people.isEmpty() ? Map.of()
                : preferences.findByUserIdIn(people).stream().filter(p -> p.getKind() == message.kind())
                        .collect(Collectors.toMap(NotificationPreference::getUserId, Function.identity()));
        Set<UUID> byEmail = new HashSet<>();
        for (UUID user : people) {
            NotificationPreference p = chosen.get(user);
            if (p == null || p.isInApp()) {
                notifications.save(new Notification(user, message.kind(), message.title(), message.body(),
                        message.link(), message.occurredAt()));
                events.publishEvent(new Changed(Topic.NOTIFICATIONS, user));
            }
            if (p == null ? message.kind().emailByDefault() : p.isEmail()) {
                byEmail.add(user);
            }
        }
        if (!byEmail.isEmpty() && email.enabled()) {
            users.emails(byEmail).forEach((user, address) ->
                    queue(NotificationDelivery.email(address, user, message)));
        }
        if (!teams.isEmpty()) {
            for (TeamWebhook webhook : webhooks.findByTeamIdIn(Set.copyOf(teams))) {
                queue(NotificationDelivery.webhook(webhook, message));
            }
        }
    }

    private void queue(NotificationDelivery delivery) {
        deliveries.save(delivery);
        jobs.schedule(DeliverNotificationJob.KIND, delivery.getId());
    }
}
