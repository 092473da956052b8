package dev.linkport.aws;

import java.util.List;

/**
 * A subnet of a VPC, with both its zone name (account-specific) and zone ID (comparable across accounts).
 *
 * @param cidrBlock      its IPv4 range, {@code null} for an IPv6-only subnet
 * @param name           the subnet's {@code Name} tag, or {@code null}
 * @param ipv6CidrBlocks its associated IPv6 ranges (empty for an IPv4-only subnet)
 */
public record Subnet(String subnetId, String vpcId, String cidrBlock, String availabilityZone,
        String availabilityZoneId, String name, List<String> ipv6CidrBlocks) {

    public Subnet {
        ipv6CidrBlocks = ipv6CidrBlocks == null ? List.of() : List.copyOf(ipv6CidrBlocks);
    }

    /** An IPv4-only subnet. */
    public Subnet(String subnetId, String vpcId, String cidrBlock, String availabilityZone, String availabilityZoneId,
            String name) {
        this(subnetId, vpcId, cidrBlock, availabilityZone, availabilityZoneId, name, List.of());
    }

    public boolean hasIpv4() {
        return cidrBlock != null && !cidrBlock.isBlank();
    }

    public boolean hasIpv6() {
        return !ipv6CidrBlocks.isEmpty();
    }

    /**
     * Whether an endpoint network interface of this IP address type fits here, as AWS decides: IPv4 needs an IPv4
     * range, IPv6 an IPv6-only subnet, dual-stack both ranges.
     */
    public boolean fits(IpAddressType type) {
        return switch (type) {
            case IPV4 -> hasIpv4();
            case IPV6 -> hasIpv6() && !hasIpv4();
            case DUALSTACK -> hasIpv4() && hasIpv6();
        };
    }
}
