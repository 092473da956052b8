package dev.linkport.platform.events;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Delivers {@link Changed} events, after their transaction commits, to whoever listens in this
 * instance: open views, which then refresh through server push. Listeners must not block; views
 * hand the work to their UI with {@code ui.access(...)}.
 */
@Component
public class LiveUpdates {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    private final Set<Consumer<Changed>> listeners = new CopyOnWriteArraySet<>();

    /** Listens until the returned handle is closed (views close it when detached). */
    public AutoCloseable listen(Consumer<Changed> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void deliver(Changed changed) {
        for (Consumer<Changed> listener : listeners) {
            try {
                listener.accept(changed);
            } catch (RuntimeException e) {
                log.warn("A live-update listener failed on {}", changed, e);
            }
        }
    }
}
