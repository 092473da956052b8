package dev.linkport.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.linkport.api.ApiClient.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** Steps of the API journeys that several tests take, each through the REST API only. */
public final class ApiSteps {

    static final String PROVIDER_ACCOUNT = "111111111111";
    static final String CONSUMER_ACCOUNT = "222222222222";
    static final String REGION = "us-east-1";

    private ApiSteps() {
    }

    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * A new local user, created by the admin through the API, who signs in with {@link ApiJourneyIT#PASSWORD}: tests
     * that change memberships use such users, so the demo users' teams stay as every other test expects them.
     */
    static String newUser(int port, String prefix) {
        String username = uniqueName(prefix);
        ApiClient.Response created = ApiClient.basic(port, "admin", ApiJourneyIT.PASSWORD).post("/api/v1/users",
                Map.of("username", username, "displayName", prefix, "password", ApiJourneyIT.PASSWORD));
        if (created.status() != 201) {
            throw new IllegalStateException("could not create user " + username + ": " + created);
        }
        return username;
    }

    /** The ARN of a sandbox load balancer in the provider account, found through the API. */
    public static String loadBalancerArn(ApiClient provider, String name) {
        Response lbs = provider.get("/api/v1/accounts/" + PROVIDER_ACCOUNT + "/load-balancers?region=" + REGION);
        assertThat(lbs.status()).as(lbs.toString()).isEqualTo(200);
        for (JsonNode lb : items(lbs.json())) {
            if (lb.get("loadBalancerName").asString().equals(name)) {
                return lb.get("loadBalancerArn").asString();
            }
        }
        throw new AssertionError("No load balancer " + name + " in " + lbs);
    }

    /** The JSON body to publish a service on one load balancer. */
    public static Map<String, Object> publishBody(String name, String policy, String loadBalancerArn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("summary", "A service published through the API");
        body.put("description", "Used by the REST API tests");
        body.put("tags", List.of("api-test"));
        body.put("supportContact", "#payments");
        body.put("ports", "443");
        body.put("accountId", PROVIDER_ACCOUNT);
        body.put("region", REGION);
        body.put("loadBalancerArns", List.of(loadBalancerArn));
        body.put("acceptanceRequired", true);
        body.put("approvalPolicy", policy);
        return body;
    }

    /** Publishes and waits until the service is AVAILABLE; returns its final JSON. */
    static JsonNode publishAndAwait(ApiClient provider, String name, String policy, String nlbName) {
        Response created = provider.post("/api/v1/services", publishBody(name, policy, loadBalancerArn(provider, nlbName)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.location()).endsWith("/api/v1/services/" + created.text("id"));
        assertThat(created.text("state")).isEqualTo("PUBLISHING");
        JsonNode service = awaitJson(provider, "/api/v1/services/" + created.text("id"),
                s -> !s.get("state").asString().equals("PUBLISHING"));
        assertThat(service.get("state").asString()).as(service.toString()).isEqualTo("AVAILABLE");
        return service;
    }

    static String firstVpc(ApiClient consumer) {
        Response vpcs = consumer.get("/api/v1/accounts/" + CONSUMER_ACCOUNT + "/vpcs?region=" + REGION);
        assertThat(vpcs.status()).as(vpcs.toString()).isEqualTo(200);
        return items(vpcs.json()).getFirst().get("vpcId").asString();
    }

    static List<JsonNode> subnets(ApiClient consumer, String vpcId) {
        Response subnets = consumer.get("/api/v1/accounts/" + CONSUMER_ACCOUNT + "/subnets?region=" + REGION
                + "&vpcId=" + vpcId);
        assertThat(subnets.status()).as(subnets.toString()).isEqualTo(200);
        return items(subnets.json());
    }

    static String firstSecurityGroup(ApiClient consumer, String vpcId) {
        Response groups = consumer.get("/api/v1/accounts/" + CONSUMER_ACCOUNT + "/security-groups?region=" + REGION
                + "&vpcId=" + vpcId);
        assertThat(groups.status()).as(groups.toString()).isEqualTo(200);
        JsonNode group = items(groups.json()).getFirst();
        assertThat(group.get("groupName").asString()).isNotBlank();
        return group.get("groupId").asString();
    }

    static Set<String> zoneIds(JsonNode service) {
        Set<String> ids = new java.util.HashSet<>();
        for (JsonNode id : list(service.get("availabilityZoneIds"))) {
            ids.add(id.asString());
        }
        return ids;
    }

    static Map<String, Object> requestBody(String serviceId, String vpcId, List<String> subnetIds, String groupId) {
        return requestBody(serviceId, CONSUMER_ACCOUNT, vpcId, subnetIds, groupId);
    }

    /** The JSON body of a request for an endpoint without private DNS into a VPC of the account. */
    public static Map<String, Object> requestBody(String serviceId, String accountId, String vpcId,
                                                  List<String> subnetIds, String groupId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serviceId", serviceId);
        body.put("accountId", accountId);
        body.put("region", REGION);
        body.put("vpcId", vpcId);
        body.put("subnetIds", subnetIds);
        body.put("securityGroupIds", List.of(groupId));
        body.put("privateDnsEnabled", false);
        body.put("justification", "Checkout needs to charge cards");
        return body;
    }

    /** Polls a resource until it satisfies the condition or reaches FAILED. */
    static JsonNode awaitJson(ApiClient client, String path, Predicate<JsonNode> done) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            Response r = client.get(path);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            last[0] = r.json();
            return done.test(r.json()) || "FAILED".equals(r.text("state"));
        });
        return last[0];
    }

    static JsonNode awaitState(ApiClient client, String path, String state) {
        JsonNode json = awaitJson(client, path, j -> state.equals(j.get("state").asString()));
        assertThat(json.get("state").asString()).as(json.toString()).isEqualTo(state);
        return json;
    }

    static List<JsonNode> items(JsonNode page) {
        return list(page.get("items"));
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            out.add(array.get(i));
        }
        return out;
    }
}
