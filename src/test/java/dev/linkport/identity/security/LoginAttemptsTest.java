package dev.linkport.identity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The throttling rules on their own; {@link LoginAttemptsIT} counts failures in the database. */
class LoginAttemptsTest {

    static final Instant LAST = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration SECOND = Duration.ofSeconds(1);
    static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    static final Duration HALF_MINUTE = Duration.ofSeconds(30);

    static Duration oneUserFromOneAddress(int failures, Instant now, Duration base) {
        return LoginAttempts.waitAfter(failures, LAST, now, base, LoginAttempts.FREE_FAILURES, FIVE_MINUTES);
    }

    @Test
    void theFirstFailuresCostNothingThenEachWaitIsTwiceTheLast() {
        assertThat(oneUserFromOneAddress(1, LAST, SECOND)).isZero();
        assertThat(oneUserFromOneAddress(2, LAST, SECOND)).isZero();
        assertThat(oneUserFromOneAddress(3, LAST, SECOND)).isEqualTo(Duration.ofSeconds(1));
        assertThat(oneUserFromOneAddress(4, LAST, SECOND)).isEqualTo(Duration.ofSeconds(2));
        assertThat(oneUserFromOneAddress(5, LAST, SECOND)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void theWaitRunsFromTheLastFailure() {
        assertThat(oneUserFromOneAddress(5, LAST.plusMillis(1_500), SECOND)).isEqualTo(Duration.ofMillis(2_500));
        assertThat(oneUserFromOneAddress(5, LAST.plusSeconds(4), SECOND)).isZero();
        assertThat(oneUserFromOneAddress(5, LAST.plusSeconds(60), SECOND)).isZero();
    }

    @Test
    void theWaitIsCappedAtFiveMinutes() {
        assertThat(oneUserFromOneAddress(12, LAST, SECOND)).isEqualTo(Duration.ofMinutes(5));
        assertThat(oneUserFromOneAddress(1_000, LAST, SECOND)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void whatOthersCauseCostsNothingForTwentyFailuresAndThenAtMostTheSharedCap() {
        int free = LoginAttempts.FREE_SHARED_FAILURES;
        assertThat(LoginAttempts.waitAfter(free - 1, LAST, LAST, SECOND, free, HALF_MINUTE)).isZero();
        assertThat(LoginAttempts.waitAfter(free, LAST, LAST, SECOND, free, HALF_MINUTE)).isEqualTo(SECOND);
        assertThat(LoginAttempts.waitAfter(1_000, LAST, LAST, SECOND, free, HALF_MINUTE)).isEqualTo(HALF_MINUTE);
        assertThat(LoginAttempts.waitAfter(1_000, LAST, LAST.plusSeconds(30), SECOND, free, HALF_MINUTE)).isZero();
    }

    @Test
    void oneGuesserOnOneAddressNeverReachesTheSharedCountsWithinHalfAnHour() {
        // waiting out every delay, as fast as the per-address count lets it: how many failures in 30 minutes?
        Instant now = LAST;
        int failures = 0;
        Instant last = LAST.minusSeconds(3_600);
        while (true) {
            Duration wait = LoginAttempts.waitAfter(failures, last, now, SECOND, LoginAttempts.FREE_FAILURES,
                    FIVE_MINUTES);
            now = now.plus(wait);
            if (now.isAfter(LAST.plus(LoginAttempts.FORGET_AFTER))) {
                break;
            }
            failures++;
            last = now;
        }
        assertThat(failures).isLessThan(LoginAttempts.FREE_SHARED_FAILURES);
    }

    @Test
    void theFirstWaitIsTheConfiguredBaseDelay() {
        Duration minute = Duration.ofMinutes(1);
        assertThat(oneUserFromOneAddress(3, LAST, minute)).isEqualTo(Duration.ofMinutes(1));
        assertThat(oneUserFromOneAddress(4, LAST, minute)).isEqualTo(Duration.ofMinutes(2));
        assertThat(oneUserFromOneAddress(6, LAST, minute)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aFailureStampedAheadOfThisClockMakesTheWholeWaitNoMore() {
        assertThat(LoginAttempts.waitAfter(3, LAST.plusSeconds(30), LAST, SECOND, 3, FIVE_MINUTES))
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void userNamesCountTrimmedAndInLowerCaseAndNamesNoUserCanHaveNotAtAll() {
        assertThat(LoginAttempts.userKey("  Bob ")).isEqualTo("bob");
        assertThat(LoginAttempts.userKey(null)).isEmpty();
        assertThat(LoginAttempts.userKey("a".repeat(64))).hasSize(64);
        assertThat(LoginAttempts.userKey("a".repeat(65))).isNull();
    }

    @Test
    void anAttemptCountsByUserFromItsAddressByAddressAndByUser() {
        assertThat(LoginAttempts.keys(" Bob", "192.0.2.7").keySet())
                .containsExactlyInAnyOrder("ua:192.0.2.7 bob", "a:192.0.2.7", "u:bob");
        assertThat(LoginAttempts.keys("x".repeat(65), "192.0.2.7").keySet()).containsExactly("a:192.0.2.7");
    }

    @Test
    void ipv6ClientsCountByTheirNetworkAndWhatIsNoAddressAsUnknown() {
        assertThat(LoginAttempts.addressKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo("2001:db8:1:2::/64");
        assertThat(LoginAttempts.addressKey("2001:db8:1:2::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(LoginAttempts.addressKey("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(LoginAttempts.addressKey(null)).isEqualTo("unknown");
        assertThat(LoginAttempts.addressKey("evil.example")).as("never a name lookup").isEqualTo("unknown");
        assertThat(LoginAttempts.addressKey("1".repeat(100))).isEqualTo("unknown");
    }

    @Test
    void theClientAddressIsTheRequestsRemoteAddressNotAForwardedForHeader() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("192.0.2.10");
        request.addHeader("X-Forwarded-For", "203.0.113.99");
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated("bob", "secret");
        attempt.setDetails(new WebAuthenticationDetails(request));

        assertThat(ThrottledAuthenticationProvider.clientAddress(attempt)).isEqualTo("192.0.2.10");
        assertThat(ThrottledAuthenticationProvider.clientAddress(
                UsernamePasswordAuthenticationToken.unauthenticated("bob", "secret"))).isNull();
    }

    @Test
    void theSharedCapMustBePositiveAndNoLongerThanTheLongestWait() {
        assertThat(new SignInThrottleProperties(SECOND).maxSharedDelay()).isEqualTo(HALF_MINUTE);
        assertThatThrownBy(() -> new SignInThrottleProperties(SECOND, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignInThrottleProperties(SECOND, Duration.ofMinutes(6)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
