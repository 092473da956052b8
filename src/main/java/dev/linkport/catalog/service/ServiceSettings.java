package dev.linkport.catalog.service;

import dev.linkport.aws.IpAddressType;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.ChangeApproval;
import dev.linkport.catalog.ListingState;
import dev.linkport.catalog.PrincipalMode;
import dev.linkport.catalog.Visibility;
import java.util.Set;
import java.util.UUID;

/**
 * What the owners of a service may edit, as stored now.
 *
 * @param region   the provider's region (always reachable; supported regions are the others)
 * @param problem  why the last change failed in AWS, or {@code null}
 * @param version  to send back with an edit (optimistic locking)
 * @param mayForce the caller is an admin and may force a retirement
 * @param policyChoices the approval policies the caller may choose now: lowering needs a team owner, lowering
 *                 from {@code ADMIN} a platform admin ({@link ApprovalPolicyChanges})
 * @param principalMode what approving a request lets connect in AWS: the consumer's account or one of its roles
 * @param principalModeChoices the principal modes the caller may choose now: widening from a role to the account
 *                 needs a team owner or a platform admin ({@link ApprovalPolicyChanges})
 * @param supportedIpAddressTypes the IP address types consumers may connect over ({@code IPV4}, {@code IPV6})
 * @param changeApproval whether changes to the service's endpoints wait for the people who decide its requests
 * @param changeApprovalChoices the settings the caller may choose now: lowering needs a team owner, with the ADMIN
 *                 policy a platform admin ({@link ApprovalPolicyChanges})
 */
public record ServiceSettings(UUID id, String name, ListingState state, String region, String description, Set<String> tags,
                              String documentationUrl, String supportContact, String ports,
                              ApprovalPolicy approvalPolicy, Visibility visibility, Set<String> visibleTeams,
                              boolean acceptanceRequired, Set<String> supportedRegions, String problem, Long version,
                              boolean mayForce, Set<ApprovalPolicy> policyChoices, PrincipalMode principalMode,
                              Set<PrincipalMode> principalModeChoices, Set<IpAddressType> supportedIpAddressTypes,
                              ChangeApproval changeApproval, Set<ChangeApproval> changeApprovalChoices) {

    public ServiceSettings {
        supportedIpAddressTypes = supportedIpAddressTypes == null || supportedIpAddressTypes.isEmpty()
                ? Set.of(IpAddressType.IPV4) : Set.copyOf(supportedIpAddressTypes);
    }

    /** Settings of a service that accepts IPv4 only and whose endpoint changes need no approval. */
    public ServiceSettings(UUID id, String name, ListingState state, String region, String description,
                           Set<String> tags, String documentationUrl, String supportContact, String ports,
                           ApprovalPolicy approvalPolicy, Visibility visibility, Set<String> visibleTeams,
                           boolean acceptanceRequired, Set<String> supportedRegions, String problem, Long version,
                           boolean mayForce, Set<ApprovalPolicy> policyChoices, PrincipalMode principalMode,
                           Set<PrincipalMode> principalModeChoices) {
        this(id, name, state, region, description, tags, documentationUrl, supportContact, ports, approvalPolicy,
                visibility, visibleTeams, acceptanceRequired, supportedRegions, problem, version, mayForce,
                policyChoices, principalMode, principalModeChoices, null, ChangeApproval.NONE,
                Set.of(ChangeApproval.values()));
    }
}
