package dev.linkport.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Events between modules are delivered after their transaction commits, on another thread; a test
 * that checks what a listener did (or did not do) waits until every stored event has been handled.
 */
@TestComponent
public class ModuleEvents {

    private final JdbcClient jdbc;

    public ModuleEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits until no event publication is left incomplete. */
    public void awaitDelivered() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.sql("select count(*) from event_publication where completion_date is null")
                        .query(Long.class).single() == 0);
    }
}
