package dev.linkport.aws.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration BASE = Duration.ofMillis(200);
    private static final Duration MAX = Duration.ofSeconds(5);

    @Test
    void theCapDoublesWithEachRetryUntilTheMaximumDelay() {
        Backoff backoff = new Backoff(10, BASE, MAX, new Random(1));

        assertThat(backoff.cap(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.cap(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.cap(3)).isEqualTo(Duration.ofMillis(800));
        assertThat(backoff.cap(5)).isEqualTo(Duration.ofMillis(3_200));
        assertThat(backoff.cap(6)).isEqualTo(MAX);
        assertThat(backoff.cap(500)).isEqualTo(MAX);
    }

    @Test
    void everyDelayIsJitteredWithinZeroAndTheCap() {
        Backoff backoff = new Backoff(10, BASE, MAX, new Random(7));

        for (int retry = 1; retry <= 40; retry++) {
            for (int sample = 0; sample < 200; sample++) {
                assertThat(backoff.delayBeforeRetry(retry)).isBetween(Duration.ZERO, backoff.cap(retry));
            }
        }
    }

    @Test
    void delaysAreSpreadOverTheWholeRangeNotBunchedAtTheCap() {
        Backoff backoff = new Backoff(10, BASE, MAX, new Random(3));
        Duration cap = backoff.cap(4);

        long belowHalf = 0;
        for (int sample = 0; sample < 1_000; sample++) {
            if (backoff.delayBeforeRetry(4).compareTo(cap.dividedBy(2)) < 0) {
                belowHalf++;
            }
        }
        assertThat(belowHalf).isBetween(400L, 600L);
    }

    @Test
    void attemptsAreBoundedByMaxAttempts() {
        Backoff backoff = new Backoff(3, BASE, MAX, new Random(1));

        assertThat(backoff.mayRetry(1)).isTrue();
        assertThat(backoff.mayRetry(2)).isTrue();
        assertThat(backoff.mayRetry(3)).isFalse();
    }

    @Test
    void aZeroBaseDelayRetriesAtOnce() {
        assertThat(new Backoff(3, Duration.ZERO, MAX, new Random(1)).delayBeforeRetry(2)).isZero();
    }
}
