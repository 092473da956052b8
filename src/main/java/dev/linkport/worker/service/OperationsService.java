package dev.linkport.worker.service;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import dev.linkport.audit.service.AuditEntry;
import dev.linkport.audit.service.AuditLog;
import dev.linkport.identity.service.AccessPolicy;
import dev.linkport.identity.service.Caller;
import dev.linkport.aws.ratelimit.RateLimiter;
import dev.linkport.platform.ConflictException;
import dev.linkport.platform.NotFoundException;
import dev.linkport.worker.DriftKind;
import dev.linkport.worker.ManualRetry;
import dev.linkport.worker.Reconciler;
import dev.linkport.worker.runtime.JobFailures;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the background worker is doing and what went wrong (platform admins only): db-scheduler's
 * jobs with their last failure, retry and cancel, and the drift reconciliation found.
 */
@Service
@Transactional(readOnly = true)
public class OperationsService {

    private static final String ADMINS_ONLY = "Only platform admins see operations";

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final JobFailures failures;
    private final List<ManualRetry> retries;
    private final AuditLog audit;
    private final RateLimiter limiter;
    private final Clock clock;

    /** The recurring tasks: they always exist and cannot be cancelled. */
    static final Set<String> RECURRING = Set.of(Reconciler.TASK_NAME, "redeliver-events");

    public OperationsService(JdbcClient jdbc, AccessPolicy access, ObjectProvider<SchedulerClient> scheduler,
                             JobFailures failures, List<ManualRetry> retries, AuditLog audit, RateLimiter limiter,
                             Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.scheduler = scheduler;
        this.failures = failures;
        this.retries = retries;
        this.audit = audit;
        this.limiter = limiter;
        this.clock = clock;
    }

    /** Which jobs a list shows. */
    public enum JobFilter { ALL, QUEUED, RUNNING, FAILED }

    /**
     * One job: queued or running in db-scheduler, or failed (still retrying, or given up and
     * waiting for an admin), with AWS's last error, account, region and attempts when it failed.
     */
    public record Job(String task, String instance, Instant executionTime, boolean scheduled, boolean running,
                      String pickedBy, int attempts, String error, String accountId, String region,
                      Instant failedAt, boolean gaveUp) {

        public String status() {
            if (running) {
                return "running";
            }
            if (gaveUp && !scheduled) {
                return "failed";
            }
            return error != null ? "retrying" : "queued";
        }

        public boolean recurring() {
            return RECURRING.contains(task);
        }
    }

    /** Counts of jobs by what they are doing. */
    public record JobCounts(long waiting, long running, long failing) {
    }

    /** An open (or resolved) drift finding. */
    public record DriftRow(UUID id, DriftKind kind, UUID listingId, UUID requestId, String subject, String detail,
                            Instant foundAt, Instant lastSeenAt, Instant resolvedAt, String resolvedBy) {
    }

    private static final String JOBS = """
            select coalesce(s.task_name, f.task_name) as task, coalesce(s.task_instance, f.task_instance) as instance,
                   s.execution_time, s.task_name is not null as scheduled, coalesce(s.picked, false) as picked,
                   s.picked_by, coalesce(f.attempts, s.consecutive_failures, 0) as attempts, f.error, f.account_id,
                   f.region, coalesce(f.failed_at, s.last_failure) as failed_at, coalesce(f.gave_up, false) as gave_up
            from scheduled_tasks s full outer join job_failure f
              on f.task_name = s.task_name and f.task_instance = s.task_instance
            """;

    private static String where(JobFilter filter) {
        return switch (filter) {
            case ALL -> "";
            case QUEUED -> " where s.task_name is not null and not s.picked and f.task_name is null"
                    + " and coalesce(s.consecutive_failures, 0) = 0";
            case RUNNING -> " where s.picked";
            case FAILED -> " where f.task_name is not null or coalesce(s.consecutive_failures, 0) > 0";
        };
    }

