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
    PRINCIPAL_REMOVED_OUTSIDE
}
