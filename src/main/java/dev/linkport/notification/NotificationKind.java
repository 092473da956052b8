package dev.linkport.notification;

/**
 * What a notification is about, with how it is called on the settings page and whether it goes by e-mail
 * when the person has not chosen (everything shows in the app by default).
 */
public enum NotificationKind {
    /** A request to one of the team's services (or, under the ADMIN policy, to any service) waits for a decision. */
    REQUEST_TO_DECIDE("A request waits for my decision", true),
    /** A request has waited for a decision longer than {@code linkport.notifications.remind-after}. */
    REQUEST_REMINDER("Reminder: a request still waits for a decision", true),
    /** A request has waited longer than {@code linkport.notifications.escalate-after}: admins are told. */
    REQUEST_ESCALATED("Escalation: a request waits far too long (admins)", true),
    REQUEST_APPROVED("My request was approved", true),
    REQUEST_REJECTED("My request was rejected", true),
    ENDPOINT_AVAILABLE("My endpoint is available", false),
    ENDPOINT_FAILED("My endpoint failed", true),
    /** The endpoint was changed or deleted outside Linkport. */
    ENDPOINT_DRIFTED("My endpoint was changed outside Linkport", true),
    /** An endpoint connects to one of the team's services without a Linkport request. */
    OUT_OF_BAND_CONNECTION("A connection to my team's service was made outside Linkport", false),
    /** AWS no longer reports the private DNS name of one of the team's services as verified. */
    PRIVATE_DNS_UNVERIFIED("My team's service lost its private DNS verification", true);

    private final String label;
    private final boolean emailByDefault;

    NotificationKind(String label, boolean emailByDefault) {
        this.label = label;
        this.emailByDefault = emailByDefault;
    }

    /** How the settings page names it. */
    public String label() {
        return label;
    }

    /** Whether it is e-mailed to someone who has not chosen. */
    public boolean emailByDefault() {
        return emailByDefault;
    }
}
