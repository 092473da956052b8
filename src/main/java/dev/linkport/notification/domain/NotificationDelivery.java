package dev.linkport.notification.domain;

import dev.linkport.notification.NotificationKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One notification on its way to one target (an e-mail address or a team's webhook): what to send, and the
 * delivery log's record of the attempts. It carries everything the sending job needs, so a webhook removed
 * meanwhile or a renamed service changes nothing already under way.
 */
@Entity
@Table(name = "notification_delivery")
public class NotificationDelivery {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeliveryChannel channel;

    @Column(nullable = false)
    private String target;

    @Column(name = "webhook_id")
    private UUID webhookId;

    @Column(name = "user_id")
    private UUID userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NotificationKind kind;

    @Column(nullable = false)
    private String title;

    private String body;

    private String link;

    @Column(name = "request_id")
    private UUID requestId;

    @Column(name = "listing_id")
    private UUID listingId;

    @Column(name = "team_id")
    private UUID teamId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeliveryStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_status")
    private String lastStatus;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected NotificationDelivery() {
    }

    /** What happened, where it leads and which things it is about. */
    public record Message(NotificationKind kind, String title, String body, String link, UUID requestId,
                          UUID listingId, Instant occurredAt) {
    }

    private NotificationDelivery(DeliveryChannel channel, String target, Message message) {
        this.id = UUID.randomUUID();
        this.channel = channel;
        this.target = target;
        this.kind = message.kind();
        this.title = cut(message.title(), 300);
        this.body = message.body() == null ? null : cut(message.body(), 2000);
        this.link = message.link();
        this.requestId = message.requestId();
        this.listingId = message.listingId();
        this.occurredAt = message.occurredAt();
        this.status = DeliveryStatus.PENDING;
    }

    public static NotificationDelivery email(String address, UUID userId, Message message) {
        NotificationDelivery d = new NotificationDelivery(DeliveryChannel.EMAIL, address, message);
        d.userId = userId;
        return d;
    }

    public static NotificationDelivery webhook(TeamWebhook webhook, Message message) {
        NotificationDelivery d = new NotificationDelivery(DeliveryChannel.WEBHOOK, webhook.getUrl(), message);
        d.webhookId = webhook.getId();
        d.teamId = webhook.getTeamId();
        return d;
    }

    /** The target accepted it. */
    public void delivered(String answer, Instant now) {
        attempts++;
        lastAttemptAt = now;
        lastStatus = cut(answer, 200);
        lastError = null;
        status = DeliveryStatus.DELIVERED;
        deliveredAt = now;
    }

    /** One attempt failed; {@code gaveUp}: no more will be made. */
    public void failed(String answer, String error, boolean gaveUp, Instant now) {
        attempts++;
        lastAttemptAt = now;
        lastStatus = answer == null ? null : cut(answer, 200);
        lastError = error == null ? null : cut(error, 2000);
        if (gaveUp) {
            status = DeliveryStatus.FAILED;
        }
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    public UUID getId() { return id; }
    public DeliveryChannel getChannel() { return channel; }
    public String getTarget() { return target; }
    public UUID getWebhookId() { return webhookId; }
    public UUID getUserId() { return userId; }
    public NotificationKind getKind() { return kind; }
    public String getTitle() { return title; }
    public String getBody() { return body; }
    public String getLink() { return link; }
    public UUID getRequestId() { return requestId; }
    public UUID getListingId() { return listingId; }
    public UUID getTeamId() { return teamId; }
    public Instant getOccurredAt() { return occurredAt; }
    public DeliveryStatus getStatus() { return status; }
    public int getAttempts() { return attempts; }
    public String getLastStatus() { return lastStatus; }
    public String getLastError() { return lastError; }
    public Instant getLastAttemptAt() { return lastAttemptAt; }
    public Instant getDeliveredAt() { return deliveredAt; }
}
