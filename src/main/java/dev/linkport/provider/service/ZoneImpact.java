package dev.linkport.provider.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a change of a service's load balancers does to its zones and to the consumers in them. A service is offered
 * in the union of its load balancers' zones (by zone ID); a zone no load balancer covers any more is lost, and
 * endpoints with a subnet there no longer reach the service through it.
 *
 * @param loadBalancersAfter the load balancers the service has after the change
 * @param zonesBefore        zone IDs the service is offered in now
 * @param zonesAfter         zone IDs it is offered in after the change
 * @param zonesLost          zone IDs it would no longer be offered in
 * @param affected           Linkport endpoints with a subnet in a lost zone
 * @param zonesUnknown       endpoints whose zones Linkport cannot see (made outside Linkport, or their account could
 *                           not be read), listed only when zones are lost
 * @param scheduled          whether the change was made (the ModifyService job applies it); false for a preview
 */
public record ZoneImpact(UUID serviceId, String serviceName, List<String> loadBalancersAfter, Set<String> zonesBefore,
                         Set<String> zonesAfter, Set<String> zonesLost, List<AffectedEndpoint> affected,
                         List<Dependents.Dependent> zonesUnknown, boolean scheduled) {

    public ZoneImpact {
        loadBalancersAfter = List.copyOf(loadBalancersAfter);
        zonesBefore = Set.copyOf(zonesBefore);
        zonesAfter = Set.copyOf(zonesAfter);
        zonesLost = Set.copyOf(zonesLost);
        affected = List.copyOf(affected);
        zonesUnknown = List.copyOf(zonesUnknown);
    }

    /**
     * A Linkport endpoint in zones the service would leave.
     *
     * @param vpcEndpointId the endpoint, or {@code null} while it is being created
     * @param team          the consumer team owning the account
     * @param zonesLost     the endpoint's zone IDs the service would leave
     */
    public record AffectedEndpoint(String vpcEndpointId, String accountId, String team, String state, UUID requestId,
                                   Set<String> zonesLost) {

        public AffectedEndpoint {
            zonesLost = Set.copyOf(zonesLost);
        }

        String describe() {
            return (vpcEndpointId == null ? "an endpoint being created" : vpcEndpointId) + " of " + team + " (account "
                    + accountId + ", " + state + ") in " + String.join(", ", new java.util.TreeSet<>(zonesLost));
        }
    }

    /** Whether the change drops zones. */
    public boolean losesZones() {
        return !zonesLost.isEmpty();
    }

    /** The warning to show before the provider confirms, naming lost zones and the consumers in them; null if none. */
    public String warning() {
        if (zonesLost.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        parts.add(serviceName + " would no longer be offered in zone" + (zonesLost.size() == 1 ? " " : "s ")
                + String.join(", ", new java.util.TreeSet<>(zonesLost)) + ".");
        if (affected.isEmpty()) {
            parts.add("No Linkport endpoint has a subnet there.");
        } else {
            parts.add("Endpoints there lose the service in that zone: "
                    + String.join("; ", affected.stream().map(AffectedEndpoint::describe).toList()) + ".");
        }
        if (!zonesUnknown.isEmpty()) {
            parts.add("Zones unknown to Linkport (check them): "
                    + String.join(", ", zonesUnknown.stream().map(Dependents.Dependent::describe).toList()) + ".");
        }
        return String.join(" ", parts);
    }

    /** The teams with endpoints in lost zones, by name. */
    public Set<String> affectedTeams() {
        return new java.util.TreeSet<>(affected.stream().map(AffectedEndpoint::team)
                .filter(java.util.Objects::nonNull).toList());
    }
}
