package dev.linkport.aws;

/**
 * A DNS name of an interface endpoint and the Route 53 hosted zone that serves it, exactly as AWS's
 * DescribeVpcEndpoints returns it (DnsEntries: DnsName, HostedZoneId).
 */
public record DnsEntry(String dnsName, String hostedZoneId) {

    /** A DNS entry's kind and, for a zonal name, the zone name it carries ({@code null} otherwise). */
    public record Label(DnsNameType type, String zoneName) {
    }

    /**
     * The kind of this name, from its shape as AWS builds it: names AWS generates start with the endpoint's id
     * and a suffix ({@code vpce-0abc...-x1y2z3w4}); a zonal one continues with {@code -<zone name>} (e.g.
     * {@code -us-east-1a}) in its first label, the regional one does not; any other name is the service's private
     * DNS name (AWS lists it only while private DNS is on).
     *
     * @param endpointId the endpoint's id ({@code vpce-...}); {@code null} to recognise any endpoint's names
     */
    public Label classify(String endpointId) {
        String name = dnsName == null ? "" : dnsName.toLowerCase(java.util.Locale.ROOT);
        int dot = name.indexOf('.');
        String first = dot < 0 ? name : name.substring(0, dot);
        boolean generated = dot > 0 && name.substring(dot).contains(".vpce.amazonaws.com")
                && (endpointId == null ? first.matches("vpce-[0-9a-f]+-.+") : first.startsWith(endpointId + "-"));
        if (!generated) {
            return new Label(DnsNameType.PRIVATE, null);
        }
        String afterId = endpointId == null ? first.substring(first.indexOf('-', 5) + 1)
                : first.substring(endpointId.length() + 1);
        int dash = afterId.indexOf('-');
        return dash < 0 || dash == afterId.length() - 1 ? new Label(DnsNameType.REGIONAL, null)
                : new Label(DnsNameType.ZONAL, afterId.substring(dash + 1));
    }
}
