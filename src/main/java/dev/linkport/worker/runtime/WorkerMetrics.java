package dev.linkport.worker.runtime;

import com.github.kagkarlsson.scheduler.task.Task;
import dev.linkport.worker.DriftKind;
import dev.linkport.worker.ManualRetry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The job queue and open drift as gauges, for all instances together (both live in the database):
 * <ul>
 *   <li>{@code linkport.jobs}, tagged {@code kind} (the job's task name) and {@code state} ({@code queued},
 *       {@code running}, {@code failed}: failing or given up), counted as the Operations page counts them;</li>
 *   <li>{@code linkport.drift.open}, tagged {@code kind}: open drift findings.</li>
 * </ul>
 * Kinds no running code declares (left in the table by older versions) are not shown. One grouped query each, read at most every {@link #FRESH_FOR} however often or by how many scrapers the
 * gauges are read; at 100,000 jobs a read takes a few tens of milliseconds.
 */
@Component
class WorkerMetrics implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(WorkerMetrics.class);

    /** How long one read of the tables serves the gauges. */
    static final Duration FRESH_FOR = Duration.ofSeconds(10);

    static final List<String> JOB_STATES = List.of("queued", "running", "failed");

    private final JdbcClient jdbc;
    private final Set<String> knownKinds;
    private volatile MeterRegistry registry;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of(), Long.MIN_VALUE);

    private record Snapshot(Map<String, long[]> jobs, Map<String, Long> drift, long readAt) {
    }

    /** Kinds are the tasks' names, and the names jobs' failures are recorded under (their manual retries). */
    WorkerMetrics(JdbcClient jdbc, List<Task<?>> tasks, List<ManualRetry> retries) {
        this.jdbc = jdbc;
        this.knownKinds = Stream.concat(tasks.stream().map(Task::getName),
                retries.stream().map(r -> r.kind().taskName())).collect(Collectors.toSet());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        knownKinds.forEach(this::registerKind);
        for (DriftKind kind : DriftKind.values()) {
            Gauge.builder("linkport.drift.open", this, m -> m.fresh().drift().getOrDefault(kind.name(), 0L))
                    .description("Open drift findings: differences between AWS and Linkport found by reconciliation")
                    .tag("kind", kind.name().toLowerCase(Locale.ROOT)).register(registry);
        }
    }

    private void registerKind(String kind) {
        for (int i = 0; i < JOB_STATES.size(); i++) {
            int state = i;
            Gauge.builder("linkport.jobs", this, m -> {
                        long[] counts = m.fresh().jobs().get(kind);
                        return counts == null ? 0 : counts[state];
                    })
                    .description("Background jobs by kind and state (queued, running, failed), in all instances")
                    .tag("kind", kind).tag("state", JOB_STATES.get(state)).register(registry);
        }
    }

    private Snapshot fresh() {
        Snapshot current = snapshot;
        if (System.nanoTime() - current.readAt() < FRESH_FOR.toNanos()) {
            return current;
        }
        synchronized (this) {
            current = snapshot;
            if (System.nanoTime() - current.readAt() < FRESH_FOR.toNanos()) {
                return current;
            }
            try {
                snapshot = current = read();
            } catch (RuntimeException e) { // the database is away: keep the last values, try again later
                log.debug("Could not read job and drift counts: {}", e.toString());
                snapshot = current = new Snapshot(current.jobs(), current.drift(), System.nanoTime());
            }
            return current;
        }
    }

    private Snapshot read() {
        Map<String, long[]> jobs = new HashMap<>();
        jdbc.sql("""
                        select coalesce(s.task_name, f.task_name) as kind,
                               count(*) filter (where s.task_name is not null and not coalesce(s.picked, false)
                                                and f.task_name is null and coalesce(s.consecutive_failures, 0) = 0),
                               count(*) filter (where s.picked),
                               count(*) filter (where f.task_name is not null or coalesce(s.consecutive_failures, 0) > 0)
                        from scheduled_tasks s full outer join job_failure f
                          on f.task_name = s.task_name and f.task_instance = s.task_instance
                        group by 1""")
                .query(rs -> {
                    jobs.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                });
        Map<String, Long> drift = new HashMap<>();
        jdbc.sql("select kind, count(*) from drift_finding where resolved_at is null group by kind")
                .query(rs -> {
                    drift.put(rs.getString(1), rs.getLong(2));
                });
        return new Snapshot(jobs, drift, System.nanoTime());
    }
}
