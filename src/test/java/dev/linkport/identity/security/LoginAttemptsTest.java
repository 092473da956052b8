package dev.linkport.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The throttling rules on their own; {@link LoginAttemptsIT} counts failures in the database. */
class LoginAttemptsTest {

    static final Instant LAST = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void theFirstFailuresCostNothingThenEachWaitIsTwiceTheLast() {
        assertThat(LoginAttempts.waitAfter(1, LAST, LAST, SECOND)).isZero();
        assertThat(LoginAttempts.waitAfter(2, LAST, LAST, SECOND)).isZero();
        assertThat(LoginAttempts.waitAfter(3, LAST, LAST, SECOND)).isEqualTo(Duration.ofSeconds(1));
        assertThat(LoginAttempts.waitAfter(4, LAST, LAST, SECOND)).isEqualTo(Duration.ofSeconds(2));
        assertThat(LoginAttempts.waitAfter(5, LAST, LAST, SECOND)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void theWaitRunsFromTheLastFailure() {
        assertThat(LoginAttempts.waitAfter(5, LAST, LAST.plusMillis(1_500), SECOND)).isEqualTo(Duration.ofMillis(2_500));
        assertThat(LoginAttempts.waitAfter(5, LAST, LAST.plusSeconds(4), SECOND)).isZero();
        assertThat(LoginAttempts.waitAfter(5, LAST, LAST.plusSeconds(60), SECOND)).isZero();
    }

    @Test
    void theWaitIsCappedAtFiveMinutes() {
        assertThat(LoginAttempts.waitAfter(12, LAST, LAST, SECOND)).isEqualTo(Duration.ofMinutes(5));
        assertThat(LoginAttempts.waitAfter(1_000, LAST, LAST, SECOND)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theFirstWaitIsTheConfiguredBaseDelay() {
        Duration minute = Duration.ofMinutes(1);
        assertThat(LoginAttempts.waitAfter(3, LAST, LAST, minute)).isEqualTo(Duration.ofMinutes(1));
        assertThat(LoginAttempts.waitAfter(4, LAST, LAST, minute)).isEqualTo(Duration.ofMinutes(2));
        assertThat(LoginAttempts.waitAfter(6, LAST, LAST, minute)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aFailureStampedAheadOfThisClockMakesTheWholeWaitNoMore() {
        assertThat(LoginAttempts.waitAfter(3, LAST.plusSeconds(30), LAST, SECOND)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void userNamesCountTrimmedAndInLowerCaseAndNamesNoUserCanHaveNotAtAll() {
        assertThat(LoginAttempts.key("  Bob ")).isEqualTo("bob");
        assertThat(LoginAttempts.key(null)).isEmpty();
        assertThat(LoginAttempts.key("a".repeat(64))).hasSize(64);
        assertThat(LoginAttempts.key("a".repeat(65))).isNull();
    }
}
