package dev.linkport.provider;

/** Whether AWS holds an allowed principal as Linkport wants it. */
public enum PrincipalSyncState {
    /** Linkport is adding it in AWS. */
    PENDING_ADD,
    /** AWS holds it, as wanted. */
    IN_SYNC,
    /** Linkport is removing it in AWS; the row goes once AWS no longer holds it. */
    PENDING_REMOVE,
    /** AWS refused the change; the last error says why. */
    FAILED,
    /** AWS and Linkport disagree for a reason nobody in Linkport caused. */
    DRIFTED
}
