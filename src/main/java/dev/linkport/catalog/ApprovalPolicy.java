package dev.linkport.catalog;

/** Who decides an endpoint request for a service. */
public enum ApprovalPolicy {
    /** Approved at once. */
    AUTO,
    /** Members of the owning team (and platform admins). */
    PROVIDER,
    /** Platform admins only. */
    ADMIN
}
