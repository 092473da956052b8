package dev.linkport.worker;

/** What reconciliation found AWS holding differently from Linkport. */
public enum DriftKind {
    /** An endpoint of a Linkport request was deleted outside Linkport. */
    ENDPOINT_GONE,
    /** The provider rejected an endpoint of a Linkport request outside Linkport. */
    ENDPOINT_REJECTED,
    /** An endpoint connects to a service without a Linkport request. */
    OUT_OF_BAND_CONNECTION,
    /** AWS allows a principal that was not added through Linkport. */
    PRINCIPAL_ADDED_OUTSIDE,
    /** AWS no longer allows a principal that Linkport added. */
    PRINCIPAL_REMOVED_OUTSIDE,
    /** An endpoint service's settings in AWS differ from Linkport's (acceptance, regions, load balancers, private DNS). */
    SERVICE_CHANGED_OUTSIDE,
    /** An endpoint service Linkport published no longer exists in AWS. */
    SERVICE_DELETED_OUTSIDE,
    /** AWS no longer reports an endpoint service's private DNS name as verified, though it was. */
    PRIVATE_DNS_UNVERIFIED
}
