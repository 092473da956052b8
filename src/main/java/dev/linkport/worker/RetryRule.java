package dev.linkport.worker;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one rule for running a job again after a transient AWS error (the pace of polling AWS is
 * {@link WorkerProperties.Poll}).
 * Transient errors (throttling, 5xx, time-outs) are retried with exponential backoff and full jitter,
 * never failing a job by themselves: only a permanent error, or the worker's time budget running out,
 * does. A call Linkport's own rate budget held back is simply made when the budget has a token.
 */
public final class RetryRule {

    private static final Duration BASE = Duration.ofSeconds(1);
    /** As the AWS SDKs' standard retry mode: a job is back within 20 s of AWS answering again. */
    private static final Duration CAP = Duration.ofSeconds(20);

    private RetryRule() {
    }

    /** A random wait in [0, min(cap, base × 2^attempt)] — "full jitter". */
    public static Duration fullJitter(int attempt, Duration base, Duration cap) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt, 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    /** The wait before retry {@code retries + 1} after a transient AWS error: full jitter, 1 s doubling, at most 20 s. */
    public static Duration backoff(int retries) {
        return fullJitter(retries, BASE, CAP);
    }
}
