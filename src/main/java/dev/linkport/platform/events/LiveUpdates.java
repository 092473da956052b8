package dev.linkport.platform.events;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Delivers {@link Changed} events, after their transaction commits, to whoever listens in this
 * instance: open views, which then refresh through server push.
 *
 * <p>Delivery happens on a background thread, never on the thread that committed: that thread
 * may be serving another user's UI request and hold that session's lock, and a listener that
 * accessed its own UI from there would nest two sessions' locks.
 */
@Component
public class LiveUpdates {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    private final Set<Consumer<Changed>> listeners = new CopyOnWriteArraySet<>();
    private final Executor executor;

    public LiveUpdates(@Qualifier("applicationTaskExecutor") Executor executor) {
        this.executor = executor;
    }

    /** Listens until the returned handle is closed (views close it when detached). */
    public AutoCloseable listen(Consumer<Changed> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void deliver(Changed changed) {
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
