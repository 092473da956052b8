package dev.linkport.notification;

/** What a notification is about. */
public enum NotificationKind {
    /** A request to one of the team's services waits for the team's decision. */
    REQUEST_TO_DECIDE,
    REQUEST_APPROVED,
    REQUEST_REJECTED,
    ENDPOINT_AVAILABLE,
    ENDPOINT_FAILED,
    /** The endpoint was changed or deleted outside Linkport. */
    ENDPOINT_DRIFTED,
    /** An endpoint connects to one of the team's services without a Linkport request. */
    OUT_OF_BAND_CONNECTION
}
