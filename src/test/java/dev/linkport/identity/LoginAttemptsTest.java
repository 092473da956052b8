package dev.linkport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.identity.security.LoginAttempts;
import dev.linkport.identity.security.SignInThrottleProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginAttemptsTest {

    static final class FakeClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
        void advance(Duration d) { now = now.plus(d); }
    }

    final FakeClock clock = new FakeClock();
    final LoginAttempts attempts = new LoginAttempts(clock);

    @Test
    void theFirstFailuresCostNothingThenEachAttemptWaitsTwiceAsLong() {
        for (int i = 0; i < 3; i++) {
            assertThat(attempts.waitBeforeNextAttempt("bob")).isZero();
            attempts.failed("bob");
        }
        assertThat(attempts.waitBeforeNextAttempt("bob")).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        attempts.failed("bob");
        assertThat(attempts.waitBeforeNextAttempt("BOB")).isEqualTo(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        attempts.failed("bob");
        assertThat(attempts.waitBeforeNextAttempt("bob")).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void theDelayIsCappedAndOtherUsersAreNotAffected() {
        for (int i = 0; i < 40; i++) {
            attempts.failed("mallory");
        }
        assertThat(attempts.waitBeforeNextAttempt("mallory")).isEqualTo(Duration.ofMinutes(5));
        assertThat(attempts.waitBeforeNextAttempt("alice")).isZero();
    }

    @Test
    void theFirstWaitIsTheConfiguredBaseDelay() {
        LoginAttempts slow = new LoginAttempts(clock, new SignInThrottleProperties(Duration.ofMinutes(1)));
        for (int i = 0; i < 3; i++) {
            slow.failed("dave");
        }
        assertThat(slow.waitBeforeNextAttempt("dave")).isEqualTo(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        slow.failed("dave");
        assertThat(slow.waitBeforeNextAttempt("dave")).isEqualTo(Duration.ofMinutes(2));
        clock.advance(Duration.ofMinutes(2));
        slow.failed("dave");
        slow.failed("dave");
        assertThat(slow.waitBeforeNextAttempt("dave")).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aSuccessfulSignInClearsTheCount() {
        for (int i = 0; i < 5; i++) {
            attempts.failed("carol");
        }
        attempts.succeeded("carol");
        assertThat(attempts.waitBeforeNextAttempt("carol")).isZero();
    }
}
