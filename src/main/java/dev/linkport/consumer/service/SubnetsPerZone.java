package dev.linkport.consumer.service;

import dev.linkport.aws.Subnet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * An interface endpoint takes at most one subnet per availability zone (AWS refuses two in one zone
 * only when it creates the endpoint, after approval). Zones are compared by zone ID, as Linkport reads
 * the subnets from the consumer's account; the request form and {@link EndpointRequestService} ask here.
 */
public final class SubnetsPerZone {

    private SubnetsPerZone() {
    }

    /**
     * One message per zone that holds more than one of the subnets, naming the zone and the subnets;
     * none when every zone holds at most one.
     */
    public static List<String> conflicts(Collection<Subnet> subnets) {
        Map<String, TreeSet<String>> byZone = new LinkedHashMap<>();
        Map<String, String> zoneNames = new LinkedHashMap<>();
        for (Subnet s : subnets) {
            String zone = s.availabilityZoneId() == null ? s.availabilityZone() : s.availabilityZoneId();
            byZone.computeIfAbsent(zone, z -> new TreeSet<>()).add(s.subnetId());
            zoneNames.putIfAbsent(zone, s.availabilityZone());
        }
        List<String> messages = new ArrayList<>();
        byZone.forEach((zone, ids) -> {
            if (ids.size() > 1) {
                String name = zoneNames.get(zone);
                messages.add(String.join(" and ", ids) + " are both in " + (name == null || name.equals(zone) ? zone
                        : name + " (" + zone + ")") + "; an endpoint takes one subnet per availability zone");
            }
        });
        return messages;
    }
}
