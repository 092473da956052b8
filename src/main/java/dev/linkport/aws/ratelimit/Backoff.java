package dev.linkport.aws.ratelimit;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: before retry {@code n} (1-based) wait a uniformly random time in
 * {@code [0, min(maxDelay, baseDelay * 2^(n-1))]}. Bounded by {@code maxAttempts} in total (first try
 * included).
 */
public final class Backoff {

    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final RandomGenerator random;

    public Backoff(int maxAttempts, Duration baseDelay, Duration maxDelay, RandomGenerator random) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxDelay.isNegative()) {
            throw new IllegalArgumentException("Backoff delays must not be negative");
        }
        this.maxAttempts = maxAttempts;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.random = random;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** Whether another attempt is allowed after {@code attemptsMade} attempts. */
    public boolean mayRetry(int attemptsMade) {
        return attemptsMade < maxAttempts;
    }

    /** The upper bound of the wait before retry {@code retry} (1-based): {@code min(maxDelay, base * 2^(retry-1))}. */
    public Duration cap(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("Retries count from 1: " + retry);
        }
        int shift = Math.min(retry - 1, 62);
        long baseNanos = baseDelay.toNanos();
        long capNanos = baseNanos > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : baseNanos << shift;
        return Duration.ofNanos(Math.min(capNanos, maxDelay.toNanos()));
    }

    /** A random wait in {@code [0, cap(retry)]} before retry {@code retry} (1-based). */
    public Duration delayBeforeRetry(int retry) {
        long cap = cap(retry).toNanos();
        return cap == 0 ? Duration.ZERO : Duration.ofNanos(random.nextLong(cap + 1));
    }
}
