package dev.linkport.worker;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reconcile (recurring): compares what AWS holds with what Linkport believes by running every
 * {@link Reconciliation} part, and records the differences as drift. db-scheduler runs the
 * recurring task on one instance of the cluster at a time.
 */
@Component
public class Reconciler {

    /** db-scheduler's name of the recurring reconciliation. */
    public static final String TASK_NAME = "reconcile";

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    /** What one run looked at and found. */
    public record Report(int services, int endpoints, int providerRegions, int accountRegions, int permissionReads,
                         int findings, int errors, Duration duration) {
    }

    private final List<Reconciliation> parts;
    private final ReentrantLock oneAtATime = new ReentrantLock();
    private final Timer succeeded;
    private final Timer failed;

    /** Reconciliation runs are timed as {@code linkport.reconcile.duration}, tagged {@code outcome} (ok, failed). */
    Reconciler(List<Reconciliation> parts, MeterRegistry meters) {
        this.parts = parts;
        this.succeeded = duration(meters, "ok");
        this.failed = duration(meters, "failed");
    }

    private static Timer duration(MeterRegistry meters, String outcome) {
        return Timer.builder("linkport.reconcile.duration").description("How long one reconciliation run took")
                .tag("outcome", outcome).register(meters);
    }

    /**
     * Runs one reconciliation now and waits for it. Runs in this instance do not overlap (a call
     * waits for the one under way); the recurring task keeps instances from overlapping.
     */
    public Report reconcile() {
        oneAtATime.lock();
        try {
            long t0 = System.nanoTime();
            Reconciliation.Tally total = Reconciliation.Tally.NONE;
            try {
                for (Reconciliation part : parts) {
                    total = total.plus(part.reconcile());
                }
            } catch (RuntimeException e) {
                failed.record(Duration.ofNanos(System.nanoTime() - t0));
                throw e;
            }
            Report report = new Report(total.services(), total.endpoints(), total.providerRegions(),
                    total.accountRegions(), total.permissionReads(), total.findings(), total.errors(), Duration.ofNanos(System.nanoTime() - t0));
            succeeded.record(report.duration());
            log.info("Reconciled {}", report);
            return report;
        } finally {
            oneAtATime.unlock();
        }
    }
}
