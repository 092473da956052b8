package dev.linkport.consumer.service;

import java.util.Set;
import java.util.TreeSet;

/**
 * The Availability Zones, by zone ID, in which a consumer account may place an endpoint to a service from one
 * region. In the service's own region they are the zones of its load balancers; from another region
 * (cross-region PrivateLink) they are the zones of the consumer's region that AWS names when the service is
 * described from there with its service region, never the provider's zones.
 *
 * @param region      the consumer's region
 * @param serviceRegion the service's region
 * @param known       false when Linkport could not learn the zones (AWS then checks them when it creates the
 *                    endpoint)
 * @param zoneIds     the zone IDs, empty when not known
 */
public record ZoneOffer(String region, String serviceRegion, boolean known, Set<String> zoneIds) {

    public ZoneOffer {
        zoneIds = Set.copyOf(zoneIds);
    }

    /** Zones that AWS did not name: every subnet is offered and AWS decides when it creates the endpoint. */
    public static ZoneOffer unknown(String region, String serviceRegion) {
        return new ZoneOffer(region, serviceRegion, false, Set.of());
    }

    /** Whether the endpoint reaches a service of another region. */
    public boolean crossRegion() {
        return !region.equals(serviceRegion);
    }

    /** Whether a subnet in this zone may be chosen. */
    public boolean covers(String zoneId) {
        return !known || zoneIds.contains(zoneId);
    }

    /** The zone IDs, sorted, comma-separated. */
    public String listed() {
        return String.join(", ", new TreeSet<>(zoneIds));
    }
}
