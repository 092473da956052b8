package dev.linkport.api;

import static dev.linkport.api.ApiSteps.REGION;
import static dev.linkport.api.ApiSteps.firstSecurityGroup;
import static dev.linkport.api.ApiSteps.firstVpc;
import static dev.linkport.api.ApiSteps.items;
import static dev.linkport.api.ApiSteps.loadBalancerArn;
import static dev.linkport.api.ApiSteps.publishAndAwait;
import static dev.linkport.api.ApiSteps.publishBody;
import static dev.linkport.api.ApiSteps.requestBody;
import static dev.linkport.api.ApiSteps.uniqueName;
import static dev.linkport.api.ApiSteps.zoneIds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.api.ApiClient.Response;
import dev.linkport.identity.service.ApiTokenService;
import dev.linkport.sandbox.SandboxLifecycle;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.TestUsers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The bounds of Build 7 through the REST API: one subnet per zone, ports 1–65535, list sizes, with field errors. */
@LinkportIntegrationTest
class BoundsApiIT {

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired ApiTokenService tokens;
    @Autowired SandboxLifecycle sandbox;

    @Test
    void twoSubnetsInOneAvailabilityZoneAreRefusedNamingTheZoneBeforeAnythingIsStored() {
        ApiClient admin = ApiClient.token(port, users, tokens, "admin");
        ApiClient alice = ApiClient.token(port, users, tokens, "alice");
        JsonNode service = publishAndAwait(alice, uniqueName("zones"), "ADMIN", "payments-ledger");
        Set<String> covered = zoneIds(service);

        // a team of its own with an account whose VPC gets a second subnet in one zone
        String owner = ApiSteps.newUser(port, "zones");
        String team = uniqueName("zones");
        assertThat(admin.post("/api/v1/teams", Map.of("name", team, "displayName", "Zones")).status()).isEqualTo(201);
        String teamId = items(admin.get("/api/v1/teams?q=" + team).json()).getFirst().get("id").asString();
        assertThat(admin.post("/api/v1/teams/" + teamId + "/members", Map.of("username", owner, "role", "owner"))
                .status()).isEqualTo(201);
        long random = Long.parseLong(HostileValuesApiIT.freshAccountId());
        // the sandbox maps zone letters to zone IDs by account id: one divisible by 6 sees a, b, c as
        // use1-az1..az3, zones the provider's load balancer covers
        String accountId = String.valueOf(random - random % 6);
        Response registered = admin.post("/api/v1/accounts", Map.of("team", team, "accountId", accountId,
                "displayName", "zones", "regions", List.of(REGION),
                "roleArn", "arn:aws:iam::" + accountId + ":role/LinkportAccess"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        sandbox.control().createAccount(accountId, "zones", List.of(REGION), registered.text("externalId"));
        ApiClient member = ApiClient.basic(port, owner, ApiJourneyIT.PASSWORD);
        Response vpcs = member.get("/api/v1/accounts/" + accountId + "/vpcs?region=" + REGION);
        String vpc = items(vpcs.json()).getFirst().get("vpcId").asString();
        JsonNode first = items(member.get("/api/v1/accounts/" + accountId + "/subnets?region=" + REGION + "&vpcId="
                + vpc).json()).stream().filter(s -> covered.contains(s.get("availabilityZoneId").asString()))
                .findFirst().orElseThrow();
        String zone = first.get("availabilityZone").asString();
        String second = sandbox.control().addSubnet(accountId, REGION, zone);
        String group = items(member.get("/api/v1/accounts/" + accountId + "/security-groups?region=" + REGION
                + "&vpcId=" + vpc).json()).getFirst().get("groupId").asString();

        Response refused = member.post("/api/v1/endpoint-requests", requestBody(service.get("id").asString(),
                accountId, vpc, List.of(first.get("subnetId").asString(), second), group));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("subnetIds");
        assertThat(refused.json().get("errors").get(0).get("message").asString())
                .contains(first.get("subnetId").asString(), second, zone,
                        first.get("availabilityZoneId").asString(), "one subnet per availability zone");
        assertThat(member.get("/api/v1/endpoint-requests?scope=mine").json().get("total").asLong()).isZero();

        Response one = member.post("/api/v1/endpoint-requests", requestBody(service.get("id").asString(),
                accountId, vpc, List.of(second), group));
        assertThat(one.status()).as(one.toString()).isEqualTo(201);
    }

    @Test
    void portsAreNumbersFrom1To65535WhenPublishingAndEditing() {
        ApiClient alice = ApiClient.token(port, users, tokens, "alice");
        String lb = loadBalancerArn(alice, "payments-ledger");
        for (String ports : List.of("0", "65536", "99999", "443, 70000", "-1", "44 3")) {
            Map<String, Object> body = publishBody(uniqueName("ports"), "ADMIN", lb);
            body.put("ports", ports);
            Response refused = alice.post("/api/v1/services", body);
            assertThat(refused.status()).as(ports + ": " + refused).isEqualTo(400);
            assertThat(refused.errorFields()).as(ports).containsExactly("ports");
        }
        Map<String, Object> body = publishBody(uniqueName("ports"), "ADMIN", lb);
        body.put("ports", "1, 65535");
        Response published = alice.post("/api/v1/services", body);
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        assertThat(published.text("ports")).isEqualTo("1, 65535");

        Response edit = alice.send("PATCH", "/api/v1/services/" + published.text("id"), Map.of("ports", "65536"));
        assertThat(edit.status()).as(edit.toString()).isEqualTo(400);
        assertThat(edit.errorFields()).containsExactly("ports");
    }

    @Test
    void listsHaveTheirLimitsAndSayWhatTheyAre() {
        ApiClient alice = ApiClient.token(port, users, tokens, "alice");
        ApiClient bob = ApiClient.token(port, users, tokens, "bob");
        ApiClient admin = ApiClient.token(port, users, tokens, "admin");

        Map<String, Object> publish = publishBody(uniqueName("limits"), "ADMIN", loadBalancerArn(alice, "payments-ledger"));
        publish.put("tags", IntStream.range(0, 21).mapToObj(i -> "tag-" + i).toList());
        assertThat(message(alice.post("/api/v1/services", publish), "tags")).isEqualTo("At most 20 tags");

        String vpc = firstVpc(bob);
        Map<String, Object> request = new LinkedHashMap<>(requestBody(UUID.randomUUID().toString(), vpc,
                IntStream.range(0, 9).mapToObj(i -> String.format("subnet-%017x", i)).toList(),
                firstSecurityGroup(bob, vpc)));
        request.put("securityGroupIds", IntStream.range(0, 17).mapToObj(i -> String.format("sg-%017x", i)).toList());
        Response refused = bob.post("/api/v1/endpoint-requests", request);
        assertThat(message(refused, "subnetIds")).isEqualTo("At most 8 subnets: one per availability zone");
        assertThat(message(refused, "securityGroupIds")).startsWith("At most 16 security groups");

        List<String> ids = new ArrayList<>();
        IntStream.range(0, 101).forEach(i -> ids.add(UUID.randomUUID().toString()));
        assertThat(message(admin.post("/api/v1/endpoint-requests/approve", Map.of("ids", ids)), "ids"))
                .startsWith("At most 100 requests at once");
    }

    private static String message(Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        for (JsonNode error : ApiSteps.list(response.json().get("errors"))) {
            if (error.get("field").asString().equals(field)) {
                return error.get("message").asString();
            }
        }
        throw new AssertionError("no error for " + field + " in " + response);
    }
}
