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

    /**
     * One endpoint that depends on a service (or on one of its allowed principals).
     *
     * @param vpcEndpointId the endpoint, or {@code null} while it is being created
     * @param team          the Linkport team owning the account, or {@code null} when Linkport does not know it
     * @param state         the Linkport request's state, or AWS's connection state
     * @param requestId     the Linkport request behind it, or {@code null} (made outside Linkport)
     */
    public record Dependent(String vpcEndpointId, String accountId, String team, String state, UUID requestId) {

        /** The endpoint in words, e.g. "vpce-0a1b… (account 222222222222, checkout, AVAILABLE)". */
        public String describe() {
            return (vpcEndpointId == null ? "an endpoint being created" : vpcEndpointId) + " (account " + accountId
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
            seen.add(d.vpcEndpointId());
            labels.add(d.describe());
        }
        for (Dependent d : requests) {
            if (d.vpcEndpointId() == null || seen.add(d.vpcEndpointId())) {
                labels.add(d.describe());
            }
        }
        return String.join(", ", labels);
    }
}
