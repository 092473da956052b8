package dev.linkport.aws;

import dev.linkport.aws.ratelimit.TimeSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One fake time for both sides of a test: the adapter's {@link TimeSource} (its rate limiter and backoff sleep
 * on it) and the sandbox's {@link Clock} (its throttling buckets refill by it). Sleeping moves the time at once,
 * so AWS's refill rates apply exactly as if the adapter had really waited, without the test waiting.
 */
final class SharedFakeClock extends Clock implements TimeSource {

    private final AtomicLong epochNanos;
    private final AtomicLong slept = new AtomicLong();

    SharedFakeClock(Instant start) {
        this.epochNanos = new AtomicLong(start.getEpochSecond() * 1_000_000_000L + start.getNano());
    }

    @Override
    public long nanoTime() {
        return epochNanos.get();
    }

    @Override
    public void sleep(Duration duration) {
        if (duration.isPositive()) {
            slept.addAndGet(duration.toNanos());
            epochNanos.addAndGet(duration.toNanos());
        }
    }

    /** Everything slept on this clock so far. */
    Duration slept() {
        return Duration.ofNanos(slept.get());
    }

    @Override
    public Instant instant() {
        long now = epochNanos.get();
        return Instant.ofEpochSecond(Math.floorDiv(now, 1_000_000_000L), Math.floorMod(now, 1_000_000_000L));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
