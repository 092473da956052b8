package dev.linkport.consumer.service;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The time a usage chart covers: the last 24 hours by hour, or the last 30 days by day (UTC). */
public enum UsageWindow {
    LAST_24_HOURS(24, Duration.ofHours(1), ChronoUnit.HOURS),
    LAST_30_DAYS(30, Duration.ofDays(1), ChronoUnit.DAYS);

    private final int periods;
    private final Duration period;
    private final ChronoUnit unit;

    UsageWindow(int periods, Duration period, ChronoUnit unit) {
        this.periods = periods;
        this.period = period;
        this.unit = unit;
    }

    public Duration period() {
        return period;
    }

    /** The starts of the window's periods ending with the one that holds {@code now}, oldest first. */
    public List<Instant> periodsUntil(Instant now) {
        Instant last = now.truncatedTo(unit);
        List<Instant> starts = new ArrayList<>(periods);
        for (int i = periods - 1; i >= 0; i--) {
            starts.add(last.minus(period.multipliedBy(i)));
        }
        return starts;
    }
}
