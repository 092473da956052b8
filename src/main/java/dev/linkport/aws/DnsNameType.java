package dev.linkport.aws;

/**
 * What kind of name an interface endpoint's DNS entry is. AWS's DescribeVpcEndpoints returns only names and
 * hosted zone ids; {@link DnsEntry#classify(String)} tells the kinds apart from the names' shape.
 */
public enum DnsNameType {
    /** {@code vpce-<id>-<suffix>.vpce-svc-<id>.<region>.vpce.amazonaws.com}: resolves in every zone of the endpoint. */
    REGIONAL,
    /** {@code vpce-<id>-<suffix>-<zone name>.vpce-svc-...}: resolves to the endpoint's address in that zone only. */
    ZONAL,
    /** The service's own private DNS name, in a private hosted zone of the VPC (only with private DNS on). */
    PRIVATE
}
