package dev.linkport.identity.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing per user name: after {@value #FREE_FAILURES} failures in a row,
 * each further attempt must wait twice as long as the last (1 s, 2 s, 4 s, ... up to
 * {@link #MAX_DELAY}; the first wait is {@code linkport.sign-in.base-delay}). A success clears
 * the count. Kept in memory; a restart forgets it.
 */
@Component
public class LoginAttempts {

    static final int FREE_FAILURES = 3;
    static final Duration MAX_DELAY = Duration.ofMinutes(5);
    private static final Duration FORGET_AFTER = Duration.ofMinutes(30);
    private static final int MAX_TRACKED = 10_000;

    private record Failures(int count, Instant last) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration baseDelay;

    /** With the default base delay of 1 s. */
    public LoginAttempts(Clock clock) {
        this(clock, new SignInThrottleProperties(Duration.ofSeconds(1)));
    }

    @Autowired
    public LoginAttempts(Clock clock, SignInThrottleProperties properties) {
        this.clock = clock;
        this.baseDelay = properties.baseDelay();
    }

    /** How long the user must still wait before the next attempt is even checked; zero if not at all. */
    public Duration waitBeforeNextAttempt(String username) {
        Failures f = failures.get(key(username));
        if (f == null || f.count() < FREE_FAILURES) {
            return Duration.ZERO;
        }
        Duration delay = delayAfter(f.count());
        Duration elapsed = Duration.between(f.last(), clock.instant());
        return elapsed.compareTo(delay) >= 0 ? Duration.ZERO : delay.minus(elapsed);
    }

    public void failed(String username) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(f -> f.last().plus(FORGET_AFTER).isBefore(now));
        }
        failures.merge(key(username), new Failures(1, now),
                (old, one) -> old.last().plus(FORGET_AFTER).isBefore(now) ? one : new Failures(old.count() + 1, now));
    }

    public void succeeded(String username) {
        failures.remove(key(username));
    }

    private Duration delayAfter(int failureCount) {
        int exponent = Math.min(failureCount - FREE_FAILURES, 20);
        Duration delay = baseDelay.multipliedBy(1L << exponent);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private static String key(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }
}
