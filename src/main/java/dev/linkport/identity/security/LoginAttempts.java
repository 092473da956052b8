package dev.linkport.identity.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing per user name: after {@value #FREE_FAILURES} failures in a row,
 * each further attempt must wait twice as long as the last (1 s, 2 s, 4 s, ... up to
 * {@link #MAX_DELAY}; the first wait is {@code linkport.sign-in.base-delay}). A success clears
 * the count; failures older than {@link #FORGET_AFTER} are forgotten.
 *
 * <p>Kept in PostgreSQL ({@code sign_in_failure}), so that every instance on the database counts the
 * same failures: a guesser gains nothing from a load balancer that spreads attempts. Each read and
 * each change is one atomic statement, so instances counting at once lose no failure. A user name
 * longer than any user can have is not counted: no one can sign in with it.
 */
@Component
public class LoginAttempts {

    static final int FREE_FAILURES = 3;
    static final Duration MAX_DELAY = Duration.ofMinutes(5);
    static final Duration FORGET_AFTER = Duration.ofMinutes(30);
    /** Each instance deletes forgotten rows at most this often, when someone fails to sign in. */
    static final Duration FORGET_EVERY = Duration.ofMinutes(10);
    /** The count stops here (the wait stopped growing long before). */
    private static final int MAX_COUNTED = 1_000;
    /** app_user.username's length. */
    private static final int MAX_USERNAME_LENGTH = 64;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration baseDelay;
    private final AtomicReference<Instant> nextForgetting = new AtomicReference<>(Instant.MIN);

    public LoginAttempts(JdbcClient jdbc, Clock clock, SignInThrottleProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.baseDelay = properties.baseDelay();
    }

    /** How long the user must still wait before the next attempt is even checked; zero if not at all. */
    public Duration waitBeforeNextAttempt(String username) {
        String key = key(username);
        if (key == null) {
            return Duration.ZERO;
        }
        Instant now = clock.instant();
        return jdbc.sql("select failures, last_failure from sign_in_failure where username = ?")
                .param(key)
                .query((rs, n) -> waitAfter(rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant(), now,
                        baseDelay))
                .optional().orElse(Duration.ZERO);
    }

    /** One more failure in a row; the first after {@link #FORGET_AFTER} without one counts as the first. */
    public void failed(String username) {
        String key = key(username);
        if (key == null) {
            return;
        }
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into sign_in_failure (username, failures, last_failure) values (:username, 1, :now)
                        on conflict (username) do update
                        set failures = case when sign_in_failure.last_failure < :forgetBefore then 1
                                            else least(sign_in_failure.failures + 1, :maxCounted) end,
                            last_failure = greatest(sign_in_failure.last_failure, excluded.last_failure)""")
                .param("username", key)
                .param("now", time(now))
                .param("forgetBefore", time(now.minus(FORGET_AFTER)))
                .param("maxCounted", MAX_COUNTED)
                .update();
        forgetOldFailuresNowAndThen(now);
    }

    public void succeeded(String username) {
        String key = key(username);
        if (key != null) {
            jdbc.sql("delete from sign_in_failure where username = ?").param(key).update();
        }
    }

    /** Deletes what {@link #FORGET_AFTER} has made irrelevant, at most once per {@link #FORGET_EVERY} here. */
    private void forgetOldFailuresNowAndThen(Instant now) {
        Instant due = nextForgetting.get();
        if (now.isBefore(due) || !nextForgetting.compareAndSet(due, now.plus(FORGET_EVERY))) {
            return;
        }
        jdbc.sql("delete from sign_in_failure where last_failure < ?").param(time(now.minus(FORGET_AFTER))).update();
    }

    /** The wait after this many failures in a row, the last at {@code lastFailure}, as seen at {@code now}. */
    static Duration waitAfter(int failures, Instant lastFailure, Instant now, Duration baseDelay) {
        if (failures < FREE_FAILURES) {
            return Duration.ZERO;
        }
        Duration delay = delayAfter(failures, baseDelay);
        Duration elapsed = Duration.between(lastFailure, now);
        if (elapsed.isNegative()) {
            elapsed = Duration.ZERO; // another instance's clock is ahead: wait the whole delay, no longer
        }
        return elapsed.compareTo(delay) >= 0 ? Duration.ZERO : delay.minus(elapsed);
    }

    private static Duration delayAfter(int failures, Duration baseDelay) {
        int exponent = Math.min(failures - FREE_FAILURES, 20);
        Duration delay = baseDelay.multipliedBy(1L << exponent);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    /** The user name as counted: trimmed, lower case; {@code null} when no user can have it. */
    static String key(String username) {
        String key = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return key.length() > MAX_USERNAME_LENGTH ? null : key;
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
