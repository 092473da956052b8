package dev.linkport.provider;

/** Where an allowed principal of a service came from. */
public enum PrincipalSource {
    /** Added by the service's owners. */
    MANUAL,
    /** Added by Linkport when a request from that account was approved. */
    APPROVAL,
    /** Seen in AWS, not added through Linkport. */
    OBSERVED
}
