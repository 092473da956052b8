package dev.linkport.aws.ratelimit;

import java.time.Duration;

/** A monotonic clock and a way to wait on it; tests use a fake one that advances when asked to sleep. */
public interface TimeSource {

    /** Monotonic time in nanoseconds (only differences are meaningful). */
    long nanoTime();

    /** Waits for {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;

    /** The system's monotonic clock and {@link Thread#sleep(Duration)}. */
    TimeSource SYSTEM = new TimeSource() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            if (duration.isPositive()) {
                Thread.sleep(duration);
            }
        }
    };
}
