package dev.linkport.provider.jobs;

import dev.linkport.worker.JobKind;

/** The provider console's background jobs. */
public final class ProviderJobs {

    /** Per listing: apply the wanted allowed principals in AWS. */
    public static final JobKind SYNC_PRINCIPALS = new JobKind("sync-principals");
    /** Per observed connection (its row names the listing and the endpoint): accept it in AWS. */
    public static final JobKind ACCEPT_CONNECTION = new JobKind("accept-connection");
    /** Per observed connection: reject it in AWS. */
    public static final JobKind REJECT_CONNECTION = new JobKind("reject-connection");

    private ProviderJobs() {
    }
}