    /**
     * Linkport's AWS rate budgets, per account, region and group of API actions, as all instances share
     * them: the rate now (lower than at the start while AWS throttles), calls, throttles and waits.
     */
    public List<RateLimiter.Budget> budgets() {
        access.requireAdmin(ADMINS_ONLY);
        return limiter.budgets().stream()
                .sorted(Comparator.comparing((RateLimiter.Budget b) -> b.key().accountId())
                        .thenComparing(b -> b.key().region()).thenComparing(b -> b.key().bucket()))
                .toList();
    }

    public JobCounts counts() {
        access.requireAdmin(ADMINS_ONLY);
        return jdbc.sql("select count(*) filter (where s.task_name is not null and not coalesce(s.picked, false)"
                        + " and f.task_name is null and coalesce(s.consecutive_failures, 0) = 0) as waiting,"
                        + " count(*) filter (where s.picked) as running,"
                        + " count(*) filter (where f.task_name is not null or coalesce(s.consecutive_failures, 0) > 0)"
                        + " as failing"
                        + " from scheduled_tasks s full outer join job_failure f"
                        + " on f.task_name = s.task_name and f.task_instance = s.task_instance")
                .query((rs, n) -> new JobCounts(rs.getLong("waiting"), rs.getLong("running"), rs.getLong("failing")))
                .single();
    }

    /** A page of jobs: failed first (newest failure first), then by when they are due. */
    public List<Job> jobs(JobFilter filter, int offset, int limit) {
        access.requireAdmin(ADMINS_ONLY);
        return jdbc.sql(JOBS + where(filter) + " order by (f.task_name is null), f.failed_at desc nulls last,"
                        + " s.execution_time, task, instance offset ? limit ?")
                .params(offset, limit)
                .query(OperationsService::job)
                .list();
    }

    public long countJobs(JobFilter filter) {
        access.requireAdmin(ADMINS_ONLY);
        return jdbc.sql("select count(*) from (" + JOBS + where(filter) + ") j").query(Long.class).single();
    }

    /**
     * A page of the jobs of one kind ({@code task}, e.g. {@code provision-endpoint}; null: every kind),
     * ordered as {@link #jobs(JobFilter, int, int)}.
     */
    public List<Job> jobs(JobFilter filter, String task, int offset, int limit) {
        if (task == null || task.isBlank()) {
            return jobs(filter, offset, limit);
        }
        access.requireAdmin(ADMINS_ONLY);
        return jdbc.sql("select * from (" + JOBS + where(filter) + ") j where j.task = ?"
                        + " order by (j.error is null and not j.gave_up), j.failed_at desc nulls last,"
                        + " j.execution_time, j.task, j.instance offset ? limit ?")
                .params(task.trim(), offset, limit)
                .query(OperationsService::job)
                .list();
    }

    private static Job job(ResultSet rs, int row) throws SQLException {
        return new Job(rs.getString("task"), rs.getString("instance"), instant(rs.getTimestamp("execution_time")),
                rs.getBoolean("scheduled"), rs.getBoolean("picked"), rs.getString("picked_by"), rs.getInt("attempts"),
                rs.getString("error"), rs.getString("account_id"), rs.getString("region"),
                instant(rs.getTimestamp("failed_at")), rs.getBoolean("gave_up"));
    }

    /** How many jobs {@link #jobs(JobFilter, String, int, int)} lists. */
    public long countJobs(JobFilter filter, String task) {
        if (task == null || task.isBlank()) {
            return countJobs(filter);
        }
        access.requireAdmin(ADMINS_ONLY);
        return jdbc.sql("select count(*) from (" + JOBS + where(filter) + ") j where j.task = ?")
                .params(task.trim()).query(Long.class).single();
    }

    /**
     * Runs a job again now. A job db-scheduler still holds (waiting, or backing off after
     * failures) is rescheduled for now; one that gave up is started again through its owner's
     * retry (the request or the service moves back, with a timeline entry and an audit line).
     */
    @Transactional
    public void retry(String task, String instance) {
        Caller caller = access.requireAdmin("Only platform admins retry jobs");
        Job job = find(task, instance);
        if (job.running()) {
            throw new ConflictException("This job is running right now");
        }
        if (job.scheduled()) {
            scheduler.getObject().reschedule(TaskInstanceId.of(task, instance), clock.instant());
        } else {
            ManualRetry owner = retries.stream().filter(r -> r.kind().taskName().equals(task)).findFirst()
                    .orElseThrow(() -> new ConflictException("A " + task + " job cannot be retried by hand"));
            owner.retryByHand(UUID.fromString(instance));
        }
        failures.forget(task, instance);
        audit.record(AuditEntry.of("JOB_RETRIED", "JOB", task + "/" + instance, task, null)
                .because("Retried by " + caller.username()));
    }

