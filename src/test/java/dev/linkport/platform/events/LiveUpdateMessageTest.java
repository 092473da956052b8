package dev.linkport.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.platform.events.Changed.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The payload other instances receive: readable, small enough for NOTIFY, and read back as sent. */
class LiveUpdateMessageTest {

    static final UUID SENDER = UUID.fromString("5f0c2c9e-1c1d-4a52-9a55-0a2f3f5b6c7d");
    static final UUID REQUEST = UUID.fromString("8d2e0000-0000-4000-8000-000000000001");
    static final UUID TEAM = UUID.fromString("41aa0000-0000-4000-8000-000000000002");
    static final UUID LISTING = UUID.fromString("77b10000-0000-4000-8000-000000000003");

    @Test
    void aChangeIsOneReadableLineAfterTheSender() {
        List<String> payloads = LiveUpdateMessage.payloads(SENDER, List.of(
                new Changed(Topic.ENDPOINT_REQUEST, REQUEST, TEAM, LISTING), new Changed(Topic.SERVICE_LISTING, LISTING)));

        assertThat(payloads).containsExactly("""
                1 5f0c2c9e-1c1d-4a52-9a55-0a2f3f5b6c7d
                ENDPOINT_REQUEST 8d2e0000-0000-4000-8000-000000000001 41aa0000-0000-4000-8000-000000000002 \
                77b10000-0000-4000-8000-000000000003
                SERVICE_LISTING 77b10000-0000-4000-8000-000000000003 - -""");
    }

    @Test
    void whatIsSentIsReadBackWithItsSender() {
        List<Changed> changes = List.of(new Changed(Topic.ENDPOINT_REQUEST, REQUEST, TEAM, null),
                new Changed(Topic.NOTIFICATIONS, UUID.randomUUID()));

        LiveUpdateMessage message = LiveUpdateMessage.parse(LiveUpdateMessage.payloads(SENDER, changes).getFirst())
                .orElseThrow();

        assertThat(message.sender()).isEqualTo(SENDER);
        assertThat(message.changes()).isEqualTo(changes);
    }

    @Test
    void manyChangesMakeSeveralPayloadsEachWellUnderNotifysLimit() {
        List<Changed> changes = IntStream.range(0, 1_000)
                .mapToObj(i -> new Changed(Topic.ENDPOINT_REQUEST, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()))
                .toList();

        List<String> payloads = LiveUpdateMessage.payloads(SENDER, changes);

        assertThat(payloads).hasSizeBetween(30, 40).allSatisfy(p -> assertThat(p.getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(LiveUpdateMessage.MAX_BYTES));
        // each but the last is full: no more notifications than needed
        assertThat(payloads.subList(0, payloads.size() - 1))
                .allSatisfy(p -> assertThat(p.length()).isGreaterThan(LiveUpdateMessage.MAX_BYTES - 200));
        assertThat(payloads.stream().map(p -> LiveUpdateMessage.parse(p).orElseThrow())
                .flatMap(m -> m.changes().stream()).toList()).isEqualTo(changes);
        assertThat(LiveUpdateMessage.MAX_BYTES).isLessThan(8000);
    }

    @Test
    void noChangesNoPayload() {
        assertThat(LiveUpdateMessage.payloads(SENDER, List.of())).isEmpty();
    }

    @Test
    void payloadsInAnotherFormatAreNotRead() {
        assertThat(LiveUpdateMessage.parse(null)).isEmpty();
        assertThat(LiveUpdateMessage.parse("")).isEmpty();
        assertThat(LiveUpdateMessage.parse("hello")).isEmpty();
        assertThat(LiveUpdateMessage.parse("2 " + SENDER + "\nSERVICE_LISTING " + LISTING + " - -")).isEmpty();
        assertThat(LiveUpdateMessage.parse("1 not-a-uuid\nSERVICE_LISTING " + LISTING + " - -")).isEmpty();
        assertThat(LiveUpdateMessage.parse("1 " + SENDER + "\nSERVICE_LISTING " + LISTING)).isEmpty();
    }

    @Test
    void aTopicThisVersionDoesNotKnowIsLeftOut() {
        LiveUpdateMessage message = LiveUpdateMessage.parse("1 " + SENDER + "\nSOMETHING_NEW " + REQUEST + " - -"
                + "\nSERVICE_LISTING " + LISTING + " - -").orElseThrow();

        assertThat(message.changes()).containsExactly(new Changed(Topic.SERVICE_LISTING, LISTING));
    }

    @Test
    void theListenerRetriesAfterHalfASecondThenTwiceAsLongUpToFiveSeconds() {
        assertThat(IntStream.rangeClosed(1, 6).mapToObj(ChannelListener::retryAfter).toList()).containsExactly(
                Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThat(ChannelListener.retryAfter(1_000)).isEqualTo(Duration.ofSeconds(5));
    }
}
