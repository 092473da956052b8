package dev.linkport.consumer;

import java.time.Instant;
import java.util.UUID;

/**
 * An endpoint request changed state (or was submitted: then {@code from} is {@code null}). Published
 * in the transaction that moved it and kept in the event publication registry until every listener
 * in another module has handled it, so that none is lost when Linkport stops right after the move.
 *
 * @param serviceName       the listing's name
 * @param consumerAccountId the 12-digit account the endpoint goes into
 * @param requesterId       who asked for the endpoint
 * @param justification     why they asked
 * @param reason            why it moved (a decision's reason, AWS's message…)
 * @param submittedAt       when the request was submitted (null in events stored by older versions)
 * @param movedAt           when it moved (null in events stored by older versions)
 */
public record RequestMoved(UUID requestId, UUID listingId, String serviceName, String consumerAccountId, String vpcId,
                           UUID requesterId, String justification, EndpointState from, EndpointState to,
                           String reason, Instant submittedAt, Instant movedAt) {

    /** A move without its times. */
    public RequestMoved(UUID requestId, UUID listingId, String serviceName, String consumerAccountId, String vpcId,
                        UUID requesterId, String justification, EndpointState from, EndpointState to, String reason) {
        this(requestId, listingId, serviceName, consumerAccountId, vpcId, requesterId, justification, from, to, reason,
                null, null);
    }

    /** Whether this is the submission of a new request. */
    public boolean submitted() {
        return from == null && to == EndpointState.SUBMITTED;
    }
}
