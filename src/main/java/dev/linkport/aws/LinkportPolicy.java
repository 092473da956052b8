package dev.linkport.aws;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The least-privilege permissions Linkport needs in a team's account, split by side: as a {@link Side#PROVIDER}
 * (endpoint services, their permissions and connections) and as a {@link Side#CONSUMER} (interface endpoints).
 * Reads are allowed on {@code "*"} (EC2's describes have no resource-level permissions); creates only with
 * Linkport's request tags ({@link ResourceTags}), {@code ec2:CreateTags} only as part of those creates, and changes
 * only on resources that carry the team's {@code linkport:team} tag; {@code vpce:AllowMultiRegion} for
 * cross-region PrivateLink; {@code cloudwatch:GetMetricData} for usage.
 *
 * <p>One description for two readers: identity renders it as the IAM JSON a team attaches to the role, and the
 * AWS sandbox enforces it when a policy is attached to a sandbox account's role.
 */
public final class LinkportPolicy {

    /** Which of Linkport's two policies. */
    public enum Side {
        /** For accounts that host endpoint services. */
        PROVIDER,
        /** For accounts that hold interface endpoints to services. */
        CONSUMER
    }

    /** Under which condition a rule allows its actions. */
    public enum Condition {
        /** Always (reads, and the other resources a create touches). */
        NONE,
        /** Only when the request tags the new resource with the team's {@code linkport:team} and the id tag. */
        REQUEST_TAGS,
        /** Only on resources tagged with the team's {@code linkport:team}. */
        RESOURCE_TAGS,
        /** {@code ec2:CreateTags} only as part of the create action ({@code ec2:CreateAction}), never on its own. */
        TAG_ON_CREATE
    }

    /**
     * A resource a rule applies to.
     *
     * @param type       EC2's resource type in an ARN ({@code vpc-endpoint}), or {@code *} for every resource
     * @param ownAccount whether only the account's own resources ({@code false}: any account's, such as a
     *                   provider's service a consumer connects to)
     */
    public record Resource(String type, boolean ownAccount) {

        /** Every resource: what describes need. */
        public static final Resource ANY = new Resource("*", false);

        public boolean any() {
            return "*".equals(type);
        }
    }

    /**
     * One statement of a policy.
     *
     * @param sid          the statement's id, saying what it is for
     * @param createAction for {@link Condition#TAG_ON_CREATE}: the create action tags may come with, else null
     * @param idTag        for {@link Condition#REQUEST_TAGS}: the id tag the create must carry, else null
     */
    public record Rule(String sid, Condition condition, List<String> actions, List<Resource> resources,
            String createAction, String idTag) {

        public Rule {
            actions = List.copyOf(actions);
            resources = List.copyOf(resources);
        }
    }

    public static final String ENDPOINT_SERVICE = "vpc-endpoint-service";
    public static final String ENDPOINT = "vpc-endpoint";
    /** The permission-only action AWS checks in addition when a service or endpoint spans regions. */
    public static final String ALLOW_MULTI_REGION = "vpce:AllowMultiRegion";
    /** The read of PrivateLink's usage metrics (CloudWatch has no resource-level permissions for it). */
    public static final String GET_METRIC_DATA = "cloudwatch:GetMetricData";

    private static final Resource OWN_SERVICES = new Resource(ENDPOINT_SERVICE, true);
    private static final Resource OWN_ENDPOINTS = new Resource(ENDPOINT, true);

    private static final List<Rule> PROVIDER = List.of(
            new Rule("LinkportProviderReads", Condition.NONE, List.of(
                    "ec2:DescribeAvailabilityZones",
                    "ec2:DescribeVpcEndpointServiceConfigurations",
                    // the zones of its service as seen from a consumer's region, for cross-region requests
                    "ec2:DescribeVpcEndpointServices",
                    "ec2:DescribeVpcEndpointServicePermissions",
                    "ec2:DescribeVpcEndpointConnections",
                    "elasticloadbalancing:DescribeLoadBalancers",
                    "elasticloadbalancing:DescribeTargetGroups",
                    "elasticloadbalancing:DescribeTargetHealth"), List.of(Resource.ANY), null, null),
            new Rule("LinkportCreatesOnlyTaggedServices", Condition.REQUEST_TAGS,
                    List.of("ec2:CreateVpcEndpointServiceConfiguration"), List.of(OWN_SERVICES), null,
                    ResourceTags.SERVICE_ID),
            new Rule("LinkportTagsServicesOnlyWhileCreatingThem", Condition.TAG_ON_CREATE,
                    List.of("ec2:CreateTags"), List.of(OWN_SERVICES), "CreateVpcEndpointServiceConfiguration", null),
            new Rule("LinkportChangesOnlyItsTeamsServices", Condition.RESOURCE_TAGS, List.of(
                    "ec2:ModifyVpcEndpointServiceConfiguration",
                    "ec2:DeleteVpcEndpointServiceConfigurations",
                    "ec2:ModifyVpcEndpointServicePermissions",
                    "ec2:AcceptVpcEndpointConnections",
                    "ec2:RejectVpcEndpointConnections",
                    "ec2:StartVpcEndpointServicePrivateDnsVerification"), List.of(OWN_SERVICES), null, null),
            new Rule("LinkportDecidesOnConsumersEndpoints", Condition.NONE, List.of(
                    "ec2:AcceptVpcEndpointConnections",
                    "ec2:RejectVpcEndpointConnections"), List.of(new Resource(ENDPOINT, false)), null, null),
            new Rule("LinkportOffersServicesAcrossRegions", Condition.NONE, List.of(ALLOW_MULTI_REGION),
                    List.of(OWN_SERVICES), null, null),
            new Rule("LinkportReadsServiceUsage", Condition.NONE, List.of(GET_METRIC_DATA), List.of(Resource.ANY),
                    null, null));

    private static final List<Rule> CONSUMER = List.of(
            new Rule("LinkportConsumerReads", Condition.NONE, List.of(
                    "ec2:DescribeAvailabilityZones",
                    "ec2:DescribeVpcs",
                    "ec2:DescribeSubnets",
                    "ec2:DescribeSecurityGroups",
                    "ec2:DescribeVpcEndpointServices",
                    "ec2:DescribeVpcEndpoints"), List.of(Resource.ANY), null, null),
            new Rule("LinkportCreatesOnlyTaggedEndpoints", Condition.REQUEST_TAGS,
                    List.of("ec2:CreateVpcEndpoint"), List.of(OWN_ENDPOINTS), null, ResourceTags.REQUEST_ID),
            new Rule("LinkportCreatesEndpointsInTheAccountsNetworks", Condition.NONE,
                    List.of("ec2:CreateVpcEndpoint"), List.of(new Resource("vpc", true), new Resource("subnet", true),
                            new Resource("security-group", true), new Resource(ENDPOINT_SERVICE, false)), null, null),
            new Rule("LinkportTagsEndpointsOnlyWhileCreatingThem", Condition.TAG_ON_CREATE,
                    List.of("ec2:CreateTags"), List.of(OWN_ENDPOINTS), "CreateVpcEndpoint", null),
            new Rule("LinkportDeletesOnlyItsTeamsEndpoints", Condition.RESOURCE_TAGS,
                    List.of("ec2:DeleteVpcEndpoints"), List.of(OWN_ENDPOINTS), null, null),
            new Rule("LinkportChangesOnlyItsTeamsEndpoints", Condition.RESOURCE_TAGS,
                    List.of("ec2:ModifyVpcEndpoint"), List.of(OWN_ENDPOINTS), null, null),
            new Rule("LinkportChangesEndpointsInTheAccountsNetworks", Condition.NONE,
                    List.of("ec2:ModifyVpcEndpoint"), List.of(new Resource("subnet", true),
                            new Resource("security-group", true)), null, null),
            new Rule("LinkportConnectsAcrossRegions", Condition.NONE, List.of(ALLOW_MULTI_REGION),
                    List.of(OWN_ENDPOINTS), null, null),
            new Rule("LinkportReadsEndpointUsage", Condition.NONE, List.of(GET_METRIC_DATA), List.of(Resource.ANY),
                    null, null));

    private LinkportPolicy() {
    }

    /** The statements of one side's policy, in the order they are shown. */
    public static List<Rule> rules(Side side) {
        return side == Side.PROVIDER ? PROVIDER : CONSUMER;
    }

    /** Every action one side's policy allows under some condition, in order. */
    public static Set<String> actions(Side side) {
        Set<String> actions = new LinkedHashSet<>();
        rules(side).forEach(rule -> actions.addAll(rule.actions()));
        return actions;
    }
}
