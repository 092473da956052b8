package dev.linkport.aws;

/**
 * An IP address type: what an endpoint service supports ({@link #IPV4}, {@link #IPV6}; AWS's
 * SupportedIpAddressType) and what an interface endpoint's network interfaces get (any of the three; AWS's
 * IpAddressType on CreateVpcEndpoint).
 */
public enum IpAddressType {
    IPV4("ipv4"),
    IPV6("ipv6"),
    /** Endpoints only: IPv4 and IPv6 addresses on each network interface. */
    DUALSTACK("dualstack");

    private final String awsValue;

    IpAddressType(String awsValue) {
        this.awsValue = awsValue;
    }

    /** The value AWS uses on the wire. */
    public String awsValue() {
        return awsValue;
    }

    /** Whether an endpoint service can support this type (dual-stack is a property of endpoints only). */
    public boolean forServices() {
        return this != DUALSTACK;
    }

    /**
     * The service IP address types an endpoint of this type needs: AWS allows an IPv4 endpoint only to a service
     * that accepts IPv4, an IPv6 one only to a service that accepts IPv6, a dual-stack one only to a service that
     * accepts both.
     */
    public java.util.Set<IpAddressType> serviceTypesNeeded() {
        return switch (this) {
            case IPV4 -> java.util.Set.of(IPV4);
            case IPV6 -> java.util.Set.of(IPV6);
            case DUALSTACK -> java.util.Set.of(IPV4, IPV6);
        };
    }

    /** Parses AWS's value ({@code ipv4}, {@code ipv6}, {@code dualstack}), ignoring case. */
    public static IpAddressType fromAws(String value) {
        for (IpAddressType type : values()) {
            if (type.awsValue.equalsIgnoreCase(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown IP address type: " + value);
    }
}
