package dev.linkport.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * One part of reconciliation, implemented by the module that owns the data it compares with AWS
 * (the provider's side of services; the consumers' endpoints). The {@link Reconciler} runs every
 * part, in their {@link org.springframework.core.annotation.Order}.
 */
public interface Reconciliation {

    /** Compares AWS with Linkport once and records the differences. */
    Tally reconcile();

    /**
     * Reconciles {@code accounts} (accounts and regions) side by side, at most {@code parallelism} at once:
     * each waits only for its own account's rate budget, so a busy or slow account delays no other.
     */
    static <T> Tally acrossAccounts(List<T> accounts, int parallelism, Function<T, Tally> each) {
        Semaphore slots = new Semaphore(Math.max(1, parallelism));
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Tally>> running = new ArrayList<>();
            for (T account : accounts) {
                running.add(threads.submit(() -> {
                    slots.acquire();
                    try {
                        return each.apply(account);
                    } finally {
                        slots.release();
                    }
                }));
            }
            Tally total = Tally.NONE;
            for (Future<Tally> result : running) {
                try {
                    total = total.plus(result.get());
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Reconciliation was interrupted", e);
                }
            }
            return total;
        }
    }

    /**
     * What one part looked at and found.
     *
     * @param services       endpoint services looked at
     * @param endpoints      consumer endpoints looked at
     * @param providerRegions provider accounts and regions whose services were read
     * @param accountRegions  consumer accounts and regions whose endpoints were read
     * @param permissionReads services whose allowed principals were read
     * @param findings        differences found
     * @param errors          AWS reads that failed (tried again next time)
     */
    record Tally(int services, int endpoints, int providerRegions, int accountRegions, int permissionReads,
                 int findings, int errors) {

        public static final Tally NONE = new Tally(0, 0, 0, 0, 0, 0, 0);

        public Tally plus(Tally other) {
            return new Tally(services + other.services, endpoints + other.endpoints,
                    providerRegions + other.providerRegions, accountRegions + other.accountRegions,
                    permissionReads + other.permissionReads, findings + other.findings, errors + other.errors);
        }
    }
}
