package dev.linkport.aws;

/** An IP address type an endpoint service supports. */
public enum IpAddressType {
    IPV4("ipv4"),
    IPV6("ipv6");

    private final String awsValue;

    IpAddressType(String awsValue) {
        this.awsValue = awsValue;
    }

    /** The value AWS uses on the wire. */
    public String awsValue() {
        return awsValue;
    }

    /** Parses AWS's value ({@code ipv4}, {@code ipv6}), ignoring case. */
    public static IpAddressType fromAws(String value) {
        for (IpAddressType type : values()) {
            if (type.awsValue.equalsIgnoreCase(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown IP address type: " + value);
    }
}
