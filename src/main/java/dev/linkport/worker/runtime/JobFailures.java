package dev.linkport.worker.runtime;

import dev.linkport.aws.AwsGatewayException;
import dev.linkport.worker.JobKind;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The last failure of each job ({@code job_failure}), with AWS's error, account, region and
 * attempts, for Operations: db-scheduler itself keeps only a failure count.
 */
@Component
public class JobFailures {

    private final JdbcClient jdbc;
    private final Clock clock;

    JobFailures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records that a run failed.
     *
     * @param gaveUp the job will not run again by itself (a permanent error, or too many attempts)
     */
    public void failed(JobKind kind, UUID id, AwsGatewayException e, int attempt, boolean gaveUp) {
        failed(kind.taskName(), id.toString(), e.getMessage(), e.accountId(), e.region(), attempt + 1, gaveUp);
    }

    public void failed(String task, String instance, String error, String accountId, String region, int attempts,
                boolean gaveUp) {
        jdbc.sql("""
                        insert into job_failure (task_name, task_instance, error, account_id, region, attempts, failed_at, gave_up)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (task_name, task_instance) do update
                           set error = excluded.error, account_id = excluded.account_id, region = excluded.region,
                               attempts = excluded.attempts, failed_at = excluded.failed_at, gave_up = excluded.gave_up""")
                .params(task, instance, error == null ? "(no message)" : error, accountId, region, attempts,
                        Timestamp.from(clock.instant()), gaveUp)
                .update();
    }

    /** A job that had been retrying finished: its transient failure no longer matters. */
    public void succeeded(String task, String instance) {
        jdbc.sql("delete from job_failure where task_name = ? and task_instance = ? and gave_up = false")
                .params(task, instance).update();
    }

    /** Forgets the failure (the job was retried or dismissed). */
    public void forget(String task, String instance) {
        jdbc.sql("delete from job_failure where task_name = ? and task_instance = ?").params(task, instance).update();
    }
}
