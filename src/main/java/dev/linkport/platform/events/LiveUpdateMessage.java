package dev.linkport.platform.events;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What one instance tells the others about {@link Changed} events: the payload of a PostgreSQL
 * notification. Plain text, so that {@code LISTEN linkport_live_updates} in psql shows it readably:
 * a first line with the format and the sending instance, then one line per change.
 *
 * <pre>
 * 1 5f0c…-sender-instance-id
 * ENDPOINT_REQUEST 8d2e…-request-id 41aa…-team-id 77b1…-listing-id
 * SERVICE_LISTING 77b1…-listing-id - -
 * </pre>
 *
 * A payload holds at most {@link #MAX_BYTES} (NOTIFY refuses more than 8000); more changes make more
 * payloads. A change is at most about 130 bytes, so one payload carries about thirty.
 *
 * @param sender  the instance that published the changes
 * @param changes the changes, in the order they were published
 */
record LiveUpdateMessage(UUID sender, List<Changed> changes) {

    /** The most bytes one payload holds; half of NOTIFY's limit. */
    static final int MAX_BYTES = 4000;

    /** The format's version, the first word of every payload; an instance ignores payloads of another. */
    private static final String FORMAT = "1";
    private static final String NONE = "-";

    LiveUpdateMessage {
        changes = List.copyOf(changes);
    }

    /** The changes as payloads of at most {@link #MAX_BYTES} bytes each, in order; none for no changes. */
    static List<String> payloads(UUID sender, Collection<Changed> changes) {
        String header = FORMAT + " " + sender;
        List<String> payloads = new ArrayList<>();
        StringBuilder payload = new StringBuilder(header);
        for (Changed changed : changes) {
            String line = "\n" + changed.topic().name() + " " + text(changed.id()) + " " + text(changed.teamId())
                    + " " + text(changed.listingId());
            if (payload.length() > header.length() && payload.length() + line.length() > MAX_BYTES) {
                payloads.add(payload.toString());
                payload = new StringBuilder(header);
            }
            payload.append(line);
        }
        if (payload.length() > header.length()) {
            payloads.add(payload.toString());
        }
        assert payloads.stream().allMatch(p -> p.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES);
        return payloads;
    }

    /**
     * The message in the payload; empty if it is not in this format (an instance of another version,
     * or someone else notifying on the channel). Lines about topics this version does not know are
     * left out.
     */
    static Optional<LiveUpdateMessage> parse(String payload) {
        if (payload == null) {
            return Optional.empty();
        }
        String[] lines = payload.split("\n");
        String[] header = lines[0].split(" ");
        if (header.length != 2 || !FORMAT.equals(header[0])) {
            return Optional.empty();
        }
        try {
            UUID sender = UUID.fromString(header[1]);
            List<Changed> changes = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                String[] words = lines[i].split(" ");
                if (words.length != 4) {
                    return Optional.empty();
                }
                Changed.Topic topic = topic(words[0]);
                if (topic != null) {
                    changes.add(new Changed(topic, uuid(words[1]), uuid(words[2]), uuid(words[3])));
                }
            }
            return Optional.of(new LiveUpdateMessage(sender, changes));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private static Changed.Topic topic(String name) {
        for (Changed.Topic topic : Changed.Topic.values()) {
            if (topic.name().equals(name)) {
                return topic;
            }
        }
        return null;
    }

    private static String text(UUID id) {
        return id == null ? NONE : id.toString();
    }

    private static UUID uuid(String text) {
        return NONE.equals(text) ? null : UUID.fromString(text);
    }
}
