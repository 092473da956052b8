package dev.linkport.worker;

import dev.linkport.aws.AwsGatewayException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one rule for retrying a job after an AWS error, and the pace of polling AWS: transient
 * errors (throttling, 5xx, time-outs) are retried with exponential backoff and full jitter while
 * attempts are left; permanent ones are not.
 */
public final class RetryRule {

    /** Transient failures give up after this many runs in a row. */
    public static final int MAX_ATTEMPTS = 12;

    private static final Duration BASE = Duration.ofSeconds(1);
    private static final Duration CAP = Duration.ofSeconds(60);

    private RetryRule() {
    }

    /** A random wait in [0, min(cap, base × 2^attempt)] — "full jitter". */
    public static Duration fullJitter(int attempt, Duration base, Duration cap) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt, 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    /** Whether a job runs again after this AWS error: it is transient and attempts are left. */
    public static boolean retries(AwsGatewayException e, int attempt) {
        return e.isTransient() && attempt + 1 < MAX_ATTEMPTS;
    }

    /** The next run of a job after a transient AWS error: full jitter, 1 s doubling, at most a minute. */
    public static Step retryLater(int attempt) {
        return Step.again(fullJitter(attempt, BASE, CAP));
    }

    /** How long to wait before asking AWS again whether something finished: 0.5 s doubling to 15 s. */
    public static Duration poll(int attempt) {
        long millis = Math.min(15_000, 500L << Math.min(attempt, 10));
        return Duration.ofMillis(millis);
    }
}
