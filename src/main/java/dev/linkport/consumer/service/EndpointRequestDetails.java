package dev.linkport.consumer.service;

import dev.linkport.aws.DnsNameType;
import dev.linkport.aws.DnsRecordIpType;
import dev.linkport.aws.IpAddressType;
import dev.linkport.consumer.EndpointState;
import dev.linkport.platform.CostEstimate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An endpoint request as the consumer, the provider and approvers see it.
 *
 * @param dnsRegional the regional DNS name, once available
 * @param dnsZonal    one DNS name per zone, once available
 * @param canDelete   the caller may delete (or cancel) it
 * @param canRetry    the caller may retry it (admins, when it failed)
 * @param principalRoleArn  the role the consumer named for a service that allows roles, or {@code null}
 * @param allowedPrincipal  the principal the service allows for this request in AWS, once provisioning began
 * @param awsTags     the tags AWS holds on the endpoint, as Linkport last read them (empty before)
 * @param dnsNames    every DNS name AWS lists for the endpoint, in AWS's order, each with its kind
 * @param ipAddressType   the addresses the endpoint's network interfaces get
 * @param dnsRecordIpType the DNS records asked for, or {@code null} for AWS's default for the IP address type
 * @param expectedGbPerMonth the traffic the requester expects, GB per month, or {@code null}
 * @param estimate    the monthly cost estimate at the consumer region's prices (with inter-region transfer for a
 *                    service in another region), or {@code null} where unknown
 */
public record EndpointRequestDetails(UUID id, UUID serviceId, String serviceName, String awsServiceName,
                                     String ownerTeam, String accountId, String consumerTeam, String region,
                                     String vpcId, List<String> subnetIds, List<String> securityGroupIds,
                                     boolean privateDnsEnabled, String justification, String requester,
                                     EndpointState state, String vpcEndpointId, String dnsRegional,
                                     List<String> dnsZonal, String failureReason, String decidedBy,
                                     String decisionReason, Instant createdAt, Instant updatedAt,
                                     List<TimelineEntry> timeline, boolean canDelete, boolean canRetry, long version,
                                     String principalRoleArn, String allowedPrincipal,
                                     Map<String, String> awsTags, List<DnsName> dnsNames,
                                     IpAddressType ipAddressType, DnsRecordIpType dnsRecordIpType,
                                     Integer expectedGbPerMonth, CostEstimate estimate) {

    public EndpointRequestDetails {
        dnsNames = dnsNames == null ? List.of() : List.copyOf(dnsNames);
        ipAddressType = ipAddressType == null ? IpAddressType.IPV4 : ipAddressType;
    }

    /** Details of an IPv4 endpoint whose names are known only as regional and zonal. */
    public EndpointRequestDetails(UUID id, UUID serviceId, String serviceName, String awsServiceName,
                                  String ownerTeam, String accountId, String consumerTeam, String region,
                                  String vpcId, List<String> subnetIds, List<String> securityGroupIds,
                                  boolean privateDnsEnabled, String justification, String requester,
                                  EndpointState state, String vpcEndpointId, String dnsRegional,
                                  List<String> dnsZonal, String failureReason, String decidedBy,
                                  String decisionReason, Instant createdAt, Instant updatedAt,
                                  List<TimelineEntry> timeline, boolean canDelete, boolean canRetry, long version,
                                  String principalRoleArn, String allowedPrincipal,
                                  Map<String, String> awsTags) {
        this(id, serviceId, serviceName, awsServiceName, ownerTeam, accountId, consumerTeam, region, vpcId, subnetIds,
                securityGroupIds, privateDnsEnabled, justification, requester, state, vpcEndpointId, dnsRegional,
                dnsZonal, failureReason, decidedBy, decisionReason, createdAt, updatedAt, timeline, canDelete,
                canRetry, version, principalRoleArn, allowedPrincipal, awsTags, null, null, null, null, null);
    }

    /**
     * A DNS name of the endpoint and its kind, as AWS's name shows it.
     *
     * @param zone the zone name a {@link DnsNameType#ZONAL} name resolves in, {@code null} for other kinds
     */
    public record DnsName(String name, DnsNameType type, String zone, String hostedZoneId) {
    }

    /** The service's private DNS name, when AWS lists it (private DNS on and the endpoint available). */
    public String dnsPrivate() {
        return dnsNames.stream().filter(n -> n.type() == DnsNameType.PRIVATE).map(DnsName::name).findFirst()
                .orElse(null);
    }

    /** One step of the request's life; {@code from} is {@code null} for the submission. */
    public record TimelineEntry(Instant at, EndpointState from, EndpointState to, String actor, String reason) {
    }
}
