package dev.linkport.platform.events;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on one PostgreSQL notification channel, on a thread of its own holding one connection for
 * as long as it runs, and hands each payload received to a consumer.
 *
 * <p>The connection comes from the application's pool and is held until {@link #stop()}: the pool
 * has one connection less for everything else. A pooled connection keeps the pool's settings (URL,
 * credentials, SSL), and it is never handed back to the pool: it is evicted (closed) when the
 * listener lets go of it, so that no one else gets a session that still listens. A pool with leak
 * detection on ({@code spring.datasource.hikari.leak-detection-threshold}) reports it once as a
 * possible leak.
 *
 * <p>When the connection breaks (the database restarts, the backend is terminated) the listener
 * reconnects and listens again, waiting {@value #FIRST_RETRY_MILLIS} ms after the first failed
 * attempt and twice as long after each further one, up to {@value #MAX_RETRY_MILLIS} ms. It logs a
 * warning once when an outage begins and a line when listening has resumed. Notifications sent
 * while it was not listening are lost; for refresh signals that is acceptable.
 */
final class ChannelListener {

    private static final Logger log = LoggerFactory.getLogger(ChannelListener.class);

    static final long FIRST_RETRY_MILLIS = 500;
    static final long MAX_RETRY_MILLIS = 5_000;
    /** How long one wait for notifications lasts; {@link #stop()} takes at most about this long. */
    private static final int POLL_MILLIS = 500;

    private final String channel;
    private final String applicationName;
    private final DataSource dataSource;
    private final Consumer<String> payloads;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition stopped = lock.newCondition();
    private volatile boolean running;
    private volatile Thread thread;

    /**
     * @param channel         the channel, a plain SQL identifier
     * @param applicationName what {@code pg_stat_activity.application_name} shows for the listening connection
     * @param payloads        called on the listener's thread with each payload received
     */
    ChannelListener(String channel, String applicationName, DataSource dataSource, Consumer<String> payloads) {
        if (!channel.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain channel name: " + channel);
        }
        this.channel = channel;
        this.applicationName = applicationName;
        this.dataSource = dataSource;
        this.payloads = payloads;
    }

    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("live-updates-listener").daemon().start(this::listen);
    }

    /** Stops listening and lets go of the connection; returns once the thread has ended (or after 5 s). */
    synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        lock.lock();
        try {
            stopped.signalAll();
        } finally {
            lock.unlock();
        }
        Thread listening = thread;
        listening.interrupt(); // ends a wait for a pooled connection; a wait for notifications ends by itself
        try {
            if (!listening.join(Duration.ofSeconds(5))) {
                log.warn("The live-updates listener did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isRunning() {
        return running;
    }

    /** The wait before reconnecting after this many failed attempts in a row (1, 2, ...). */
    static Duration retryAfter(int failures) {
        long millis = FIRST_RETRY_MILLIS << Math.min(Math.max(failures - 1, 0), 10);
        return Duration.ofMillis(Math.min(millis, MAX_RETRY_MILLIS));
    }

    private void listen() {
        int failures = 0;
        long outageStarted = 0;
        while (running) {
            Connection connection = null;
            try {
                connection = dataSource.getConnection();
                PGConnection postgres = subscribe(connection);
                if (failures > 0) {
                    log.info("Live updates from other instances resumed: listening again on channel {} after {} s",
                            channel, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - outageStarted));
                } else {
                    log.info("Live updates: listening on PostgreSQL channel {} as {}", channel, applicationName);
                }
                failures = 0;
                while (running) {
                    PGNotification[] received = postgres.getNotifications(POLL_MILLIS);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            hand(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    break; // stopping: the failure is ours
                }
                if (failures++ == 0) {
                    outageStarted = System.nanoTime();
                    log.warn("Live updates from other instances paused: the connection listening on channel {} failed "
                            + "({}); reconnecting", channel, e.toString());
                } else {
                    log.debug("Reconnecting the live-updates listener failed again", e);
                }
            } finally {
                release(connection);
            }
            pause(retryAfter(failures));
        }
    }

    private PGConnection subscribe(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        connection.setClientInfo("ApplicationName", applicationName);
        try (Statement listen = connection.createStatement()) {
            listen.execute("LISTEN " + channel);
        }
        return connection.unwrap(PGConnection.class);
    }

    private void hand(String payload) {
        try {
            payloads.accept(payload);
        } catch (RuntimeException e) {
            log.warn("Could not handle the notification {}", payload, e);
        }
    }

    /** Closes the connection so that it never returns to the pool: its session listens and carries our name. */
    private void release(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                dataSource.unwrap(HikariDataSource.class).evictConnection(connection);
            } else if (!connection.isClosed()) {
                try (Statement unlisten = connection.createStatement()) {
                    unlisten.execute("UNLISTEN *; RESET application_name");
                }
            }
        } catch (SQLException | RuntimeException e) {
            log.debug("Could not evict the listening connection", e);
        }
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            log.debug("Could not close the listening connection", e);
        }
    }

    /** Waits before the next attempt, or less if stopped meanwhile. */
    private void pause(Duration wait) {
        lock.lock();
        try {
            long nanos = wait.toNanos();
            while (running && nanos > 0) {
                nanos = stopped.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            // stop() interrupts; the loop checks running
        } finally {
            lock.unlock();
        }
    }
}
