package dev.linkport.provider.domain;

import dev.linkport.aws.EndpointConnection;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Records the connections AWS reports for a service in {@code observed_connection}: the Connections
 * page lists those rows (in pages, filtered), so every reader of AWS goes through here. Call it inside
 * a transaction.
 */
@Component
public class ConnectionRecorder {

    /** AWS states that change by themselves soon: the worker follows a service while one of its connections is in one. */
    public static final Set<String> MOVING = Set.of("pending", "deleting");

    /** What the Connections page shows for a connection Linkport saw before that AWS no longer reports (as reconciliation does). */
    public static final String GONE = "deleted";

    private final ObservedConnectionRepository connections;

    ConnectionRecorder(ObservedConnectionRepository connections) {
        this.connections = connections;
    }

    /**
     * Stores what AWS reports now: new connections, changed states, and {@value #GONE} for those it no
     * longer reports.
     *
     * @param requestIds the Linkport requests behind endpoint ids, by endpoint id (asked only for endpoints
     *                   not matched to one yet)
     * @return whether anything changed
     */
    public boolean record(UUID listingId, List<EndpointConnection> live,
                          Function<Collection<String>, Map<String, UUID>> requestIds, Instant now) {
        Map<String, ObservedConnection> known = connections.findByListingIdOrderByFirstSeenAt(listingId).stream()
                .collect(Collectors.toMap(ObservedConnection::getVpcEndpointId, Function.identity(), (a, b) -> a));
        // endpoints not matched to a request yet: new ones, and any seen before their request recorded its endpoint id
        Set<String> unmatched = live.stream().map(EndpointConnection::endpointId)
                .filter(id -> !known.containsKey(id) || known.get(id).getRequestId() == null)
                .collect(Collectors.toSet());
        Map<String, UUID> requests = unmatched.isEmpty() ? Map.of() : requestIds.apply(unmatched);
        boolean changed = false;
        Set<String> seen = new HashSet<>();
        for (EndpointConnection c : live) {
            seen.add(c.endpointId());
            ObservedConnection row = known.get(c.endpointId());
            if (row == null || (row.getRequestId() == null && requests.containsKey(c.endpointId()))) {
                connections.upsert(listingId, c.endpointId(), c.ownerAccountId(), c.state(), c.createdAt(),
                        requests.get(c.endpointId()), now);
                changed = true;
            } else if (!row.getState().equals(c.state())) {
                connections.markSeen(row.getId(), c.state(), now);
                changed = true;
            }
        }
        for (ObservedConnection row : known.values()) {
            if (!seen.contains(row.getVpcEndpointId()) && !GONE.equals(row.getState())) {
                connections.markSeen(row.getId(), GONE, now);
                changed = true;
            }
        }
        return changed;
    }
}