    /**
     * Cancels a waiting job (it will not run) or dismisses a failed one. Running jobs and the
     * recurring reconciliation cannot be cancelled.
     */
    @Transactional
    public void cancel(String task, String instance) {
        Caller caller = access.requireAdmin("Only platform admins cancel jobs");
        Job job = find(task, instance);
        if (job.running()) {
            throw new ConflictException("This job is running right now; wait until it stops");
        }
        if (job.recurring()) {
            throw new ConflictException("Reconciliation is recurring and cannot be cancelled");
        }
        if (job.scheduled()) {
            scheduler.getObject().cancel(TaskInstanceId.of(task, instance));
        }
        failures.forget(task, instance);
        audit.record(AuditEntry.of("JOB_CANCELLED", "JOB", task + "/" + instance, task, null)
                .because("Cancelled by " + caller.username()));
    }

    private Job find(String task, String instance) {
        return jdbc.sql(JOBS + " where coalesce(s.task_name, f.task_name) = ? and coalesce(s.task_instance, f.task_instance) = ?")
                .params(task, instance)
                .query(OperationsService::job)
                .optional().orElseThrow(() -> new NotFoundException("No job " + task + " " + instance));
    }

    /** Drift found by reconciliation, newest first; open findings only unless {@code all}. */
    public List<DriftRow> drift(boolean all, int offset, int limit) {
        access.requireAdmin(ADMINS_ONLY);
        return jdbc.sql("select * from drift_finding" + (all ? "" : " where resolved_at is null")
                        + " order by found_at desc, id offset ? limit ?")
                .params(offset, limit)
                .query((rs, n) -> new DriftRow(rs.getObject("id", UUID.class), DriftKind.valueOf(rs.getString("kind")),
                        rs.getObject("listing_id", UUID.class), rs.getObject("request_id", UUID.class),
                        rs.getString("subject"), rs.getString("detail"), instant(rs.getTimestamp("found_at")),
                        instant(rs.getTimestamp("last_seen_at")), instant(rs.getTimestamp("resolved_at")),
                        rs.getString("resolved_by")))
                .list();
    }

    public long countDrift(boolean all) {
        access.requireAdmin(ADMINS_ONLY);
        return jdbc.sql("select count(*) from drift_finding" + (all ? "" : " where resolved_at is null"))
                .query(Long.class).single();
    }

    /** Marks a finding as dealt with (an admin fixed AWS or accepted the difference). */
    @Transactional
    public void resolveDrift(UUID id) {
        Caller caller = access.requireAdmin("Only platform admins resolve drift");
        String finding = jdbc.sql("""
                        update drift_finding set resolved_at = ?, resolved_by = ? where id = ? and resolved_at is null
                        returning kind || ' ' || subject""")
                .params(Timestamp.from(clock.instant()), caller.username(), id).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("No open drift finding " + id));
        audit.record(AuditEntry.of("DRIFT_RESOLVED", "DRIFT", id, finding, null)
                .because("Resolved by " + caller.username()));
    }

    /**
     * Starts reconciliation now by moving the recurring task's next run forward: db-scheduler runs
     * it on one instance of the cluster, never two at once. Findings show up when it finishes.
     */
    @Transactional
    public void reconcileNow() {
        Caller caller = access.requireAdmin("Only platform admins start reconciliation");
        scheduler.getObject().reschedule(TaskInstanceId.of(Reconciler.TASK_NAME, RecurringTask.INSTANCE),
                clock.instant());
        audit.record(AuditEntry.of("RECONCILE_STARTED", "JOB", Reconciler.TASK_NAME, "reconcile", null)
                .because("Started by " + caller.username()));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
