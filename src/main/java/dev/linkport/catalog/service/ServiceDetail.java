package dev.linkport.catalog.service;

import dev.linkport.aws.IpAddressType;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.ListingState;
import dev.linkport.catalog.PrincipalMode;
import dev.linkport.catalog.Visibility;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A service as its page shows it, to consumers and providers.
 *
 * @param providerAccountId the 12-digit AWS account the endpoint service lives in
 * @param canManage         the caller owns it (or is an admin): may retry, edit, retire
 * @param canRequest        the caller may request an endpoint to it
 * @param consumerCount     endpoints that are live or on their way
 * @param principalMode     what approving a request lets connect in AWS: the consumer's account, or one of its roles
 * @param awsTags           the tags AWS holds on the endpoint service, as Linkport last read them (empty before)
 * @param supportedIpAddressTypes the IP address types consumers may connect over ({@code IPV4}, {@code IPV6})
 * @param privateDnsWarning why the private DNS name, verified before, is no longer (reconciliation saw AWS report
 *                          it unverified), or {@code null}
 */
public record ServiceDetail(UUID id, String name, String summary, String description, Set<String> tags,
                            String documentationUrl, String supportContact, String ports, String ownerTeam,
                            UUID ownerTeamId, String providerAccountId, String region, Set<String> supportedRegions,
                            List<String> loadBalancerArns, boolean acceptanceRequired, ApprovalPolicy approvalPolicy,
                            Visibility visibility, String privateDnsName, String privateDnsState,
                            String privateDnsTxtName, String privateDnsTxtValue, ListingState state, String serviceId,
                            String serviceName, Set<String> availabilityZoneIds, String failureReason,
                            long consumerCount, boolean canManage, boolean canRequest, Instant createdAt,
                            Instant updatedAt, long version, PrincipalMode principalMode,
                            Map<String, String> awsTags, Set<IpAddressType> supportedIpAddressTypes,
                            String privateDnsWarning) {

    public ServiceDetail {
        supportedIpAddressTypes = supportedIpAddressTypes == null || supportedIpAddressTypes.isEmpty()
                ? Set.of(IpAddressType.IPV4) : Set.copyOf(supportedIpAddressTypes);
    }

    /** A service that accepts IPv4 only and whose private DNS name, if any, is as verified as it was. */
    public ServiceDetail(UUID id, String name, String summary, String description, Set<String> tags,
                         String documentationUrl, String supportContact, String ports, String ownerTeam,
                         UUID ownerTeamId, String providerAccountId, String region, Set<String> supportedRegions,
                         List<String> loadBalancerArns, boolean acceptanceRequired, ApprovalPolicy approvalPolicy,
                         Visibility visibility, String privateDnsName, String privateDnsState,
                         String privateDnsTxtName, String privateDnsTxtValue, ListingState state, String serviceId,
                         String serviceName, Set<String> availabilityZoneIds, String failureReason,
                         long consumerCount, boolean canManage, boolean canRequest, Instant createdAt,
                         Instant updatedAt, long version, PrincipalMode principalMode,
                         Map<String, String> awsTags) {
        this(id, name, summary, description, tags, documentationUrl, supportContact, ports, ownerTeam, ownerTeamId,
                providerAccountId, region, supportedRegions, loadBalancerArns, acceptanceRequired, approvalPolicy,
                visibility, privateDnsName, privateDnsState, privateDnsTxtName, privateDnsTxtValue, state, serviceId,
                serviceName, availabilityZoneIds, failureReason, consumerCount, canManage, canRequest, createdAt,
                updatedAt, version, principalMode, awsTags, null, null);
    }

    /** Whether consumers can create endpoints of this IP address type (dual-stack needs IPv4 and IPv6). */
    public boolean accepts(IpAddressType endpointType) {
        return supportedIpAddressTypes.containsAll(endpointType.serviceTypesNeeded());
    }
}
