package dev.linkport.platform.ui;

import java.time.Duration;
import java.time.Instant;

/** How long ago something happened, as people say it in a list: "just now", "5 min ago", "3 h ago", "2 days ago". */
public final class TimeAgo {

    private TimeAgo() {
    }

    public static String of(Instant at, Instant now) {
        Duration d = Duration.between(at, now);
        if (d.toMinutes() < 1) {
            return "just now";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + " min ago";
        }
        if (d.toDays() < 1) {
            return d.toHours() + " h ago";
        }
        return d.toDays() == 1 ? "1 day ago" : d.toDays() + " days ago";
    }
}
