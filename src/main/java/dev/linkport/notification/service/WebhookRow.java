package dev.linkport.notification.service;

import dev.linkport.notification.domain.WebhookFormat;
import java.time.Instant;
import java.util.UUID;

/** A team's webhook as its owners see it: never with its secret. */
public record WebhookRow(UUID id, UUID teamId, String name, String url, WebhookFormat format, Instant createdAt) {
}
