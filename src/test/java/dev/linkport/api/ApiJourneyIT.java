package dev.linkport.api;

import static dev.linkport.api.ApiSteps.CONSUMER_ACCOUNT;
import static dev.linkport.api.ApiSteps.awaitState;
import static dev.linkport.api.ApiSteps.firstSecurityGroup;
import static dev.linkport.api.ApiSteps.firstVpc;
import static dev.linkport.api.ApiSteps.items;
import static dev.linkport.api.ApiSteps.list;
import static dev.linkport.api.ApiSteps.publishAndAwait;
import static dev.linkport.api.ApiSteps.requestBody;
import static dev.linkport.api.ApiSteps.subnets;
import static dev.linkport.api.ApiSteps.uniqueName;
import static dev.linkport.api.ApiSteps.zoneIds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.api.ApiClient.Response;
import dev.linkport.identity.service.ApiTokenService;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.TestUsers;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The whole PrivateLink loop through the REST API over real HTTP against the sandbox: a provider
 * publishes with a bearer token, a consumer (HTTP Basic) finds the service and requests an
 * endpoint, an admin approves, the endpoint becomes available and is deleted — plus the refusals
 * met on the way.
 */
@LinkportIntegrationTest
class ApiJourneyIT {

    static final String PASSWORD = "linkport-demo";

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired ApiTokenService tokens;

    @Test
    void aServiceIsPublishedFoundRequestedApprovedProvisionedAndDeletedThroughTheApi() {
        ApiClient alice = ApiClient.bearer(port, users.as("alice", () -> tokens.create("journey").secret()));
        ApiClient bob = ApiClient.basic(port, "bob", PASSWORD);
        ApiClient carol = ApiClient.basic(port, "carol", PASSWORD);
        ApiClient admin = ApiClient.basic(port, "admin", PASSWORD);

        JsonNode service = publishAndAwait(alice, uniqueName("ledger"), "ADMIN", "payments-ledger");
        String serviceId = service.get("id").asString();
        assertThat(service.get("serviceId").asString()).startsWith("vpce-svc-");
        assertThat(service.get("serviceName").asString()).startsWith("com.amazonaws.vpce.us-east-1.vpce-svc-");
        assertThat(zoneIds(service)).hasSize(3);

        Response found = bob.get("/api/v1/services?q=" + service.get("name").asString());
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(items(found.json())).extracting(s -> s.get("id").asString()).containsExactly(serviceId);
        assertThat(found.json().get("total").asLong()).isEqualTo(1);
        assertThat(bob.get("/api/v1/services/" + serviceId).text("serviceName"))
                .isEqualTo(service.get("serviceName").asString());

        Response accounts = bob.get("/api/v1/accounts");
        assertThat(items(accounts.json())).extracting(a -> a.get("accountId").asString()).contains(CONSUMER_ACCOUNT);
        String vpc = firstVpc(bob);
        List<JsonNode> subnets = subnets(bob, vpc);
        assertThat(subnets).allSatisfy(s -> {
            assertThat(s.get("subnetId").asString()).startsWith("subnet-");
            assertThat(s.get("vpcId").asString()).isEqualTo(vpc);
            assertThat(s.get("availabilityZone").asString()).startsWith("us-east-1");
            assertThat(s.get("availabilityZoneId").asString()).startsWith("use1-az");
            assertThat(s.get("cidrBlock").asString()).contains("/");
        });
        Set<String> zones = zoneIds(service);
        List<String> supported = subnets.stream().filter(s -> zones.contains(s.get("availabilityZoneId").asString()))
                .map(s -> s.get("subnetId").asString()).toList();
        assertThat(supported).isNotEmpty();

        Response submitted = bob.post("/api/v1/endpoint-requests",
                requestBody(serviceId, vpc, supported, firstSecurityGroup(bob, vpc)));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String requestPath = "/api/v1/endpoint-requests/" + submitted.text("id");
        assertThat(submitted.location()).endsWith(requestPath);
        assertThat(submitted.text("state")).isEqualTo("SUBMITTED");
        assertThat(items(bob.get("/api/v1/endpoint-requests?scope=mine&size=100").json()))
                .extracting(r -> r.get("id").asString()).contains(submitted.text("id"));
        String filtered = "/api/v1/endpoint-requests?scope=mine&state=SUBMITTED&account=222222222222&service=" + serviceId;
        assertThat(items(bob.get(filtered).json())).extracting(r -> r.get("id").asString())
                .containsExactly(submitted.text("id"));
        assertThat(items(carol.get(filtered).json())).as("another team's filter finds nothing").isEmpty();

        Response byProvider = alice.post(requestPath + "/approve", Map.of("reason", "looks fine"));
        assertThat(byProvider.status()).as(byProvider.toString()).isEqualTo(403);
        assertThat(byProvider.contentType()).startsWith("application/problem+json");
        assertThat(byProvider.text("detail")).contains("decided by platform admins");

        Response byOtherTeam = carol.get(requestPath);
        assertThat(byOtherTeam.status()).as(byOtherTeam.toString()).isEqualTo(404);
        assertThat(byOtherTeam.contentType()).startsWith("application/problem+json");

        assertThat(items(admin.get("/api/v1/endpoint-requests?scope=to-decide&size=100").json()))
                .extracting(r -> r.get("id").asString()).contains(submitted.text("id"));
        Response approved = admin.post(requestPath + "/approve", Map.of("reason", "ok"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.text("state")).isIn("APPROVED", "PROVISIONING", "PENDING_ACCEPTANCE", "AVAILABLE");

        Response again = admin.post(requestPath + "/approve", null);
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.text("detail")).contains("already decided by admin");

        JsonNode available = awaitState(bob, requestPath, "AVAILABLE");
        assertThat(available.get("vpcEndpointId").asString()).startsWith("vpce-");
        assertThat(available.get("dnsNames").get("regional").asString()).endsWith(".vpce.amazonaws.com");
        assertThat(list(available.get("dnsNames").get("zonal"))).isNotEmpty();
        assertThat(list(available.get("timeline"))).extracting(t -> t.get("to").asString())
                .containsSubsequence("SUBMITTED", "APPROVED", "PROVISIONING", "AVAILABLE");

        Response deleting = bob.delete(requestPath);
        assertThat(deleting.status()).as(deleting.toString()).isEqualTo(202);
        assertThat(deleting.text("state")).isEqualTo("DELETING");
        awaitState(bob, requestPath, "DELETED");
    }

    @Test
    void aSubnetInAZoneTheServiceDoesNotCoverIsRefusedWithAFieldErrorOnSubnetIds() {
        ApiClient alice = ApiClient.bearer(port, users.as("alice", () -> tokens.create("zones").secret()));
        ApiClient bob = ApiClient.basic(port, "bob", PASSWORD);
        JsonNode service = publishAndAwait(alice, uniqueName("api"), "AUTO", "payments-api");
        String vpc = firstVpc(bob);
        Set<String> zones = zoneIds(service);
        String outside = subnets(bob, vpc).stream()
                .filter(s -> !zones.contains(s.get("availabilityZoneId").asString()))
                .map(s -> s.get("subnetId").asString()).findFirst().orElseThrow();

        Response refused = bob.post("/api/v1/endpoint-requests",
                requestBody(service.get("id").asString(), vpc, List.of(outside), firstSecurityGroup(bob, vpc)));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.errorFields()).containsExactly("subnetIds");
        assertThat(refused.raw()).contains("a zone the service does not cover");
    }
}
