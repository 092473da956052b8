package dev.linkport.catalog.service;

import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.Visibility;
import dev.linkport.platform.AwsIds;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;

/**
 * What a provider fills in to publish a service. The same rules apply in the view
 * and the REST API.
 */
public record PublishServiceCommand(
        @NotBlank(message = "Enter the service's name")
        @Size(max = 80, message = "At most 80 characters") String name,
        @NotBlank(message = "Say in one line what the service does")
        @Size(max = 200, message = "At most 200 characters") String summary,
        @Size(max = 20000, message = "At most 20000 characters") String description,
        Set<@Pattern(regexp = TAG, message = TAG_MESSAGE) String> tags,
        @Size(max = 500, message = "At most 500 characters")
        @Pattern(regexp = "^(https?://\\S+)?$", message = "A link starting with https:// or http://") String documentationUrl,
        @Size(max = 200, message = "At most 200 characters") String supportContact,
        @Size(max = 200, message = "At most 200 characters")
        @Pattern(regexp = "^([0-9]{1,5}(\\s*,\\s*[0-9]{1,5})*)?$", message = "Port numbers separated by commas, e.g. 443, 8443")
        String ports,
        @NotBlank(message = "Choose the provider account")
        @Pattern(regexp = AwsIds.ACCOUNT_ID, message = AwsIds.ACCOUNT_ID_MESSAGE) String accountId,
        @NotBlank(message = "Choose the region")
        @Pattern(regexp = AwsIds.REGION, message = AwsIds.REGION_MESSAGE) String region,
        @NotEmpty(message = "Choose at least one network load balancer")
        List<@Pattern(regexp = NLB_ARN, message = NLB_ARN_MESSAGE) String> loadBalancerArns,
        boolean acceptanceRequired,
        @NotNull(message = "Choose who approves requests") ApprovalPolicy approvalPolicy,
        @Size(max = 253, message = "At most 253 characters")
        @Pattern(regexp = DNS_NAME, message = DNS_NAME_MESSAGE) String privateDnsName,
        Set<@Pattern(regexp = AwsIds.REGION, message = AwsIds.REGION_MESSAGE) String> supportedRegions,
        Visibility visibility,
        Set<String> visibleTeams) {

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
    }
}
