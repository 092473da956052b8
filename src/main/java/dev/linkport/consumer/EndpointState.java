package dev.linkport.consumer;

import java.util.EnumSet;
import java.util.Set;

/** The lifecycle of an endpoint request; {@link #canMoveTo} holds the allowed transitions. */
public enum EndpointState {
    SUBMITTED, APPROVED, REJECTED, CANCELLED, PROVISIONING, PENDING_ACCEPTANCE, AVAILABLE, FAILED, DELETING, DELETED,
    DRIFTED;

    /**
     * States in which an endpoint exists in AWS (or is being made) and depends on the service and
     * on the principal that let it be created. This is what "live" means everywhere in Linkport.
     */
    public static final Set<EndpointState> LIVE = EnumSet.of(PROVISIONING, PENDING_ACCEPTANCE, AVAILABLE);

    /** States that count as a consumer of the service: live, or approved and about to be made. */
    public static final Set<EndpointState> CONSUMING = EnumSet.of(APPROVED, PROVISIONING, PENDING_ACCEPTANCE, AVAILABLE);

    /**
     * States in which a request still needs the principal provisioning allowed for it: its endpoint exists, is on its
     * way, may come back (drifted) or be retried (failed), or is being deleted. Once none of a service's requests
     * allowed by a principal is in one of these, Linkport removes the principal it added.
     */
    public static final Set<EndpointState> NEEDS_PRINCIPAL = EnumSet.of(APPROVED, PROVISIONING, PENDING_ACCEPTANCE,
            AVAILABLE, FAILED, DELETING, DRIFTED);

    /**
     * States of a request that leave no endpoint behind and hold nothing open: a VPC whose request for a service is
     * in any other state has that service already (or is about to), and takes no second request for it. The
     * database holds the same rule (unique index {@code endpoint_request_one_per_vpc_uq}).
     */
    public static final Set<EndpointState> FREES_VPC = EnumSet.of(REJECTED, CANCELLED, FAILED, DELETED);

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

    /** Whether the endpoint is live (see {@link #LIVE}). */
    public boolean live() {
        return LIVE.contains(this);
    }
}
