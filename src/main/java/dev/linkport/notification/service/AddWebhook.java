package dev.linkport.notification.service;

import dev.linkport.notification.domain.WebhookFormat;
import dev.linkport.platform.OneLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A new webhook for a team; the same rules on the settings page and wherever else it is added. */
public record AddWebhook(
        @NotNull(message = "Choose the team") UUID teamId,
        @NotBlank(message = "Enter a name, e.g. #payments-alerts")
        @Size(max = 80, message = "At most 80 characters") @OneLine String name,
        @NotBlank(message = "Enter the URL that receives the notifications")
        @Size(max = 2000, message = "At most 2000 characters") @OneLine
        @Pattern(regexp = "(?i)^https?://[^\\s/?#@]+(/[^\\s]*)?$",
                message = "Enter an http:// or https:// URL, e.g. https://hooks.slack.com/services/…") String url,
        @NotNull(message = "Choose the format") WebhookFormat format) {
}
