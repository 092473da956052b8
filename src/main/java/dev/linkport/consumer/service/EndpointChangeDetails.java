package dev.linkport.consumer.service;

import dev.linkport.consumer.ChangeState;
import dev.linkport.consumer.domain.EndpointChange;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A change of an endpoint as its team sees it: what was wanted ({@code null}: kept), by whom, and how it ended.
 *
 * @param state   AWAITING_APPROVAL while it waits for a decision (when the service asks for one), APPLYING while
 *                the worker changes the endpoint in AWS, then DONE or FAILED; REJECTED when refused
 * @param outcome AWS's answer when it failed, what Linkport saw when it was done, or the reason it was rejected;
 *                {@code null} while open
 * @param decidedBy who approved or rejected it, when it needed approval
 */
public record EndpointChangeDetails(UUID id, UUID requestId, ChangeState state, String summary,
                                    List<String> subnetIds, List<String> securityGroupIds, Boolean privateDnsEnabled,
                                    String requestedBy, Instant createdAt, Instant finishedAt, String outcome,
                                    String decidedBy, Instant decidedAt, String decisionReason) {

    static EndpointChangeDetails of(EndpointChange c) {
        return new EndpointChangeDetails(c.getId(), c.getRequestId(), c.getState(), c.getSummary(), c.getSubnetIds(),
                c.getSecurityGroupIds(), c.getPrivateDnsEnabled(), c.getRequestedBy(), c.getCreatedAt(),
                c.getFinishedAt(), c.getOutcome(), c.getDecidedBy(), c.getDecidedAt(), c.getDecisionReason());
    }

    /** Whether the worker is still applying it. */
    public boolean applying() {
        return state == ChangeState.APPLYING;
    }

    /** Whether it waits for someone who decides the service's requests. */
    public boolean awaitingApproval() {
        return state == ChangeState.AWAITING_APPROVAL;
    }
}
