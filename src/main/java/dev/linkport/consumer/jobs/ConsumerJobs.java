package dev.linkport.consumer.jobs;

import dev.linkport.worker.JobKind;

/** The consumer's background jobs, each about one endpoint request. */
public final class ConsumerJobs {

    /** Creates an approved request's endpoint in AWS and follows it until it is available. */
    public static final JobKind PROVISION_ENDPOINT = new JobKind("provision-endpoint");
    /** Deletes a request's endpoint in AWS and follows it until it is gone. */
    public static final JobKind DELETE_ENDPOINT = new JobKind("delete-endpoint");

    private ConsumerJobs() {
    }
}
