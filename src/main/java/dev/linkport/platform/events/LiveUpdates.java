package dev.linkport.platform.events;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Delivers {@link Changed} events, after their transaction commits (at once when there is none),
 * to whoever listens in this instance: open views, which then refresh through server push.
 *
 * <p>These are refresh signals for screens, not facts: a view that misses one (its instance died,
 * it reconnected) shows the current state when it is opened again. So they deliberately do not go
 * through the event publication registry that keeps events between modules from being lost.
 *
 * <p>Delivery happens on a background thread, never on the thread that committed: that thread
 * may be serving another user's UI request and hold that session's lock, and a listener that
 * accessed its own UI from there would nest two sessions' locks.
 */
@Component
public class LiveUpdates {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    /** A view refreshes at most once per this interval, however many changes concern it. */
    public static final Duration REFRESH_INTERVAL = Duration.ofSeconds(1);

    private final Set<Consumer<Changed>> listeners = new CopyOnWriteArraySet<>();
    private final Executor executor;
    private final Clock clock;
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "live-updates-later");
        thread.setDaemon(true);
        return thread;
    });

    public LiveUpdates(@Qualifier("applicationTaskExecutor") Executor executor) {
        this.executor = executor;
        this.clock = Clock.systemUTC(); // paces screens in real time, whatever time the application's clock says
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
    void stop() {
        later.shutdownNow();
    }

    /** Listens until the returned handle is closed (views close it when detached). */
    public AutoCloseable listen(Consumer<Changed> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @EventListener
    void published(Changed changed) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deliver(changed);
                }
            });
        } else {
            deliver(changed);
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
}
