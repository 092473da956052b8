package dev.linkport.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sign-in throttling in PostgreSQL, shared by every instance on the database. Two {@link LoginAttempts} on the
 * shared test database stand for two instances; their clock starts years before the application's, so that
 * forgetting old failures here touches no other test's rows. Each test uses user names of its own.
 */
@LinkportIntegrationTest
class LoginAttemptsIT {

    @Autowired JdbcClient jdbc;

    final MutableClock clock = new MutableClock(Instant.parse("2020-01-01T00:00:00Z"));
    final SignInThrottleProperties oneSecond = new SignInThrottleProperties(Duration.ofSeconds(1));

    LoginAttempts instance() {
        return new LoginAttempts(jdbc, clock, oneSecond);
    }

    static String user(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theFirstFailuresCostNothingThenEachAttemptWaitsTwiceAsLong() {
        LoginAttempts attempts = instance();
        String bob = user("bob");
        for (int i = 0; i < 3; i++) {
            assertThat(attempts.waitBeforeNextAttempt(bob)).isZero();
            attempts.failed(bob);
        }
        assertThat(attempts.waitBeforeNextAttempt(bob)).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        attempts.failed(bob);
        assertThat(attempts.waitBeforeNextAttempt(bob.toUpperCase())).isEqualTo(Duration.ofSeconds(2));
        clock.advance(Duration.ofMillis(500));
        assertThat(attempts.waitBeforeNextAttempt(" " + bob + " ")).isEqualTo(Duration.ofMillis(1_500));
        clock.advance(Duration.ofMillis(1_500));
        attempts.failed(bob);
        assertThat(attempts.waitBeforeNextAttempt(bob)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void failuresOnOneInstanceSlowDownSignInOnAnother() {
        LoginAttempts first = instance();
        LoginAttempts second = instance();
        String mallory = user("mallory");

        first.failed(mallory);
        second.failed(mallory.toUpperCase());
        first.failed(mallory);

        assertThat(second.waitBeforeNextAttempt(mallory)).isEqualTo(Duration.ofSeconds(1));
        assertThat(jdbc.sql("select failures from sign_in_failure where username = ?").param(mallory)
                .query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void theDelayIsCappedAndOtherUsersAreNotAffected() {
        LoginAttempts attempts = instance();
        String mallory = user("mallory");
        for (int i = 0; i < 40; i++) {
            attempts.failed(mallory);
        }
        assertThat(attempts.waitBeforeNextAttempt(mallory)).isEqualTo(Duration.ofMinutes(5));
        assertThat(attempts.waitBeforeNextAttempt(user("alice"))).isZero();
    }

    @Test
    void aSuccessfulSignInClearsTheCountOnEveryInstance() {
        LoginAttempts first = instance();
        LoginAttempts second = instance();
        String carol = user("carol");
        for (int i = 0; i < 5; i++) {
            first.failed(carol);
        }

        second.succeeded(carol);

        assertThat(first.waitBeforeNextAttempt(carol)).isZero();
        first.failed(carol);
        assertThat(first.waitBeforeNextAttempt(carol)).as("counting starts again").isZero();
    }

    @Test
    void failuresOlderThanHalfAnHourAreForgottenAndCountingStartsAgain() {
        LoginAttempts attempts = instance();
        String dave = user("dave");
        for (int i = 0; i < 5; i++) {
            attempts.failed(dave);
        }
        clock.advance(Duration.ofMinutes(31));

        attempts.failed(dave);
        attempts.failed(dave);

        assertThat(attempts.waitBeforeNextAttempt(dave)).isZero();
        attempts.failed(dave);
        assertThat(attempts.waitBeforeNextAttempt(dave)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void forgottenFailuresAreDeletedWhenSomeoneFailsAtMostOnceInTenMinutesPerInstance() {
        LoginAttempts attempts = instance();
        String old = user("old");
        String recent = user("recent");
        attempts.failed(old);
        clock.advance(Duration.ofMinutes(31));

        attempts.failed(recent);
        assertThat(stored(old, recent)).containsExactly(recent);

        String older = user("older"); // as another instance would have left it
        jdbc.sql("insert into sign_in_failure (username, failures, last_failure) values (?, 7, ?)")
                .params(older, clock.instant().minus(Duration.ofMinutes(40)).atOffset(ZoneOffset.UTC)).update();
        clock.advance(Duration.ofMinutes(9));
        attempts.failed(recent);
        assertThat(stored(older, recent)).as("not deleted again within ten minutes").containsExactlyInAnyOrder(older, recent);
        clock.advance(Duration.ofMinutes(1));
        attempts.failed(recent);
        assertThat(stored(older, recent)).containsExactly(recent);
    }

    @Test
    void aNameNoUserCanHaveIsNotCounted() {
        LoginAttempts attempts = instance();
        String tooLong = "x".repeat(65);
        for (int i = 0; i < 5; i++) {
            attempts.failed(tooLong);
        }
        assertThat(attempts.waitBeforeNextAttempt(tooLong)).isZero();
        assertThat(jdbc.sql("select count(*) from sign_in_failure where length(username) > 64").query(Long.class)
                .single()).isZero();
    }

    List<String> stored(String... usernames) {
        return jdbc.sql("select username from sign_in_failure where username in (:names)")
                .param("names", List.of(usernames)).query(String.class).list();
    }
}
