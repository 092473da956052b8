package dev.linkport.aws;

/**
 * Which DNS records AWS creates for an interface endpoint's names (DnsOptions' DnsRecordIpType): A records,
 * AAAA records, both, or A for every name and AAAA for the regional and zonal names only ({@link #SERVICE_DEFINED}).
 */
public enum DnsRecordIpType {
    IPV4("ipv4"),
    IPV6("ipv6"),
    DUALSTACK("dualstack"),
    SERVICE_DEFINED("service-defined");

    private final String awsValue;

    DnsRecordIpType(String awsValue) {
        this.awsValue = awsValue;
    }

    /** The value AWS uses on the wire. */
    public String awsValue() {
        return awsValue;
    }

    /**
     * Whether AWS allows this record type for an endpoint of the given IP address type: {@code ipv4} needs an
     * IPv4 or dual-stack endpoint, {@code ipv6} an IPv6 or dual-stack one, {@code dualstack} and
     * {@code service-defined} a dual-stack one.
     */
    public boolean fits(IpAddressType endpointType) {
        return switch (this) {
            case IPV4 -> endpointType == IpAddressType.IPV4 || endpointType == IpAddressType.DUALSTACK;
            case IPV6 -> endpointType == IpAddressType.IPV6 || endpointType == IpAddressType.DUALSTACK;
            case DUALSTACK, SERVICE_DEFINED -> endpointType == IpAddressType.DUALSTACK;
        };
    }

    /** AWS's default for an endpoint of this IP address type when no DnsOptions are sent. */
    public static DnsRecordIpType defaultFor(IpAddressType endpointType) {
        return switch (endpointType) {
            case IPV4 -> IPV4;
            case IPV6 -> IPV6;
            case DUALSTACK -> DUALSTACK;
        };
    }

    /** Parses AWS's value, ignoring case. */
    public static DnsRecordIpType fromAws(String value) {
        for (DnsRecordIpType type : values()) {
            if (type.awsValue.equalsIgnoreCase(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown DNS record IP type: " + value);
    }
}
