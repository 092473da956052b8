package dev.linkport.worker;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one rule for running a job again after a transient AWS error (the pace of polling AWS is
 * {@link WorkerProperties.Poll}).
 * Transient errors (throttling, 5xx, time-outs) are retried with exponential backoff and full jitter,
 * never failing a job by themselves: only a permanent error, or the worker's time budget running out,
 * does. A call Linkport's own rate budget held back is simply made when the budget has a token. The base
 * and cap of the backoff are {@code linkport.worker.retry.*} ({@link WorkerProperties.Retry}).
 */
public final class RetryRule {

    private RetryRule() {
    }

    /** A random wait in [0, min(cap, base × 2^attempt)] — "full jitter". */
    public static Duration fullJitter(int attempt, Duration base, Duration cap) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt, 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }
}
