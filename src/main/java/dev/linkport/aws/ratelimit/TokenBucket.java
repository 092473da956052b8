package dev.linkport.aws.ratelimit;

/**
 * A token bucket that hands out reservations: a caller takes a token now, or reserves the next one and is told
 * how long to wait for it. Callers therefore wait in arrival order and never spin. Thread-safe.
 */
final class TokenBucket {

    private final double capacity;
    private final double tokensPerNano;
    private final TimeSource time;
    private double tokens;
    private long lastRefill;

    TokenBucket(double capacity, double tokensPerSecond, TimeSource time) {
        if (capacity < 1) {
            throw new IllegalArgumentException("A bucket needs room for at least one token: " + capacity);
        }
        if (!(tokensPerSecond > 0)) {
            throw new IllegalArgumentException("Refill rate must be positive: " + tokensPerSecond);
        }
        this.capacity = capacity;
        this.tokensPerNano = tokensPerSecond / 1e9;
        this.time = time;
        this.tokens = capacity;
        this.lastRefill = time.nanoTime();
    }

    /** Takes one token; returns how many nanoseconds the caller must wait before using it (0 = now). */
    synchronized long reserve() {
        long now = time.nanoTime();
        tokens = Math.min(capacity, tokens + (now - lastRefill) * tokensPerNano);
        lastRefill = now;
        tokens -= 1;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / tokensPerNano);
    }
}
