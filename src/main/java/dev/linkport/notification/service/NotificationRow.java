package dev.linkport.notification.service;

import dev.linkport.notification.NotificationKind;
import java.time.Instant;
import java.util.UUID;

/** One notification as the bell lists it. */
public record NotificationRow(UUID id, NotificationKind kind, String title, String body, String link,
                              Instant createdAt, boolean unread) {
}
