package dev.linkport.consumer.jobs;

import dev.linkport.worker.JobKind;

/**
 * The consumer's background jobs. Provisioning works through queues: per consumer account (create the
 * endpoints of approved requests, oldest first, as fast as the account's budget allows; follow them
 * until they are available) and per service (accept the connections waiting for it in one call).
 */
public final class ConsumerJobs {

    /** Per consumer account: creates the endpoints of its approved requests, oldest first. */
    public static final JobKind CREATE_ENDPOINTS = JobKind.queue("create-endpoints");
    /** Per consumer account: follows its endpoints until they are available, with one describe per region. */
    public static final JobKind POLL_ENDPOINTS = JobKind.queue("poll-endpoints");
    /** Per service: accepts every endpoint of a Linkport request that waits for acceptance, in one call. */
    public static final JobKind ACCEPT_ENDPOINTS = JobKind.queue("accept-endpoints");
    /** Per request: deletes its endpoint in AWS and follows it until it is gone. */
    public static final JobKind DELETE_ENDPOINT = new JobKind("delete-endpoint");
    /** Per change of an available endpoint: applies it with ModifyVpcEndpoint and follows it until available. */
    public static final JobKind MODIFY_ENDPOINT = new JobKind("modify-endpoint");
    /**
     * Per request: not a job of its own but the name its provisioning failures are recorded under in
     * Operations, where an admin retries them.
     */
    public static final JobKind PROVISION_ENDPOINT = new JobKind("provision-endpoint");

    private ConsumerJobs() {
    }
}
