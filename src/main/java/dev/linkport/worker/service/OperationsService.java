package dev.linkport.worker.service;

import dev.linkport.identity.service.AccessPolicy;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the background worker is doing, from db-scheduler's job table (platform admins only). */
@Service
@Transactional(readOnly = true)
public class OperationsService {

    private final JdbcClient jdbc;
    private final AccessPolicy access;

    public OperationsService(JdbcClient jdbc, AccessPolicy access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /** One job as db-scheduler holds it. */
    public record Job(String task, String instance, Instant executionTime, boolean running, String pickedBy,
                      int consecutiveFailures, Instant lastFailure, Instant lastSuccess) {
    }

    /** Counts of jobs by what they are doing. */
    public record JobCounts(long waiting, long running, long failing) {
    }

    public JobCounts counts() {
        access.requireAdmin("Only platform admins see operations");
        return jdbc.sql("""
                        select count(*) filter (where not picked and coalesce(consecutive_failures, 0) = 0) as waiting,
                               count(*) filter (where picked) as running,
                               count(*) filter (where coalesce(consecutive_failures, 0) > 0) as failing
                        from scheduled_tasks""")
                .query((rs, n) -> new JobCounts(rs.getLong("waiting"), rs.getLong("running"), rs.getLong("failing")))
                .single();
    }

    public List<Job> jobs(int offset, int limit) {
        access.requireAdmin("Only platform admins see operations");
        return jdbc.sql("""
                        select task_name, task_instance, execution_time, picked, picked_by, consecutive_failures,
                               last_failure, last_success
                        from scheduled_tasks order by execution_time, task_name, task_instance offset ? limit ?""")
                .params(offset, limit)
                .query((rs, n) -> new Job(rs.getString("task_name"), rs.getString("task_instance"),
                        instant(rs.getTimestamp("execution_time")), rs.getBoolean("picked"), rs.getString("picked_by"),
                        rs.getInt("consecutive_failures"), instant(rs.getTimestamp("last_failure")),
                        instant(rs.getTimestamp("last_success"))))
                .list();
    }

    public long countJobs() {
        access.requireAdmin("Only platform admins see operations");
        return jdbc.sql("select count(*) from scheduled_tasks").query(Long.class).single();
    }

    private static Instant instant(java.sql.Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
