package dev.linkport.sandbox;

import dev.linkport.aws.LinkportPolicy;
import dev.linkport.aws.LinkportPolicy.Condition;
import dev.linkport.aws.LinkportPolicy.Rule;
import dev.linkport.aws.LinkportPolicy.Side;
import dev.linkport.aws.ResourceTags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Enforces Linkport's generated policies ({@link LinkportPolicy}) on an account's role when they are attached to
 * it: an action no attached policy allows is refused; a create without the team's request tags is refused; a change
 * of a resource that does not carry the team's {@code linkport:team} tag is refused; {@code ec2:CreateTags} is
 * allowed only as part of a create; {@code vpce:AllowMultiRegion} is checked in addition when a service or endpoint
 * spans regions. Refusals are EC2's {@code UnauthorizedOperation} (HTTP 403), as AWS answers.
 *
 * <p>A model of those policies' conditions, not an IAM engine: it knows which request parameter names the resource
 * of each action. Without attached policies the role allows everything but its denied actions, as before.
 */
final class PolicyGuard {

    private final SandboxWorld world;

    PolicyGuard(SandboxWorld world) {
        this.world = world;
    }

    /** Refuses the request if the caller's role may not make it; the caller holds the world's lock. */
    void authorize(QueryRequest r, String service) {
        CallerIdentity c = r.caller();
        WorldState.Account account = c.roleArn() == null ? null : world.state().accounts.get(c.accountId());
        if (account == null || "sts".equals(service)) {
            return;
        }
        String action = r.action();
        boolean tagsOnCreate = r.get("TagSpecification.1.ResourceType") != null;
        if (tagsOnCreate && denied(account, "ec2:CreateTags")) {
            throw refused(c, "ec2:CreateTags", null);
        }
        if (multiRegion(r, c) && (denied(account, LinkportPolicy.ALLOW_MULTI_REGION)
                || !account.policies.isEmpty() && rules(account, LinkportPolicy.ALLOW_MULTI_REGION).isEmpty())) {
            throw refused(c, LinkportPolicy.ALLOW_MULTI_REGION, null);
        }
        if (account.policies.isEmpty()) {
            return;
        }
        String iamAction = service + ":" + action;
        List<Rule> rules = rules(account, iamAction);
        if (rules.isEmpty()) {
            throw refused(c, iamAction, null);
        }
        for (Rule rule : rules) {
            switch (rule.condition()) {
                case REQUEST_TAGS -> {
                    String type = rule.resources().getFirst().type();
                    Map<String, String> tags = SandboxTags.requested(r, type);
                    if (!account.policyTeam.equals(tags.get(ResourceTags.TEAM)) || !tags.containsKey(rule.idTag())) {
                        throw refused(c, iamAction, "the request does not tag the new " + type + " with "
                                + ResourceTags.TEAM + "=" + account.policyTeam + " and " + rule.idTag());
                    }
                }
                case RESOURCE_TAGS -> {
                    for (Map<String, String> held : resourceTags(r, rule.resources().getFirst().type())) {
                        if (!account.policyTeam.equals(held.get(ResourceTags.TEAM))) {
                            throw refused(c, iamAction, "the resource is not tagged " + ResourceTags.TEAM + "="
                                    + account.policyTeam);
                        }
                    }
                }
                // called on its own, CreateTags has no ec2:CreateAction: the condition never holds
                case TAG_ON_CREATE -> throw refused(c, iamAction, "ec2:CreateAction is not "
                        + rule.createAction());
                case NONE -> {
                }
            }
        }
    }

    /** The rules of the attached policies that name the action. */
    private static List<Rule> rules(WorldState.Account account, String iamAction) {
        List<Rule> found = new ArrayList<>();
        for (String side : account.policies) {
            for (Rule rule : LinkportPolicy.rules(Side.valueOf(side))) {
                if (rule.actions().stream().anyMatch(iamAction::equalsIgnoreCase)) {
                    found.add(rule);
                }
            }
        }
        return found;
    }

    private static boolean denied(WorldState.Account account, String iamAction) {
        return account.deniedActions.stream().anyMatch(iamAction::equalsIgnoreCase);
    }

    /** Whether the request makes a service or an endpoint span regions. */
    private static boolean multiRegion(QueryRequest r, CallerIdentity c) {
        List<String> regions = new ArrayList<>(r.list("SupportedRegion"));
        regions.addAll(r.list("AddSupportedRegion"));
        String serviceRegion = r.get("ServiceRegion");
        return regions.stream().anyMatch(region -> !region.equals(c.region()))
                || "CreateVpcEndpoint".equals(r.action()) && serviceRegion != null && !serviceRegion.equals(c.region());
    }

    /**
     * The tags of the existing resources of {@code type} the request names (ServiceId, ServiceId.N,
     * VpcEndpointId, VpcEndpointId.N); unknown ids are left to the action, which answers that they do not exist.
     */
    private List<Map<String, String>> resourceTags(QueryRequest r, String type) {
        List<Map<String, String>> tags = new ArrayList<>();
        if (LinkportPolicy.ENDPOINT_SERVICE.equals(type)) {
            List<String> ids = new ArrayList<>(r.list("ServiceId"));
            if (r.get("ServiceId") != null) {
                ids.add(r.get("ServiceId"));
            }
            ids.stream().map(id -> world.state().services.get(id)).filter(s -> s != null
                    && SandboxWorld.owned(r.caller(), s.accountId, s.region)).forEach(s -> tags.add(s.tags));
        } else {
            List<String> ids = new ArrayList<>(r.list("VpcEndpointId"));
            if (r.get("VpcEndpointId") != null) {
                ids.add(r.get("VpcEndpointId")); // ModifyVpcEndpoint names one endpoint
            }
            ids.stream().map(id -> world.state().endpoints.get(id)).filter(e -> e != null
                    && SandboxWorld.owned(r.caller(), e.accountId, e.region)).forEach(e -> tags.add(e.tags));
        }
        return tags;
    }

    private static AwsException refused(CallerIdentity c, String iamAction, String because) {
        return new AwsException("UnauthorizedOperation", "You are not authorized to perform this operation. User: "
                + c.arn() + " is not authorized to perform: " + iamAction + " because "
                + (because == null ? "no identity-based policy allows the " + iamAction + " action"
                        : "Linkport's policy allows it only when " + iamAction + "'s condition holds: " + because),
                403);
    }
}
