package dev.linkport.provider.jobs;

import dev.linkport.worker.JobKind;

/** The provider console's background jobs. */
public final class ProviderJobs {

    /** Per listing: apply the wanted allowed principals in AWS. */
    public static final JobKind SYNC_PRINCIPALS = JobKind.queue("sync-principals");
    /** Per listing: carry out the provider's accept and reject decisions, one AWS call for each. */
    public static final JobKind DECIDE_CONNECTIONS = JobKind.queue("decide-connections");

    /** Per listing: while some of its connections change state by themselves in AWS, read them again until they settle. */
    public static final JobKind FOLLOW_CONNECTIONS = JobKind.queue("follow-connections");

    private ProviderJobs() {
    }
}
