package dev.linkport.consumer.service;

import java.time.Duration;
import java.util.UUID;

/**
 * What the approval dashboard (and {@code GET /api/v1/endpoint-requests?scope=to-decide}) shows of the
 * requests waiting for the caller's decision; the filters work together, a {@code null} one is not applied.
 *
 * @param serviceId      requests to this service
 * @param consumerTeamId requests of this team
 * @param text           words found in the account (id or team), the requester, the service's name or the VPC
 * @param waitingAtLeast requests submitted at least this long ago
 */
public record WaitingRequestsFilter(UUID serviceId, UUID consumerTeamId, String text, Duration waitingAtLeast) {

    /** Everything waiting for the caller. */
    public static final WaitingRequestsFilter NONE = new WaitingRequestsFilter(null, null, null, null);
}
