package dev.linkport.catalog.jobs;

import dev.linkport.worker.JobKind;

/** The catalog's background jobs, each about one listing. */
public final class CatalogJobs {

    /** Creates the endpoint service configuration of a listing being published. */
    public static final JobKind PUBLISH_SERVICE = new JobKind("publish-service");
    /** Makes AWS match the settings the owners changed (acceptance, supported regions, private DNS name). */
    public static final JobKind MODIFY_SERVICE = new JobKind("modify-service");
    /** Asks AWS to verify the private DNS name and follows it until AWS decides. */
    public static final JobKind VERIFY_PRIVATE_DNS = new JobKind("verify-private-dns");
    /** Deletes the endpoint service once nothing is connected. */
    public static final JobKind RETIRE_SERVICE = new JobKind("retire-service");
    /** RetireService after an admin's force: rejects the remaining connections first. */
    public static final JobKind FORCE_RETIRE_SERVICE = new JobKind("force-retire-service");

    private CatalogJobs() {
    }
}
