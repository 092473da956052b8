package dev.linkport.notification.service;

import dev.linkport.notification.domain.Notification;
import dev.linkport.notification.domain.NotificationRepository;
import dev.linkport.platform.NotFoundException;
import dev.linkport.platform.OffsetPage;
import dev.linkport.platform.events.Changed;
import dev.linkport.platform.events.Changed.Topic;
import dev.linkport.platform.security.CurrentActor;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in user's own notifications: nobody reads or marks anyone else's. */
@Service
@Transactional
public class NotificationService {

    private final NotificationRepository notifications;
    private final CurrentActor actor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public NotificationService(NotificationRepository notifications, CurrentActor actor,
                               ApplicationEventPublisher events, Clock clock) {
        this.notifications = notifications;
        this.actor = actor;
        this.events = events;
        this.clock = clock;
    }

    /** The caller's notifications, newest first. */
    @Transactional(readOnly = true)
    public List<NotificationRow> mine(int offset, int limit) {
        UUID me = actor.require().userId();
        return notifications.findByUserIdOrderByCreatedAtDesc(me, new OffsetPage(offset, limit, Sort.unsorted()))
                .stream().map(NotificationService::view).toList();
    }

    @Transactional(readOnly = true)
    public long unreadCount() {
        return notifications.countByUserIdAndReadAtIsNull(actor.require().userId());
    }

    /** Marks one of the caller's notifications read. */
    public void markRead(UUID id) {
        UUID me = actor.require().userId();
        Notification n = notifications.findById(id).filter(x -> x.getUserId().equals(me))
                .orElseThrow(() -> new NotFoundException("No such notification"));
        n.read(clock.instant());
        events.publishEvent(new Changed(Topic.NOTIFICATIONS, me));
    }

    /** Marks all of the caller's notifications read. */
    public void markAllRead() {
        UUID me = actor.require().userId();
        notifications.markAllRead(me, clock.instant());
        events.publishEvent(new Changed(Topic.NOTIFICATIONS, me));
    }

    private static NotificationRow view(Notification n) {
        return new NotificationRow(n.getId(), n.getKind(), n.getTitle(), n.getBody(), n.getLink(), n.getCreatedAt(),
                n.getReadAt() == null);
    }
}
