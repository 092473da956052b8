package dev.linkport.worker.jobs;

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

    /** How long to wait before asking AWS again whether something finished: 0.5 s doubling to 15 s. */
    public static Duration poll(int attempt) {
        long millis = Math.min(15_000, 500L << Math.min(attempt, 10));
        return Duration.ofMillis(millis);
    }
}
