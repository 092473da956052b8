package dev.linkport.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkport.notification.NotificationKind;
import dev.linkport.notification.NotificationProperties;
import dev.linkport.notification.domain.NotificationDelivery;
import dev.linkport.notification.domain.NotificationDelivery.Message;
import dev.linkport.notification.domain.TeamWebhook;
import dev.linkport.notification.domain.WebhookFormat;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a webhook receives, and how it is signed. */
class WebhookPayloadTest {

    static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");
    static final NotificationProperties PROPERTIES = new NotificationProperties(URI.create("https://linkport.example.com"),
            "linkport@example.com", Duration.ofHours(24), Duration.ofHours(72), Duration.ofMinutes(15),
            new NotificationProperties.Delivery(3, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(5)));

    final WebhookSender sender = new WebhookSender(PROPERTIES, Clock.fixed(AT, ZoneOffset.UTC));
    final UUID request = UUID.randomUUID();
    final UUID listing = UUID.randomUUID();

    NotificationDelivery delivery(WebhookFormat format, String title) {
        TeamWebhook webhook = new TeamWebhook(UUID.randomUUID(), "chat", "https://hooks.example.com/x", format,
                "whsec_test", UUID.randomUUID(), AT);
        return NotificationDelivery.webhook(webhook, new Message(NotificationKind.REQUEST_TO_DECIDE, title,
                "bob asks: <please>", "approvals/" + request, request, listing, AT));
    }

    @Test
    void theGenericJsonNamesTheEventItsThingsAndAnAbsoluteLink() {
        JsonNode json = JsonMapper.builder().build().readTree(sender.body(delivery(WebhookFormat.JSON, "New request"),
                WebhookFormat.JSON));
        assertThat(json.get("kind").asString()).isEqualTo("REQUEST_TO_DECIDE");
        assertThat(json.get("title").asString()).isEqualTo("New request");
        assertThat(json.get("body").asString()).isEqualTo("bob asks: <please>");
        assertThat(json.get("link").asString()).isEqualTo("https://linkport.example.com/approvals/" + request);
        assertThat(json.get("requestId").asString()).isEqualTo(request.toString());
        assertThat(json.get("serviceId").asString()).isEqualTo(listing.toString());
        assertThat(json.get("occurredAt").asString()).isEqualTo("2026-11-30T10:00:00Z");
    }

    @Test
    void theSlackTextEscapesSlacksControlCharactersAndLinksInSlacksNotation() {
        JsonNode json = JsonMapper.builder().build().readTree(sender.body(delivery(WebhookFormat.SLACK, "A & B"),
                WebhookFormat.SLACK));
        assertThat(json.get("text").asString()).isEqualTo("*A &amp; B*\nbob asks: &lt;please&gt;\n"
                + "<https://linkport.example.com/approvals/" + request + "|Open in Linkport>");
        assertThat(json.get("blocks").get(0).get("text").get("type").asString()).isEqualTo("mrkdwn");
    }

    @Test
    void theSignatureIsAnHmacOfTheTimeAndTheBodyThatChangesWithEither() {
        String header = WebhookSignature.header("whsec_test", 1_700_000_000L, "{\"a\":1}");
        assertThat(header).isEqualTo("t=1700000000,v1=" + WebhookSignature.hmac("whsec_test", "1700000000.{\"a\":1}"));
        assertThat(header).isNotEqualTo(WebhookSignature.header("whsec_test", 1_700_000_001L, "{\"a\":1}"));
        assertThat(header).isNotEqualTo(WebhookSignature.header("whsec_test", 1_700_000_000L, "{\"a\":2}"));
        assertThat(WebhookSignature.newSecret()).startsWith("whsec_").isNotEqualTo(WebhookSignature.newSecret());
    }

    @Test
    void escalatingBeforeRemindingIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new NotificationProperties(URI.create("http://localhost:8080"), "x@y",
                Duration.ofHours(24), Duration.ofHours(24), Duration.ofMinutes(15), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("escalate-after");
        assertThat(PROPERTIES.link("my-endpoints/1")).isEqualTo("https://linkport.example.com/my-endpoints/1");
    }
}
