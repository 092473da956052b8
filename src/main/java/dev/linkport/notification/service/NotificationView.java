package dev.linkport.notification.service;

import java.time.Instant;
import java.util.UUID;

/** One notification as the bell lists it. */
public record NotificationView(UUID id, String kind, String title, String body, String link, Instant createdAt,
                               boolean unread) {
}
