package dev.linkport.worker;

import dev.linkport.worker.runtime.JobFailures;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** What every {@link AwsJob} needs from the worker: transactions, the record of failures, time and its budget. */
@Component
public final class JobRuntime {

    private final TransactionTemplate tx;
    private final JdbcTemplate jdbc;
    private final JobFailures failures;
    private final Clock clock;
    private final WorkerProperties properties;

    JobRuntime(TransactionTemplate tx, JdbcTemplate jdbc, JobFailures failures, Clock clock,
               WorkerProperties properties) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.failures = failures;
        this.clock = clock;
        this.properties = properties;
    }

    <T> T inTransaction(Supplier<T> work) {
        return tx.execute(status -> work.get());
    }

    /** Runs {@code work} in a transaction that is rolled back, whatever it changed: a look, not a step. */
    <T> T lookingOnly(Supplier<T> work) {
        return tx.execute(status -> {
            status.setRollbackOnly();
            return work.get();
        });
    }

    /**
     * Runs {@code work} holding the lock of one queue job, the one {@link Jobs#schedule} takes in the
     * caller's transaction for a {@link JobKind#queue() queue} kind (a PostgreSQL advisory lock, so it
     * holds across instances). What the job's last run sees under it includes everything queued by
     * transactions that asked for the job while it ran.
     */
    <T> T underQueueLock(JobKind kind, UUID id, Supplier<T> work) {
        return jdbc.execute((ConnectionCallback<T>) connection -> {
            try (PreparedStatement lock = connection.prepareStatement(
                    "select pg_advisory_lock(hashtext(?), hashtext(?))")) {
                lock.setString(1, kind.taskName());
                lock.setString(2, id.toString());
                lock.execute();
            }
            try {
                return work.get();
            } finally {
                try (PreparedStatement unlock = connection.prepareStatement(
                        "select pg_advisory_unlock(hashtext(?), hashtext(?))")) {
                    unlock.setString(1, kind.taskName());
                    unlock.setString(2, id.toString());
                    unlock.execute();
                }
            }
        });
    }

    JobFailures failures() {
        return failures;
    }

    Clock clock() {
        return clock;
    }

    WorkerProperties properties() {
        return properties;
    }
}
