package dev.linkport.notification.service;

import dev.linkport.notification.NotificationKind;
import dev.linkport.notification.domain.DeliveryChannel;
import dev.linkport.notification.domain.DeliveryStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * One line of the delivery log.
 *
 * @param target     the e-mail address, or the webhook's URL
 * @param lastStatus what the target last answered ({@code HTTP 500}), if it answered
 * @param lastError  why the last attempt failed, if it did
 */
public record DeliveryRow(UUID id, DeliveryChannel channel, String target, NotificationKind kind, String title,
                          DeliveryStatus status, int attempts, String lastStatus, String lastError,
                          Instant occurredAt, Instant lastAttemptAt, Instant deliveredAt) {
}
