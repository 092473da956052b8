package dev.linkport.catalog.service;

import dev.linkport.aws.IpAddressType;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.ChangeApproval;
import dev.linkport.catalog.ListingState;
import dev.linkport.catalog.PrincipalMode;
import java.util.Set;
import java.util.UUID;

/**
 * A service listing as other modules need it (consumer requests, provider console, approvals,
 * notifications). Read it again rather than keep it: policy, state and AWS identity change.
 *
 * @param providerAccountId Linkport's id of the provider account (identity's)
 * @param awsServiceId      the endpoint service's id once published, e.g. {@code vpce-svc-…}
 * @param awsServiceName    its service name, {@code com.amazonaws.vpce.<region>.vpce-svc-…}
 * @param zoneIds           the AZ IDs the service covers
 * @param principalMode     what approving a request lets connect: the consumer's account or one of its roles
 * @param supportedIpAddressTypes the IP address types the service accepts ({@code IPV4}, {@code IPV6})
 * @param changeApproval    whether changes to its endpoints wait for the people who decide its requests
 */
public record ListingRef(UUID id, String name, UUID ownerTeamId, String ownerTeamName, ListingState state,
                         ApprovalPolicy approvalPolicy, UUID providerAccountId, String region,
                         Set<String> supportedRegions, String awsServiceId, String awsServiceName, Set<String> zoneIds,
                         boolean privateDnsVerified, PrincipalMode principalMode,
                         Set<IpAddressType> supportedIpAddressTypes, ChangeApproval changeApproval) {

    public ListingRef {
        supportedRegions = Set.copyOf(supportedRegions);
        zoneIds = Set.copyOf(zoneIds);
        principalMode = principalMode == null ? PrincipalMode.ACCOUNT : principalMode;
        supportedIpAddressTypes = supportedIpAddressTypes == null || supportedIpAddressTypes.isEmpty()
                ? Set.of(IpAddressType.IPV4) : Set.copyOf(supportedIpAddressTypes);
        changeApproval = changeApproval == null ? ChangeApproval.NONE : changeApproval;
    }

    /** A listing that accepts IPv4 only and whose endpoint changes need no approval. */
    public ListingRef(UUID id, String name, UUID ownerTeamId, String ownerTeamName, ListingState state,
                      ApprovalPolicy approvalPolicy, UUID providerAccountId, String region,
                      Set<String> supportedRegions, String awsServiceId, String awsServiceName, Set<String> zoneIds,
                      boolean privateDnsVerified, PrincipalMode principalMode) {
        this(id, name, ownerTeamId, ownerTeamName, state, approvalPolicy, providerAccountId, region, supportedRegions,
                awsServiceId, awsServiceName, zoneIds, privateDnsVerified, principalMode, null, ChangeApproval.NONE);
    }

    /** Whether a change of an endpoint to this service waits for a decision (its setting, and not the AUTO policy). */
    public boolean changesWaitForApproval() {
        return changeApproval.changesWait(approvalPolicy);
    }

    /** Whether consumers can reach the service from the region (its own, or a supported one). */
    public boolean reachableFrom(String consumerRegion) {
        return region.equals(consumerRegion) || supportedRegions.contains(consumerRegion);
    }
}
