package dev.linkport.notification.delivery;

import dev.linkport.notification.NotificationProperties;
import dev.linkport.notification.domain.NotificationDelivery;
import dev.linkport.notification.domain.TeamWebhook;
import dev.linkport.notification.domain.WebhookFormat;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls a team's webhook: {@code POST} of a JSON body (Slack-compatible or Linkport's own), signed with the
 * webhook's secret ({@link WebhookSignature}). 2xx is delivered; 5xx, 429, time-outs and connection failures are
 * worth another try; any other answer (a wrong URL, a refused signature) is not. Redirects are not followed.
 */
@Component
class WebhookSender {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final NotificationProperties properties;
    private final Clock clock;
    private final HttpClient http;

    WebhookSender(NotificationProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.delivery().timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    SendOutcome send(NotificationDelivery delivery, TeamWebhook webhook) {
        String body = body(delivery, webhook.getFormat());
        long now = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.getUrl()))
                .timeout(properties.delivery().timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Linkport-Webhook/1")
                .header("X-Linkport-Event", delivery.getKind().name())
                .header("X-Linkport-Delivery", delivery.getId().toString())
                .header(WebhookSignature.HEADER, WebhookSignature.header(webhook.getSecret(), now, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            String answer = "HTTP " + status;
            if (status >= 200 && status < 300) {
                return SendOutcome.delivered(answer);
            }
            String error = "The webhook answered " + status + shortBody(response.body());
            return status >= 500 || status == 429 ? SendOutcome.transientFailure(answer, error)
                    : SendOutcome.permanentFailure(answer, error);
        } catch (HttpTimeoutException e) {
            return SendOutcome.transientFailure(null, "No answer within " + properties.delivery().timeout().toSeconds()
                    + " s");
        } catch (IOException e) {
            return SendOutcome.transientFailure(null, "Could not reach the webhook: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendOutcome.transientFailure(null, "Interrupted while calling the webhook");
        }
    }

    private static String shortBody(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = body.strip();
        return ": " + (text.length() > 200 ? text.substring(0, 199) + "…" : text);
    }

    /** The body in the webhook's format. */
    String body(NotificationDelivery d, WebhookFormat format) {
        String link = d.getLink() == null ? null : properties.link(d.getLink());
        if (format == WebhookFormat.SLACK) {
            StringBuilder text = new StringBuilder("*").append(slack(d.getTitle())).append("*");
            if (d.getBody() != null && !d.getBody().isBlank()) {
                text.append("\n").append(slack(d.getBody()));
            }
            if (link != null) {
                text.append("\n<").append(link).append("|Open in Linkport>");
            }
            Map<String, Object> section = Map.of("type", "section",
                    "text", Map.of("type", "mrkdwn", "text", text.toString()));
            Map<String, Object> context = Map.of("type", "context", "elements",
                    List.of(Map.of("type", "mrkdwn", "text", "Linkport · " + d.getKind().name())));
            return JSON.writeValueAsString(Map.of("text", text.toString(), "blocks", List.of(section, context)));
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("deliveryId", d.getId().toString());
        event.put("kind", d.getKind().name());
        event.put("title", d.getTitle());
        event.put("body", d.getBody());
        event.put("link", link);
        event.put("requestId", d.getRequestId() == null ? null : d.getRequestId().toString());
        event.put("serviceId", d.getListingId() == null ? null : d.getListingId().toString());
        event.put("teamId", d.getTeamId() == null ? null : d.getTeamId().toString());
        event.put("occurredAt", d.getOccurredAt().toString());
        return JSON.writeValueAsString(event);
    }

    /** Slack's mrkdwn treats these three as control characters. */
    private static String slack(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
