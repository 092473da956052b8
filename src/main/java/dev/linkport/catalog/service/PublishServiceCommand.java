package dev.linkport.catalog.service;

import dev.linkport.aws.IpAddressType;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.Visibility;
import dev.linkport.platform.AwsIds;
import dev.linkport.platform.FreeText;
import dev.linkport.platform.OneLine;
import dev.linkport.platform.PortList;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a provider fills in to publish a service. The same rules apply in the view
 * and the REST API.
 *
 * @param supportedIpAddressTypes what consumers may connect over: {@code IPV4}, {@code IPV6} or both (IPv6 needs
 *                                dual-stack load balancers); empty or {@code null} means IPv4
 */
public record PublishServiceCommand(
        @NotBlank(message = "Enter the service's name")
        @Size(max = 80, message = "At most 80 characters") @OneLine String name,
        @NotBlank(message = "Say in one line what the service does")
        @Size(max = 200, message = "At most 200 characters") @OneLine String summary,
        @Size(max = 20000, message = "At most 20000 characters") @FreeText String description,
        @Size(max = MAX_TAGS, message = MAX_TAGS_MESSAGE)
        Set<@NotNull(message = TAG_MESSAGE) @Pattern(regexp = TAG, message = TAG_MESSAGE) String> tags,
        @Size(max = 500, message = "At most 500 characters") @OneLine
        @Pattern(regexp = URL, message = URL_MESSAGE) String documentationUrl,
        @Size(max = 200, message = "At most 200 characters") @OneLine String supportContact,
        @Size(max = 200, message = "At most 200 characters") @OneLine @PortList String ports,
        @NotBlank(message = "Choose the provider account")
        @Pattern(regexp = AwsIds.ACCOUNT_ID, message = AwsIds.ACCOUNT_ID_MESSAGE) String accountId,
        @NotBlank(message = "Choose the region")
        @Pattern(regexp = AwsIds.REGION, message = AwsIds.REGION_MESSAGE) String region,
        @NotEmpty(message = "Choose at least one network load balancer")
        @Size(max = MAX_LOAD_BALANCERS, message = MAX_LOAD_BALANCERS_MESSAGE)
        List<@NotNull(message = NLB_ARN_MESSAGE) @Pattern(regexp = NLB_ARN, message = NLB_ARN_MESSAGE) String> loadBalancerArns,
        boolean acceptanceRequired,
        @NotNull(message = "Choose who approves requests") ApprovalPolicy approvalPolicy,
        @Size(max = 253, message = "At most 253 characters")
        @Pattern(regexp = DNS_NAME, message = DNS_NAME_MESSAGE) String privateDnsName,
        @Size(max = AwsIds.MAX_REGIONS, message = AwsIds.MAX_REGIONS_MESSAGE)
        Set<@NotNull(message = AwsIds.REGION_MESSAGE) @Pattern(regexp = AwsIds.REGION, message = AwsIds.REGION_MESSAGE) String> supportedRegions,
        Visibility visibility,
        @Size(max = MAX_VISIBLE_TEAMS, message = MAX_VISIBLE_TEAMS_MESSAGE)
        Set<@NotNull(message = TEAM_NAME_MESSAGE) @Size(max = 40, message = TEAM_NAME_MESSAGE) @OneLine String> visibleTeams,
        Set<@NotNull(message = IP_TYPES_MESSAGE) IpAddressType> supportedIpAddressTypes) {

    public static final String IP_TYPES_MESSAGE = "Choose IPV4, IPV6 or both";

    /** A command for a service that accepts IPv4 only. */
    public PublishServiceCommand(String name, String summary, String description, Set<String> tags,
            String documentationUrl, String supportContact, String ports, String accountId, String region,
            List<String> loadBalancerArns, boolean acceptanceRequired, ApprovalPolicy approvalPolicy,
            String privateDnsName, Set<String> supportedRegions, Visibility visibility, Set<String> visibleTeams) {
        this(name, summary, description, tags, documentationUrl, supportContact, ports, accountId, region,
                loadBalancerArns, acceptanceRequired, approvalPolicy, privateDnsName, supportedRegions, visibility,
                visibleTeams, null);
    }

    /** The most tags a service carries. */
    public static final int MAX_TAGS = 20;
    public static final String MAX_TAGS_MESSAGE = "At most " + MAX_TAGS + " tags";
    /** The most network load balancers one endpoint service takes in Linkport. */
    public static final int MAX_LOAD_BALANCERS = 10;
    public static final String MAX_LOAD_BALANCERS_MESSAGE = "At most " + MAX_LOAD_BALANCERS + " load balancers";
    /** The most teams a service can be shown to one by one (beyond that, show it to all teams). */
    public static final int MAX_VISIBLE_TEAMS = 200;
    public static final String MAX_VISIBLE_TEAMS_MESSAGE = "At most " + MAX_VISIBLE_TEAMS
            + " teams; show the service to all teams instead";
    public static final String TEAM_NAME_MESSAGE = "A team's name, at most 40 characters";
    public static final String URL = "^(https?://\\S+)?$";
    public static final String URL_MESSAGE = "A link starting with https:// or http://";
    public static final String TAG = "^[a-z0-9][a-z0-9-]{0,39}$";
    public static final String TAG_MESSAGE = "Tags are lower-case words with digits and '-', at most 40 characters";
    public static final String NLB_ARN =
            "^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:[0-9]{12}:loadbalancer/net/[A-Za-z0-9-]{1,32}/[0-9a-f]{16}$";
    public static final String NLB_ARN_MESSAGE = "Not a network load balancer ARN "
            + "(arn:aws:elasticloadbalancing:<region>:<account>:loadbalancer/net/<name>/<id>)";
    public static final String DNS_NAME = "^$|^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$";
    public static final String DNS_NAME_MESSAGE = "A lower-case DNS name such as api.payments.example.com";

    public PublishServiceCommand {
        tags = tags == null ? Set.of() : tags;
        loadBalancerArns = loadBalancerArns == null ? List.of() : loadBalancerArns;
        supportedRegions = supportedRegions == null ? Set.of() : supportedRegions;
        visibility = visibility == null ? Visibility.ALL_TEAMS : visibility;
        visibleTeams = visibleTeams == null ? Set.of() : visibleTeams;
        supportedIpAddressTypes = supportedIpAddressTypes == null || supportedIpAddressTypes.isEmpty()
                ? Set.of(IpAddressType.IPV4) : Collections.unmodifiableSet(new HashSet<>(supportedIpAddressTypes));
    }
}
