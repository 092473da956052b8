package dev.linkport.platform.jobs;

/** The background jobs features may ask for; the worker runs them (DESIGN.md §5). */
public enum JobKind {
    PUBLISH_SERVICE("publish-service"),
    PROVISION_ENDPOINT("provision-endpoint"),
    DELETE_ENDPOINT("delete-endpoint"),
    /** Per listing: apply the desired allowed principals to AWS. */
    SYNC_PRINCIPALS("sync-principals"),
    /** Per observed connection (its row id names the listing and the endpoint). */
    ACCEPT_CONNECTION("accept-connection"),
    REJECT_CONNECTION("reject-connection"),
    MODIFY_SERVICE("modify-service"),
    VERIFY_PRIVATE_DNS("verify-private-dns"),
    RETIRE_SERVICE("retire-service"),
    /** RetireService after an admin's force: rejects the remaining connections first. */
    FORCE_RETIRE_SERVICE("force-retire-service");

    private final String taskName;

    JobKind(String taskName) {
        this.taskName = taskName;
    }

    /** db-scheduler's task name. */
    public String taskName() {
        return taskName;
    }
}
