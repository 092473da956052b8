package dev.linkport.platform.events;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Delivers {@link Changed} events, after their transaction commits (at once when there is none),
 * to whoever listens in any Linkport instance on the same database: open views, which then refresh
 * through server push.
 *
 * <p>These are refresh signals for screens, not facts: a view that misses one (its instance died,
 * it reconnected) shows the current state when it is opened again. So they deliberately do not go
 * through the event publication registry that keeps events between modules from being lost.
 *
 * <p><b>Across instances</b> they travel through PostgreSQL's {@code LISTEN/NOTIFY} on the channel
 * {@value #CHANNEL}. The changes a transaction publishes are sent with one {@code pg_notify} (or a
 * few, see {@link LiveUpdateMessage}) on that transaction's own connection just before it commits;
 * PostgreSQL delivers a notification only if its transaction commits, so a rolled-back change
 * reaches no instance. A change published outside a transaction is notified at once. Every message
 * names the instance that sent it (a random id per instance, {@link #instanceId()}): an instance
 * ignores its own, which it has delivered locally already. Each instance listens on one connection
 * of its pool, held for as long as it runs ({@link ChannelListener}); it reconnects by itself when
 * the database restarts, and misses what was sent meanwhile.
 *
 * <p>Delivery happens on a background thread, never on the thread that committed (or that received
 * the notification): that thread may be serving another user's UI request and hold that session's
 * lock, and a listener that accessed its own UI from there would nest two sessions' locks.
 */
@Component
public class LiveUpdates implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    /** A view refreshes at most once per this interval, however many changes concern it. */
    public static final Duration REFRESH_INTERVAL = Duration.ofSeconds(1);

    /** The PostgreSQL notification channel the instances share (channels are per database). */
    public static final String CHANNEL = "linkport_live_updates";

    private final UUID instanceId = UUID.randomUUID();
    private final Set<Consumer<Changed>> listeners = new CopyOnWriteArraySet<>();
    private final Set<Consumer<LiveUpdateMessage>> messageObservers = new CopyOnWriteArraySet<>();
    private final Executor executor;
    private final JdbcClient jdbc;
    private final ChannelListener channel;
    private final Clock clock;
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "live-updates-later");
        thread.setDaemon(true);
        return thread;
    });

    public LiveUpdates(@Qualifier("applicationTaskExecutor") Executor executor, JdbcClient jdbc,
                       DataSource dataSource) {
        this.executor = executor;
        this.jdbc = jdbc;
        this.channel = new ChannelListener(CHANNEL, applicationName(instanceId), dataSource, this::received);
        this.clock = Clock.systemUTC(); // paces screens in real time, whatever time the application's clock says
    }

    /** What {@code pg_stat_activity.application_name} shows for an instance's listening connection. */
    static String applicationName(UUID instanceId) {
        return "linkport-live-updates " + instanceId;
    }

    /** This instance's id, in every message it sends. */
    UUID instanceId() {
        return instanceId;
    }

    /**
     * The action, coalesced: calling the returned signal runs it at most once per {@link #REFRESH_INTERVAL}
     * (see {@link Coalescer}), on a background thread.
     */
    public Runnable coalesced(Runnable action) {
        Coalescer coalescer = new Coalescer(REFRESH_INTERVAL, clock, (task, delay) -> {
            Runnable safe = () -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.warn("A coalesced live update failed", e);
                }
            };
            if (delay.isZero()) {
                executor.execute(safe);
            } else {
                later.schedule(() -> executor.execute(safe), delay.toMillis(), TimeUnit.MILLISECONDS);
            }
        }, action);
        return coalescer::signal;
    }

    @PreDestroy
    void shutDownLater() {
        later.shutdownNow();
    }

    /** Listens until the returned handle is closed (views close it when detached). */
    public AutoCloseable listen(Consumer<Changed> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * For tests: every message received from the channel, this instance's own too, on the listener's
     * thread, before it is delivered or ignored.
     */
    AutoCloseable observeMessages(Consumer<LiveUpdateMessage> observer) {
        messageObservers.add(observer);
        return () -> messageObservers.remove(observer);
    }

    @EventListener
    void published(Changed changed) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            changesOfThisTransaction().add(changed);
        } else {
            try {
                notifyOtherInstances(List.of(changed));
            } catch (DataAccessException e) {
                log.warn("Could not tell other instances about {}: {}", changed, e.getMessage());
            }
            deliver(changed);
        }
    }

    private TransactionChanges changesOfThisTransaction() {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof TransactionChanges changes && changes.belongsTo(this)) {
                return changes;
            }
        }
        // a suspended transaction's synchronizations are not listed: an inner REQUIRES_NEW transaction gets its own
        TransactionChanges changes = new TransactionChanges();
        TransactionSynchronizationManager.registerSynchronization(changes);
        return changes;
    }

    /** Within a transaction: on its connection, so PostgreSQL delivers them only if it commits. */
    private void notifyOtherInstances(Collection<Changed> changes) {
        for (String payload : LiveUpdateMessage.payloads(instanceId, changes)) {
            jdbc.sql("select pg_notify(?, ?)").param(CHANNEL).param(payload).query(row -> { });
        }
    }

    /** A notification arrived (on the listener's thread). */
    private void received(String payload) {
        LiveUpdateMessage message = LiveUpdateMessage.parse(payload).orElse(null);
        if (message == null) {
            log.debug("Ignored a notification in another format: {}", payload);
            return;
        }
        messageObservers.forEach(observer -> observer.accept(message));
        if (!message.sender().equals(instanceId)) {
            message.changes().forEach(this::deliver);
        }
    }

    private void deliver(Changed changed) {
        for (Consumer<Changed> listener : listeners) {
            executor.execute(() -> {
                try {
                    listener.accept(changed);
                } catch (RuntimeException e) {
                    log.warn("A live-update listener failed on {}", changed, e);
                }
            });
        }
    }

    @Override
    public void start() {
        channel.start();
    }

    @Override
    public void stop() {
        channel.stop();
    }

    @Override
    public boolean isRunning() {
        return channel.isRunning();
    }

    /**
     * The changes one transaction published, each once: told to the other instances just before it
     * commits, delivered here after it has.
     */
    private final class TransactionChanges implements TransactionSynchronization {

        private final Set<Changed> changes = new LinkedHashSet<>();
        private boolean notified;

        boolean belongsTo(LiveUpdates owner) {
            return owner == LiveUpdates.this;
        }

        void add(Changed changed) {
            if (changes.add(changed) && notified) {
                // published by another synchronization's beforeCommit, after this one's: still in the transaction
                notifyOtherInstances(List.of(changed));
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            notified = true;
            notifyOtherInstances(changes);
        }

        @Override
        public void afterCommit() {
            changes.forEach(LiveUpdates.this::deliver);
        }
    }
}
