package dev.linkport.worker.runtime;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.linkport.worker.WorkerProperties;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A rolling restart's first step: when the application is asked to stop (SIGTERM), this instance stops
 * taking jobs before anything else stops, and lets the steps it is running finish, for at most
 * {@code linkport.worker.drain}. Every step is short (one AWS call and a database write; waiting for AWS
 * is a rescheduled job, not a running one), so they normally finish in well under a second and the next
 * step of each job is left in the queue for the other instances. A step that is still running when the
 * time is up is abandoned with the process; its heartbeats stop, and another instance runs it again (every
 * step is idempotent) once db-scheduler considers it dead.
 *
 * <p>db-scheduler's own {@code stop()} runs later, when its bean is destroyed; by then nothing is left to
 * wait for.
 */
@Component
class WorkerDrain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WorkerDrain.class);

    private final ObjectProvider<Scheduler> scheduler;
    private final JdbcClient jdbc;
    private final String name;
    private final Duration drain;
    private volatile boolean running;

    WorkerDrain(ObjectProvider<Scheduler> scheduler, JdbcClient jdbc, SchedulerCustomization customization,
                WorkerProperties properties) {
        this.scheduler = scheduler;
        this.jdbc = jdbc;
        this.name = customization.name();
        this.drain = properties.drain();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        Scheduler jobs = scheduler.getIfAvailable();
        if (jobs == null) {
            return;
        }
        jobs.pause();
        long deadline = System.nanoTime() + drain.toNanos();
        log.info("Stopping: this instance takes no more jobs; waiting up to {} for the {} step(s) it has taken",
                drain, taken(jobs));
        while (taken(jobs) > 0 && System.nanoTime() < deadline) {
            try {
                TimeUnit.MILLISECONDS.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        int left = taken(jobs);
        if (left == 0) {
            log.info("Stopping: no job steps running any more");
        } else {
            log.warn("Stopping with {} job step(s) still running; other instances take them over when their "
                    + "heartbeats stop", left);
        }
    }

    /**
     * Jobs this instance has picked: running, or fetched and waiting for one of its threads (db-scheduler
     * fetches a few more than it has threads, and those are not "currently executing" yet).
     */
    private int taken(Scheduler jobs) {
        try {
            return jdbc.sql("select count(*) from scheduled_tasks where picked and picked_by = ?").param(name)
                    .query(Integer.class).single();
        } catch (RuntimeException e) {
            log.warn("Stopping: could not see which jobs this instance still holds ({})", e.toString());
            return jobs.getCurrentlyExecuting().size();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops first, before the web server's graceful shutdown, so no new job starts while requests drain. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
