package dev.linkport.worker.jobs;

import dev.linkport.aws.AwsGatewayException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with full jitter, and the slower, steady pace for polling AWS. */
public final class Backoff {

    /** Transient failures give up after this many runs in a row. */
    public static final int MAX_ATTEMPTS = 12;

    private Backoff() {
    }

    /** A random wait in [0, min(cap, base × 2^attempt)] — "full jitter". */
    public static Duration fullJitter(int attempt, Duration base, Duration cap) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt, 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    /** Whether a job runs again after this AWS error: it is transient and attempts are left. */
    public static boolean retries(AwsGatewayException e, int attempt) {
        return e.kind() == AwsGatewayException.Kind.TRANSIENT && attempt + 1 < MAX_ATTEMPTS;
    }

    /** The next run of a job after a transient AWS error: full jitter, 1 s doubling, at most a minute. */
    public static Step retryLater(int attempt) {
        return Step.again(fullJitter(attempt, Duration.ofSeconds(1), Duration.ofSeconds(60)));
    }

    /** How long to wait before asking AWS again whether something finished: 0.5 s doubling to 15 s. */
    public static Duration poll(int attempt) {
        long millis = Math.min(15_000, 500L << Math.min(attempt, 10));
        return Duration.ofMillis(millis);
    }
}
