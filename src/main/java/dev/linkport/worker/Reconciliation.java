package dev.linkport.worker;

/**
 * One part of reconciliation, implemented by the module that owns the data it compares with AWS
 * (the provider's side of services; the consumers' endpoints). The {@link Reconciler} runs every
 * part, in their {@link org.springframework.core.annotation.Order}.
 */
public interface Reconciliation {

    /** Compares AWS with Linkport once and records the differences. */
    Tally reconcile();

    /**
     * What one part looked at and found.
     *
     * @param services       endpoint services looked at
     * @param endpoints      consumer endpoints looked at
     * @param accountRegions consumer accounts and regions whose endpoints were read
     * @param findings       differences found
     * @param errors         AWS reads that failed (tried again next time)
     */
    record Tally(int services, int endpoints, int accountRegions, int findings, int errors) {

        public static final Tally NONE = new Tally(0, 0, 0, 0, 0);

        public Tally plus(Tally other) {
            return new Tally(services + other.services, endpoints + other.endpoints,
                    accountRegions + other.accountRegions, findings + other.findings, errors + other.errors);
        }
    }
}
