package dev.linkport.identity.service;

import dev.linkport.aws.LinkportPolicy;
import dev.linkport.aws.LinkportPolicy.Resource;
import dev.linkport.aws.LinkportPolicy.Rule;
import dev.linkport.aws.LinkportPolicy.Side;
import dev.linkport.aws.ResourceTags;
import dev.linkport.platform.AwsIds;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The IAM policy documents a team attaches to the role Linkport assumes in its account: a trust policy that lets
 * only Linkport's principal in, and only with the account's ExternalId, and two least-privilege permission policies
 * ({@link LinkportPolicy}): the provider policy for accounts that host endpoint services, the consumer policy for
 * accounts that hold endpoints (both, for accounts that do both). Creates are allowed only with Linkport's request
 * tags naming the account's team, changes only on resources that carry the team's tag.
 */
public final class AccountPolicies {

    /** Actions Linkport calls as a provider (endpoint services, their permissions and connections). */
    public static final List<String> PROVIDER_ACTIONS = List.copyOf(LinkportPolicy.actions(Side.PROVIDER));

    /** Actions Linkport calls as a consumer (interface endpoints and what they go into). */
    public static final List<String> CONSUMER_ACTIONS = List.copyOf(LinkportPolicy.actions(Side.CONSUMER));

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private AccountPolicies() {
    }

    /** The role's trust policy: Linkport's principal may assume it with this ExternalId only. */
    public static String trustPolicy(String linkportPrincipalArn, String externalId) {
        return """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Sid": "LinkportAssumesThisRole",
                      "Effect": "Allow",
                      "Principal": { "AWS": "%s" },
                      "Action": "sts:AssumeRole",
                      "Condition": { "StringEquals": { "sts:ExternalId": "%s" } }
                    }
                  ]
                }
                """.formatted(json(linkportPrincipalArn), json(externalId));
    }

    /** The provider policy of an account of {@code team} with these regions (their partition names the ARNs). */
    public static String providerPolicy(String accountId, String team, Collection<String> regions) {
        return permissionPolicy(Side.PROVIDER, accountId, team, regions);
    }

    /** The consumer policy of an account of {@code team} with these regions (their partition names the ARNs). */
    public static String consumerPolicy(String accountId, String team, Collection<String> regions) {
        return permissionPolicy(Side.CONSUMER, accountId, team, regions);
    }

    /**
     * One side's permission policy: reads on {@code "*"}, creates only with the team's request tags, changes only on
     * resources tagged with the team, for the account's own resources.
     */
    public static String permissionPolicy(Side side, String accountId, String team, Collection<String> regions) {
        String partition = partition(regions);
        List<Map<String, Object>> statements = LinkportPolicy.rules(side).stream()
                .map(rule -> statement(rule, partition, accountId, team)).toList();
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("Version", "2012-10-17");
        policy.put("Statement", statements);
        return JSON.writeValueAsString(policy) + "\n";
    }

    private static Map<String, Object> statement(Rule rule, String partition, String accountId, String team) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Sid", rule.sid());
        statement.put("Effect", "Allow");
        statement.put("Action", rule.actions().size() == 1 ? rule.actions().getFirst() : rule.actions());
        List<String> resources = rule.resources().stream().map(r -> arn(r, partition, accountId)).toList();
        statement.put("Resource", resources.size() == 1 ? resources.getFirst() : resources);
        switch (rule.condition()) {
            case REQUEST_TAGS -> statement.put("Condition", Map.of(
                    "StringEquals", Map.of("aws:RequestTag/" + ResourceTags.TEAM, team),
                    "Null", Map.of("aws:RequestTag/" + rule.idTag(), "false")));
            case RESOURCE_TAGS -> statement.put("Condition", Map.of(
                    "StringEquals", Map.of("aws:ResourceTag/" + ResourceTags.TEAM, team)));
            case TAG_ON_CREATE -> statement.put("Condition", Map.of(
                    "StringEquals", Map.of("ec2:CreateAction", rule.createAction())));
            case NONE -> {
            }
        }
        return statement;
    }

    private static String arn(Resource resource, String partition, String accountId) {
        if (resource.any()) {
            return "*";
        }
        return "arn:" + partition + ":ec2:*:" + (resource.ownAccount() ? accountId : "*") + ":" + resource.type()
                + "/*";
    }

    /** The ARN partition of the account's regions (all in one partition): that of the first. */
    static String partition(Collection<String> regions) {
        return AwsIds.partitionOf(regions.isEmpty() ? null : regions.iterator().next());
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
