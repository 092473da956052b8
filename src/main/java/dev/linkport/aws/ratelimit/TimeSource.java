package dev.linkport.aws.ratelimit;

import java.time.Duration;
import java.time.Instant;

/** Time for rate limits and a way to wait on it; tests use a fake one that advances when asked to sleep. */
public interface TimeSource {

    /** Monotonic time in nanoseconds (only differences are meaningful). */
    long nanoTime();

    /**
     * Time in microseconds as all instances agree on it: budgets shared through the database refill by it.
     * A fake clock may count from anywhere, as long as it only moves forward.
     */
    default long micros() {
        return nanoTime() / 1_000;
    }

    /** Waits for {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;

    /** The system's clocks and {@link Thread#sleep(Duration)}. */
    TimeSource SYSTEM = new TimeSource() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public long micros() {
            Instant now = Instant.now();
            return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            if (duration.isPositive()) {
                Thread.sleep(duration);
            }
        }
    };
}
