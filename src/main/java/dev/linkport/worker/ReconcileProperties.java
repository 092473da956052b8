package dev.linkport.worker;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code linkport.reconcile.*}: how often Linkport compares AWS with what it holds, and how much of it
 * per run.
 *
 * @param interval            pause between the end of one reconciliation and the start of the next
 * @param batchSize           endpoint ids per DescribeVpcEndpoints call
 * @param permissionsEvery    every service's allowed principals are read at least this often, a share per run
 * @param maxPermissionReads  at most this many services' principals per provider account and region in one run
 * @param parallelism         accounts and regions reconciled at once (each within its own rate budget)
 */
@ConfigurationProperties("linkport.reconcile")
public record ReconcileProperties(@DefaultValue("60s") Duration interval, @DefaultValue("100") int batchSize,
                                  @DefaultValue("1h") Duration permissionsEvery,
                                  @DefaultValue("200") int maxPermissionReads,
                                  @DefaultValue("8") int parallelism) {

    /**
     * How many of a provider account's {@code services} have their principals read in one run, so that
     * each is read within {@link #permissionsEvery} while runs come every {@link #interval}.
     */
    public int permissionReadsPerRun(int services) {
        if (services == 0) {
            return 0;
        }
        double runsPerPeriod = Math.max(1.0, (double) permissionsEvery.toMillis() / Math.max(1, interval.toMillis()));
        return (int) Math.min(services, Math.min(maxPermissionReads, Math.ceil(services / runsPerPeriod)));
    }
}
