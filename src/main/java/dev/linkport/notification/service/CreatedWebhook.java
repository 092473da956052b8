package dev.linkport.notification.service;

/** A webhook just added, with its signing secret: the only time anyone sees it. */
public record CreatedWebhook(WebhookRow webhook, String secret) {
}
