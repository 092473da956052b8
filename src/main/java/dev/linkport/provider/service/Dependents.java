package dev.linkport.provider.service;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Who still uses a service.
 *
 * @param requests    Linkport requests whose endpoint is live or on its way
 * @param connections endpoints AWS reports as connected (also ones created outside Linkport)
 */
public record Dependents(List<Dependent> requests, List<Dependent> connections) {

    public Dependents {
        requests = List.copyOf(requests);
        connections = List.copyOf(connections);
    }

    /** One dependent endpoint; {@code endpointId}, {@code team} and {@code requestId} may be {@code null}. */
    public record Dependent(String endpointId, String accountId, String team, String state, UUID requestId) {

        String label() {
            return (endpointId == null ? "request " + requestId : endpointId) + " (account " + accountId
                    + (team == null ? "" : ", " + team) + ", " + state + ")";
        }
    }

    public boolean isEmpty() {
        return requests.isEmpty() && connections.isEmpty();
    }

    /** The dependents in one line, each endpoint once. */
    public String describe() {
        Set<String> seen = new LinkedHashSet<>();
        Set<String> labels = new LinkedHashSet<>();
        for (Dependent d : connections) {
            seen.add(d.endpointId());
            labels.add(d.label());
        }
        for (Dependent d : requests) {
            if (d.endpointId() == null || seen.add(d.endpointId())) {
                labels.add(d.label());
            }
        }
        return String.join(", ", labels);
    }
}
