package dev.linkport.aws.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A clock that only moves when someone sleeps on it (or the test advances it). */
public final class FakeTime implements TimeSource {

    private long now = 1_000_000_000L;
    private final List<Duration> sleeps = new ArrayList<>();

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        now += duration.toNanos();
    }

    public synchronized void advance(Duration duration) {
        now += duration.toNanos();
    }

    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
