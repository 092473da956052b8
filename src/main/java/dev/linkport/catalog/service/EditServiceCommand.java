package dev.linkport.catalog.service;

import dev.linkport.aws.IpAddressType;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.ChangeApproval;
import dev.linkport.catalog.PrincipalMode;
import dev.linkport.catalog.Visibility;
import dev.linkport.platform.AwsIds;
import dev.linkport.platform.FreeText;
import dev.linkport.platform.OneLine;
import dev.linkport.platform.PortList;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;

/**
 * An edit of a published service, with the same rules as publishing ({@link PublishServiceCommand}). {@code null} keeps a field as it is; a blank text clears it.
 *
 * @param version the version the editor started from; a different stored version refuses the edit
 * @param principalMode what approving a request lets connect in AWS from now on ({@code null}: as it is)
 * @param supportedIpAddressTypes IPv4, IPv6 or both ({@code null}: as they are); applied in AWS in the background,
 *                      where IPv6 needs dual-stack load balancers
 * @param changeApproval whether changes to the service's endpoints wait for approval ({@code null}: as it is)
 */
public record EditServiceCommand(
        @NotNull UUID serviceId, Long version,
        @Size(max = 20000, message = "At most 20000 characters") @FreeText String description,
        @Size(max = PublishServiceCommand.MAX_TAGS, message = PublishServiceCommand.MAX_TAGS_MESSAGE)
        Set<@NotNull(message = PublishServiceCommand.TAG_MESSAGE)
            @Pattern(regexp = PublishServiceCommand.TAG, message = PublishServiceCommand.TAG_MESSAGE) String> tags,
        @Size(max = 500, message = "At most 500 characters") @OneLine
        @Pattern(regexp = PublishServiceCommand.URL, message = PublishServiceCommand.URL_MESSAGE)
        String documentationUrl,
        @Size(max = 200, message = "At most 200 characters") @OneLine String supportContact,
        @Size(max = 200, message = "At most 200 characters") @OneLine @PortList String ports,
        ApprovalPolicy approvalPolicy, Visibility visibility,
        @Size(max = PublishServiceCommand.MAX_VISIBLE_TEAMS, message = PublishServiceCommand.MAX_VISIBLE_TEAMS_MESSAGE)
        Set<@NotNull(message = PublishServiceCommand.TEAM_NAME_MESSAGE)
            @Size(max = 40, message = PublishServiceCommand.TEAM_NAME_MESSAGE) @OneLine String> visibleTeams,
        Boolean acceptanceRequired,
        @Size(max = AwsIds.MAX_REGIONS, message = AwsIds.MAX_REGIONS_MESSAGE)
        Set<@NotNull(message = AwsIds.REGION_MESSAGE)
            @Pattern(regexp = AwsIds.REGION, message = AwsIds.REGION_MESSAGE) String> supportedRegions,
        PrincipalMode principalMode,
        @Size(max = 2, message = PublishServiceCommand.IP_TYPES_MESSAGE)
        Set<@NotNull(message = PublishServiceCommand.IP_TYPES_MESSAGE) IpAddressType> supportedIpAddressTypes,
        ChangeApproval changeApproval) {

    /** An edit that keeps whether endpoint changes need approval as it is. */
    public EditServiceCommand(UUID serviceId, Long version, String description, Set<String> tags,
                              String documentationUrl, String supportContact, String ports,
                              ApprovalPolicy approvalPolicy, Visibility visibility, Set<String> visibleTeams,
                              Boolean acceptanceRequired, Set<String> supportedRegions, PrincipalMode principalMode,
                              Set<IpAddressType> supportedIpAddressTypes) {
        this(serviceId, version, description, tags, documentationUrl, supportContact, ports, approvalPolicy, visibility,
                visibleTeams, acceptanceRequired, supportedRegions, principalMode, supportedIpAddressTypes, null);
    }

    /** An edit that keeps the supported IP address types as they are. */
    public EditServiceCommand(UUID serviceId, Long version, String description, Set<String> tags,
                              String documentationUrl, String supportContact, String ports,
                              ApprovalPolicy approvalPolicy, Visibility visibility, Set<String> visibleTeams,
                              Boolean acceptanceRequired, Set<String> supportedRegions, PrincipalMode principalMode,
                              ChangeApproval changeApproval) {
        this(serviceId, version, description, tags, documentationUrl, supportContact, ports, approvalPolicy, visibility,
                visibleTeams, acceptanceRequired, supportedRegions, principalMode, null, changeApproval);
    }

    /** An edit that keeps the supported IP address types and whether endpoint changes need approval as they are. */
    public EditServiceCommand(UUID serviceId, Long version, String description, Set<String> tags,
                              String documentationUrl, String supportContact, String ports,
                              ApprovalPolicy approvalPolicy, Visibility visibility, Set<String> visibleTeams,
                              Boolean acceptanceRequired, Set<String> supportedRegions, PrincipalMode principalMode) {
        this(serviceId, version, description, tags, documentationUrl, supportContact, ports, approvalPolicy, visibility,
                visibleTeams, acceptanceRequired, supportedRegions, principalMode, null, null);
    }

    /** An edit that keeps what approval allows as it is. */
    public EditServiceCommand(UUID serviceId, Long version, String description, Set<String> tags,
                              String documentationUrl, String supportContact, String ports,
                              ApprovalPolicy approvalPolicy, Visibility visibility, Set<String> visibleTeams,
                              Boolean acceptanceRequired, Set<String> supportedRegions) {
        this(serviceId, version, description, tags, documentationUrl, supportContact, ports, approvalPolicy, visibility,
                visibleTeams, acceptanceRequired, supportedRegions, (PrincipalMode) null);
    }
}
