package dev.linkport.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sign-in throttling in PostgreSQL, shared by every instance on the database: by user from one address, by address
 * across users, by user across addresses. Two {@link LoginAttempts} on the shared test database stand for two
 * instances; their clock starts years before the application's, so that forgetting old failures here touches no other
 * test's rows. Each test uses user names and client addresses of its own.
 */
@LinkportIntegrationTest
class LoginAttemptsIT {

    @Autowired JdbcClient jdbc;

    final MutableClock clock = new MutableClock(Instant.parse("2020-01-01T00:00:00Z"));
    final SignInThrottleProperties oneSecond = new SignInThrottleProperties(Duration.ofSeconds(1), Duration.ofSeconds(30));

    LoginAttempts instance() {
        return new LoginAttempts(jdbc, clock, oneSecond);
    }

    static String user(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An address of this test's own (10.0.0.0/8, random). */
    static String address() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    @Test
    void theFirstFailuresCostNothingThenEachAttemptWaitsTwiceAsLong() {
        LoginAttempts attempts = instance();
        String bob = user("bob");
        String from = address();
        for (int i = 0; i < 3; i++) {
            assertThat(attempts.waitBeforeNextAttempt(bob, from)).isZero();
            attempts.failed(bob, from);
        }
        assertThat(attempts.waitBeforeNextAttempt(bob, from)).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        attempts.failed(bob, from);
        assertThat(attempts.waitBeforeNextAttempt(bob.toUpperCase(), from)).isEqualTo(Duration.ofSeconds(2));
        clock.advance(Duration.ofMillis(500));
        assertThat(attempts.waitBeforeNextAttempt(" " + bob + " ", from)).isEqualTo(Duration.ofMillis(1_500));
        clock.advance(Duration.ofMillis(1_500));
        attempts.failed(bob, from);
        assertThat(attempts.waitBeforeNextAttempt(bob, from)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void failuresFromOneAddressDoNotSlowTheSameUserDownFromAnother() {
        LoginAttempts attempts = instance();
        String alice = user("alice");
        String attacker = address();
        // a guesser who tries again the moment each wait is over, for almost half an hour
        Instant end = clock.instant().plus(Duration.ofMinutes(29));
        int guesses = 0;
        while (!clock.instant().plus(attempts.waitBeforeNextAttempt(alice, attacker)).isAfter(end)) {
            clock.advance(attempts.waitBeforeNextAttempt(alice, attacker));
            attempts.failed(alice, attacker);
            guesses++;
        }

        assertThat(guesses).isBetween(LoginAttempts.FREE_FAILURES + 5, LoginAttempts.FREE_SHARED_FAILURES - 1);
        assertThat(attempts.waitBeforeNextAttempt(alice, attacker)).isEqualTo(Duration.ofMinutes(5));
        assertThat(attempts.waitBeforeNextAttempt(alice, address())).as("alice at her own desk").isZero();
    }

    @Test
    void oneAddressTryingManyUsersIsSlowedDownForEveryUserButAtMostTheSharedCap() {
        LoginAttempts attempts = instance();
        String sprayer = address();
        for (int i = 0; i < LoginAttempts.FREE_SHARED_FAILURES; i++) {
            attempts.failed(user("victim"), sprayer);
        }
        String next = user("next");
        assertThat(attempts.waitBeforeNextAttempt(next, sprayer)).isEqualTo(Duration.ofSeconds(1));
        for (int i = 0; i < 30; i++) {
            attempts.failed(user("victim"), sprayer);
        }

        assertThat(attempts.waitBeforeNextAttempt(next, sprayer)).isEqualTo(Duration.ofSeconds(30));
        assertThat(attempts.waitBeforeNextAttempt(next, address())).as("from elsewhere").isZero();
    }

    @Test
    void manyAddressesTryingOneUserCostTheRealUserAtMostTheSharedCap() {
        LoginAttempts attempts = instance();
        String carol = user("carol");
        for (int i = 0; i < 200; i++) {
            attempts.failed(carol, address());
        }

        Duration realCarolWaits = attempts.waitBeforeNextAttempt(carol, address());

        assertThat(realCarolWaits).isEqualTo(Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(30));
        assertThat(attempts.waitBeforeNextAttempt(carol, address())).as("then she may try").isZero();
    }

    @Test
    void failuresOnOneInstanceSlowDownSignInOnAnother() {
        LoginAttempts first = instance();
        LoginAttempts second = instance();
        String mallory = user("mallory");
        String from = address();

        first.failed(mallory, from);
        second.failed(mallory.toUpperCase(), from);
        first.failed(mallory, from);

        assertThat(second.waitBeforeNextAttempt(mallory, from)).isEqualTo(Duration.ofSeconds(1));
        assertThat(jdbc.sql("select failures from sign_in_failure where throttle_key = ?")
                .param("ua:" + from + " " + mallory).query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void aSuccessfulSignInClearsTheCountOfThatUserFromThatAddressOnEveryInstance() {
        LoginAttempts first = instance();
        LoginAttempts second = instance();
        String carol = user("carol");
        String from = address();
        for (int i = 0; i < 5; i++) {
            first.failed(carol, from);
        }

        second.succeeded(carol, from);

        assertThat(first.waitBeforeNextAttempt(carol, from)).isZero();
        first.failed(carol, from);
        assertThat(first.waitBeforeNextAttempt(carol, from)).as("counting starts again").isZero();
        assertThat(jdbc.sql("select failures from sign_in_failure where throttle_key = ?").param("u:" + carol)
                .query(Integer.class).single()).as("what others see stays counted").isEqualTo(6);
    }

    @Test
    void failuresOlderThanHalfAnHourAreForgottenAndCountingStartsAgain() {
        LoginAttempts attempts = instance();
        String dave = user("dave");
        String from = address();
        for (int i = 0; i < 5; i++) {
            attempts.failed(dave, from);
        }
        clock.advance(Duration.ofMinutes(31));

        attempts.failed(dave, from);
        attempts.failed(dave, from);

        assertThat(attempts.waitBeforeNextAttempt(dave, from)).isZero();
        attempts.failed(dave, from);
        assertThat(attempts.waitBeforeNextAttempt(dave, from)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void forgottenFailuresAreDeletedWhenSomeoneFailsAtMostOnceInTenMinutesPerInstance() {
        LoginAttempts attempts = instance();
        String old = user("old");
        String recent = user("recent");
        attempts.failed(old, address());
        clock.advance(Duration.ofMinutes(31));

        attempts.failed(recent, address());
        assertThat(stored(old, recent)).containsExactly("u:" + recent);

        String older = user("older"); // as another instance would have left it
        jdbc.sql("insert into sign_in_failure (throttle_key, failures, last_failure) values (?, 7, ?)")
                .params("u:" + older, clock.instant().minus(Duration.ofMinutes(40)).atOffset(ZoneOffset.UTC)).update();
        clock.advance(Duration.ofMinutes(9));
        attempts.failed(recent, address());
        assertThat(stored(older, recent)).as("not deleted again within ten minutes")
                .containsExactlyInAnyOrder("u:" + older, "u:" + recent);
        clock.advance(Duration.ofMinutes(1));
        attempts.failed(recent, address());
        assertThat(stored(older, recent)).containsExactly("u:" + recent);
    }

    @Test
    void aNameNoUserCanHaveCountsOnlyAgainstItsAddress() {
        LoginAttempts attempts = instance();
        String tooLong = "x".repeat(65);
        String from = address();
        for (int i = 0; i < 5; i++) {
            attempts.failed(tooLong, from);
        }
        assertThat(attempts.waitBeforeNextAttempt(tooLong, from)).isZero();
        assertThat(jdbc.sql("select count(*) from sign_in_failure where throttle_key like ?").param("%" + tooLong)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select failures from sign_in_failure where throttle_key = ?").param("a:" + from)
                .query(Integer.class).single()).isEqualTo(5);
    }

    List<String> stored(String... usernames) {
        return jdbc.sql("select throttle_key from sign_in_failure where throttle_key in (:keys)")
                .param("keys", java.util.Arrays.stream(usernames).map(u -> "u:" + u).toList())
                .query(String.class).list();
    }
}
