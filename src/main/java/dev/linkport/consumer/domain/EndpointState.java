package dev.linkport.consumer.domain;

import java.util.EnumSet;
import java.util.Set;

/** The lifecycle of an endpoint request (DESIGN.md §4). */
public enum EndpointState {
    SUBMITTED, APPROVED, REJECTED, CANCELLED, PROVISIONING, PENDING_ACCEPTANCE, AVAILABLE, FAILED, DELETING, DELETED,
    DRIFTED;

    /** States in which an endpoint may exist in AWS. */
    public static final Set<EndpointState> LIVE = EnumSet.of(PROVISIONING, PENDING_ACCEPTANCE, AVAILABLE);

    /** Whether the lifecycle allows going from this state to {@code next}. */
    public boolean canMoveTo(EndpointState next) {
        return switch (this) {
            case SUBMITTED -> next == APPROVED || next == REJECTED || next == CANCELLED;
            case APPROVED -> next == PROVISIONING || next == FAILED || next == CANCELLED;
            case PROVISIONING -> next == PENDING_ACCEPTANCE || next == AVAILABLE || next == FAILED || next == DRIFTED
                    || next == DELETING;
            case PENDING_ACCEPTANCE -> next == AVAILABLE || next == FAILED || next == DRIFTED || next == DELETING;
            case AVAILABLE -> next == DELETING || next == DRIFTED;
            case FAILED -> next == APPROVED || next == DELETING || next == CANCELLED;
            case DELETING -> next == DELETED || next == FAILED;
            case DRIFTED -> next == DELETING || next == AVAILABLE || next == DELETED;
            case REJECTED, CANCELLED, DELETED -> false;
        };
    }

    /** A state that ends the request's life. */
    public boolean terminal() {
        return this == REJECTED || this == CANCELLED || this == DELETED;
    }
}
