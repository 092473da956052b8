package dev.linkport.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.linkport.platform.events.Changed.Topic;
import dev.linkport.support.LinkportIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Live updates between instances through PostgreSQL's LISTEN/NOTIFY: this instance is one of them, and "another
 * instance" is a raw {@code pg_notify} with another instance's id, as a second Linkport on the database would send.
 */
@LinkportIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LiveUpdatesIT {

    @Autowired LiveUpdates liveUpdates;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;

    final UUID anotherInstance = UUID.randomUUID();
    /** What listeners in this instance received (views would refresh on these). */
    final List<Changed> received = new CopyOnWriteArrayList<>();
    /** Every message this instance's listener read from the channel, its own included. */
    final List<LiveUpdateMessage> messages = new CopyOnWriteArrayList<>();
    AutoCloseable listening;
    AutoCloseable observing;

    @BeforeEach
    void listen() {
        listening = liveUpdates.listen(received::add);
        observing = liveUpdates.observeMessages(messages::add);
        await().atMost(Duration.ofSeconds(30)).until(() -> listeningBackend().isPresent());
    }

    @AfterEach
    void stopListening() throws Exception {
        listening.close();
        observing.close();
    }

    @Test
    void aChangeNotifiedByAnotherInstanceReachesListenersHere() {
        UUID request = UUID.randomUUID();
        UUID team = UUID.randomUUID();

        jdbc.sql("select pg_notify('linkport_live_updates', ?)")
                .param("1 " + anotherInstance + "\nENDPOINT_REQUEST " + request + " " + team + " -")
                .query(row -> { });

        await().untilAsserted(() -> assertThat(received).containsOnlyOnce(
                new Changed(Topic.ENDPOINT_REQUEST, request, team, null)));
    }

    @Test
    void aChangePublishedInATransactionThatRollsBackReachesNobody() {
        Changed rolledBack = change();

        tx.executeWithoutResult(status -> {
            events.publishEvent(rolledBack);
            status.setRollbackOnly();
        });

        // notifications arrive in commit order: once this one is here, one of the rolled-back transaction would be too
        Changed later = notifyAsAnotherInstance();
        await().until(() -> received.contains(later));
        assertThat(received).doesNotContain(rolledBack);
        assertThat(messages).flatExtracting(LiveUpdateMessage::changes).doesNotContain(rolledBack);
    }

    @Test
    void aChangeWhoseTransactionFailsAtCommitReachesNobodyAsItWasNotifiedOnThatTransactionsConnection() {
        Changed failed = change();

        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            // checked only at commit, after the changes were notified
            jdbc.sql("create temporary table commit_probe (id int primary key deferrable initially deferred) "
                    + "on commit drop").update();
            jdbc.sql("insert into commit_probe values (1), (1)").update();
            events.publishEvent(failed);
        })).hasStackTraceContaining("commit_probe_pkey");

        Changed later = notifyAsAnotherInstance();
        await().until(() -> received.contains(later));
        assertThat(received).doesNotContain(failed);
        assertThat(messages).flatExtracting(LiveUpdateMessage::changes).doesNotContain(failed);
    }

    @Test
    void aCommittedChangeReachesTheOtherInstancesAndIsDeliveredHereOnceNotAgainThroughItsEcho() {
        Changed committed = change();

        tx.executeWithoutResult(status -> events.publishEvent(committed));

        // the database sends it to every listening instance, this one too, which recognises its own
        await().until(() -> messages.stream().anyMatch(m -> m.sender().equals(liveUpdates.instanceId())
                && m.changes().contains(committed)));
        Changed later = notifyAsAnotherInstance();
        await().until(() -> received.contains(later));
        assertThat(received).containsOnlyOnce(committed);
    }

    @Test
    void aChangePublishedOutsideATransactionIsNotifiedAtOnceAndDeliveredHereOnce() {
        Changed changed = change();

        events.publishEvent(changed);

        await().until(() -> messages.stream().anyMatch(m -> m.sender().equals(liveUpdates.instanceId())
                && m.changes().contains(changed)));
        Changed later = notifyAsAnotherInstance();
        await().until(() -> received.contains(later));
        assertThat(received).containsOnlyOnce(changed);
    }

    @Test
    void aTransactionsManyChangesGoOutInAFewNotificationsEachOnce() {
        List<Changed> changes = IntStream.range(0, 200).mapToObj(i -> change()).toList();

        tx.executeWithoutResult(status -> {
            changes.forEach(events::publishEvent);
            changes.forEach(events::publishEvent); // the same again: one refresh signal is enough
        });

        await().untilAsserted(() -> assertThat(messages.stream()
                .filter(m -> m.sender().equals(liveUpdates.instanceId()))
                .flatMap(m -> m.changes().stream()).filter(changes::contains).toList()).isEqualTo(changes));
        // 200 lines of 57 bytes, in payloads of up to 4000 bytes
        assertThat(messages.stream().filter(m -> m.changes().stream().anyMatch(changes::contains))).hasSize(3);
        await().untilAsserted(() -> assertThat(received).containsAll(changes));
        assertThat(received.stream().filter(changes::contains)).hasSize(changes.size());
    }

    @Test
    void theListenerReconnectsWhenItsConnectionIsKilledAndReceivesAgain(CapturedOutput output) {
        int killed = listeningBackend().orElseThrow();

        assertThat(jdbc.sql("select pg_terminate_backend(?)").param(killed).query(Boolean.class).single()).isTrue();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> listeningBackend().filter(pid -> pid != killed).isPresent());
        Changed afterwards = notifyAsAnotherInstance();
        await().untilAsserted(() -> assertThat(received).contains(afterwards));
        await().until(() -> output.getOut().contains("Live updates from other instances resumed"));
        assertThat(output.getOut().split("Live updates from other instances paused", -1)).hasSize(2); // warned once
    }

    /** The backend of this instance's listening connection, once it has run LISTEN. */
    Optional<Integer> listeningBackend() {
        return jdbc.sql("""
                        select pid from pg_stat_activity
                        where application_name = ? and state = 'idle' and query like 'LISTEN%'""")
                .param(LiveUpdates.applicationName(liveUpdates.instanceId()))
                .query(Integer.class).optional();
    }

    Changed notifyAsAnotherInstance() {
        Changed changed = change();
        jdbc.sql("select pg_notify(?, ?)").param(LiveUpdates.CHANNEL)
                .param(LiveUpdateMessage.payloads(anotherInstance, List.of(changed)).getFirst())
                .query(row -> { });
        return changed;
    }

    static Changed change() {
        return new Changed(Topic.SERVICE_LISTING, UUID.randomUUID());
    }
}
