package dev.linkport.notification.domain;

/** What a webhook's body looks like. */
public enum WebhookFormat {
    /** {@code {"text": …, "blocks": […]}}: Slack incoming webhooks and chats that accept the same (Mattermost, Rocket.Chat). */
    SLACK("Slack-compatible"),
    /** Linkport's own JSON: event kind, title, body, link, ids and time, for your own automation. */
    JSON("Generic JSON");

    private final String label;

    WebhookFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
