package dev.linkport.consumer.service;

import dev.linkport.consumer.EndpointState;
import java.util.Set;
import java.util.UUID;

/**
 * What My endpoints (and {@code GET /api/v1/endpoint-requests?scope=mine}) shows of the caller's
 * teams' requests; the filters work together, a {@code null} or empty one is not applied.
 *
 * @param states    requests in one of these states
 * @param serviceId requests to this service
 * @param accountId requests into this 12-digit AWS account
 * @param text      words found in the service's name, the account (id or team), the VPC, the endpoint id,
 *                  the region or the requester
 */
public record MyEndpointsFilter(Set<EndpointState> states, UUID serviceId, String accountId, String text) {

    /** Everything the caller may see. */
    public static final MyEndpointsFilter NONE = new MyEndpointsFilter(Set.of(), null, null, null);

    public MyEndpointsFilter {
        states = states == null ? Set.of() : Set.copyOf(states);
    }
}
