package dev.linkport.aws;

/**
 * A subnet of a VPC, with both its zone name (account-specific) and zone ID (comparable across accounts).
 *
 * @param name the subnet's {@code Name} tag, or {@code null}
 */
public record Subnet(String subnetId, String vpcId, String cidrBlock, String availabilityZone,
        String availabilityZoneId, String name) {
}
