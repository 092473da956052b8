package dev.linkport.consumer.service;

import dev.linkport.consumer.ChangeState;
import dev.linkport.consumer.domain.EndpointChange;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A change of an endpoint as its team sees it: what was wanted ({@code null}: kept), by whom, and how it ended.
 *
 * @param state   APPLYING while the worker changes the endpoint in AWS, then DONE or FAILED
 * @param outcome AWS's answer when it failed, or what Linkport saw when it was done; {@code null} while applying
 */
public record EndpointChangeDetails(UUID id, UUID requestId, ChangeState state, String summary,
                                    List<String> subnetIds, List<String> securityGroupIds, Boolean privateDnsEnabled,
                                    String requestedBy, Instant createdAt, Instant finishedAt, String outcome) {

    static EndpointChangeDetails of(EndpointChange c) {
        return new EndpointChangeDetails(c.getId(), c.getRequestId(), c.getState(), c.getSummary(), c.getSubnetIds(),
                c.getSecurityGroupIds(), c.getPrivateDnsEnabled(), c.getRequestedBy(), c.getCreatedAt(),
                c.getFinishedAt(), c.getOutcome());
    }

    /** Whether the worker is still applying it. */
    public boolean applying() {
        return state == ChangeState.APPLYING;
    }
}
