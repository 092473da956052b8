package dev.linkport.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Availability Zones per region and the per-account mapping of AZ names to AZ IDs.
 *
 * <p>As in AWS, {@code us-east-1a} is a different physical zone in different accounts. The seeded
 * accounts have a fixed table (so tests and demo data can rely on it); any other account gets a
 * deterministic rotation derived from its id.
 */
final class Zones {

    /** One zone as an account sees it. */
    record Zone(String region, String name, String id) {
    }

    private static final Map<String, Integer> ZONE_COUNT = Map.of(
            "us-east-1", 6, "us-east-2", 3, "us-west-2", 4, "eu-west-1", 3, "eu-central-1", 3);

    private static final Map<String, String> ID_PREFIX = Map.of(
            "us-east-1", "use1", "us-east-2", "use2", "us-west-2", "usw2", "eu-west-1", "euw1",
            "eu-central-1", "euc1");

    /** account/region -> AZ number (1-based) for names a, b, c, ... */
    private static final Map<String, int[]> FIXED = Map.of(
            "111111111111/us-east-1", new int[] {1, 2, 3, 4, 5, 6},
            "222222222222/us-east-1", new int[] {4, 1, 2, 3, 5, 6},
            "333333333333/us-east-1", new int[] {3, 4, 1, 2, 6, 5},
            "222222222222/eu-west-1", new int[] {2, 3, 1});

    private Zones() {
    }

    static boolean knownRegion(String region) {
        return region != null && region.matches("[a-z]{2}(-[a-z]+)+-\\d");
    }

    /** The zones of a region as the given account sees them, ordered by name. */
    static List<Zone> of(String account, String region) {
        int count = ZONE_COUNT.getOrDefault(region, 3);
        int[] numbers = FIXED.get(account + "/" + region);
        if (numbers == null) {
            numbers = new int[count];
            int shift = (int) (Long.parseLong(account) % count);
            for (int i = 0; i < count; i++) {
                numbers[i] = (i + shift) % count + 1;
            }
        }
        List<Zone> zones = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            zones.add(new Zone(region, region + (char) ('a' + i), idPrefix(region) + "-az" + numbers[i]));
        }
        return zones;
    }

    /**
     * Whether endpoints to services of other regions can be placed in this zone. AWS offers cross-region
     * endpoints in a subset of a region's zones, and names that subset, in the consumer's own zone names, when
     * the consumer describes a remote service (DescribeVpcEndpointServices with ServiceRegion). The sandbox
     * leaves out each region's {@code az3} zone, so that the check is visible in every region.
     */
    static boolean servesRemoteServices(String zoneId) {
        return zoneId != null && !zoneId.endsWith("-az3");
    }

    static Optional<String> idOf(String account, String region, String zoneName) {
        return of(account, region).stream().filter(z -> z.name().equals(zoneName)).map(Zone::id).findFirst();
    }

    static Optional<String> nameOf(String account, String region, String zoneId) {
        return of(account, region).stream().filter(z -> z.id().equals(zoneId)).map(Zone::name).findFirst();
    }

    private static String idPrefix(String region) {
        String prefix = ID_PREFIX.get(region);
        if (prefix != null) {
            return prefix;
        }
        String[] parts = region.split("-");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            sb.append(parts[i].charAt(0));
        }
        return parts[0] + sb.substring(1) + parts[parts.length - 1];
    }

    /** Route 53 hosted zone id of the regional {@code vpce.amazonaws.com} names. */
    static String vpceHostedZoneId(String region) {
        return switch (region) {
            case "us-east-1" -> "Z7HUB22UULQXV";
            case "us-east-2" -> "ZC8PG0KIFKBRI";
            case "us-west-2" -> "Z1YSA3EXCYUU9Z";
            case "eu-west-1" -> "Z38GZ743OKFT7T";
            case "eu-central-1" -> "Z273ZU8SZ5RJPC";
            default -> "Z" + Integer.toHexString(region.hashCode()).toUpperCase();
        };
    }

    /** Canonical hosted zone id of network load balancers in the region. */
    static String nlbHostedZoneId(String region) {
        return switch (region) {
            case "us-east-1" -> "Z26RNL4JYFTOTI";
            case "eu-west-1" -> "Z2IFOLAFXWLO4F";
            default -> "Z" + Integer.toHexString(("nlb" + region).hashCode()).toUpperCase();
        };
    }
}
