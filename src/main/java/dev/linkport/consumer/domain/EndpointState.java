package dev.linkport.consumer.domain;

/** The lifecycle of an endpoint request (DESIGN.md §4). */
public enum EndpointState {
    SUBMITTED, APPROVED, REJECTED, CANCELLED, PROVISIONING, PENDING_ACCEPTANCE, AVAILABLE, FAILED, DELETING, DELETED,
    DRIFTED
}
