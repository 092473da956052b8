package dev.linkport.aws.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client-side token buckets per (account, region, {@link ApiBucket}), sized at {@code fraction} of AWS's burst
 * and refill rate. {@link #acquire} waits for a token instead of failing. One instance serves the whole
 * application (per JVM; several Linkport instances each keep their own share).
 */
public final class RateLimiter {

    private record Key(String accountId, String region, ApiBucket bucket) {
    }

    private final double fraction;
    private final TimeSource time;
    private final Map<Key, TokenBucket> buckets = new ConcurrentHashMap<>();

    /**
     * @param fraction share of AWS's limits Linkport allows itself, in (0, 1]
     */
    public RateLimiter(double fraction, TimeSource time) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("Rate-limit fraction must be in (0, 1]: " + fraction);
        }
        this.fraction = fraction;
        this.time = time;
    }

    /** Burst Linkport allows itself in {@code bucket}: {@code fraction} of AWS's, at least one call. */
    public int burst(ApiBucket bucket) {
        return Math.max(1, (int) Math.floor(bucket.awsBurst() * fraction));
    }

    /** Refill rate (calls per second) Linkport allows itself in {@code bucket}. */
    public double refillPerSecond(ApiBucket bucket) {
        return bucket.awsRefillPerSecond() * fraction;
    }

    /**
     * Takes a token from the account's bucket, waiting as long as needed.
     *
     * @return how long the caller waited
     * @throws InterruptedException if interrupted while waiting (the token is then lost, which only errs on the
     *                              safe side)
     */
    public Duration acquire(String accountId, String region, ApiBucket bucket) throws InterruptedException {
        TokenBucket tokens = buckets.computeIfAbsent(new Key(accountId, region, bucket),
                key -> new TokenBucket(burst(bucket), refillPerSecond(bucket), time));
        Duration wait = Duration.ofNanos(tokens.reserve());
        if (wait.isPositive()) {
            time.sleep(wait);
        }
        return wait;
    }
}
