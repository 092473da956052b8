package dev.linkport.api;

import static dev.linkport.api.ApiSteps.firstSecurityGroup;
import static dev.linkport.api.ApiSteps.items;
import static dev.linkport.api.ApiSteps.publishAndAwait;
import static dev.linkport.api.ApiSteps.requestBody;
import static dev.linkport.api.ApiSteps.subnets;
import static dev.linkport.api.ApiSteps.uniqueName;
import static dev.linkport.api.ApiSteps.zoneIds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.api.ApiClient.Response;
import dev.linkport.identity.ApiScope;
import dev.linkport.identity.service.ApiTokenService;
import dev.linkport.sandbox.SandboxLifecycle;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.TestUsers;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Approving and rejecting many requests in one call: each request gets its own answer. */
@LinkportIntegrationTest
class BulkDecisionsApiIT {

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired ApiTokenService tokens;
    @Autowired SandboxLifecycle sandbox;

    @Test
    void aBulkDecisionAnswersForEachRequestWhetherItWasDecidedOrWhyNot() {
        ApiClient alice = ApiClient.basic(port, "alice", ApiJourneyIT.PASSWORD);
        ApiClient bob = ApiClient.basic(port, "bob", ApiJourneyIT.PASSWORD);
        ApiClient admin = ApiClient.token(port, users, tokens, "admin", ApiScope.DECIDE);
        JsonNode service = publishAndAwait(alice, uniqueName("bulk"), "ADMIN", "payments-ledger");
        String first = submit(bob, service);
        String second = submit(bob, service);
        String unknown = UUID.randomUUID().toString();

        List<JsonNode> byProvider = items(alice.post("/api/v1/endpoint-requests/approve",
                Map.of("ids", List.of(first))).json());
        assertThat(byProvider).singleElement().satisfies(o -> {
            assertThat(o.get("result").asString()).isEqualTo("NOT_ALLOWED");
            assertThat(o.get("decided").asBoolean()).isFalse();
            assertThat(o.get("problem").asString()).contains("decided by platform admins");
        });

        Response approved = admin.post("/api/v1/endpoint-requests/approve",
                Map.of("ids", List.of(first, first, unknown), "reason", "capacity checked"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(items(approved.json())).extracting(o -> o.get("id").asString() + " " + o.get("result").asString())
                .containsExactly(first + " DECIDED", first + " ALREADY_DECIDED", unknown + " NOT_FOUND");

        Response rejected = admin.post("/api/v1/endpoint-requests/reject",
                Map.of("ids", List.of(second, first), "reason", "use the shared VPC"));
        assertThat(items(rejected.json())).extracting(o -> o.get("result").asString())
                .containsExactly("DECIDED", "ALREADY_DECIDED");
        assertThat(bob.get("/api/v1/endpoint-requests/" + second).text("state")).isEqualTo("REJECTED");
        assertThat(bob.get("/api/v1/endpoint-requests/" + second).text("decisionReason")).isEqualTo("use the shared VPC");
    }

    @Test
    void moreThanAHundredRequestsOrNoneAreA400OnIds() {
        ApiClient admin = ApiClient.basic(port, "admin", ApiJourneyIT.PASSWORD);
        List<String> tooMany = Collections.nCopies(101, UUID.randomUUID().toString());

        Response approve = admin.post("/api/v1/endpoint-requests/approve", Map.of("ids", tooMany));
        assertThat(approve.status()).as(approve.toString()).isEqualTo(400);
        assertThat(approve.errorFields()).containsExactly("ids");
        assertThat(approve.raw()).contains("At most 100 requests at once");

        Response reject = admin.post("/api/v1/endpoint-requests/reject", Map.of("ids", List.of(), "reason", "x"));
        assertThat(reject.status()).as(reject.toString()).isEqualTo(400);
        assertThat(reject.errorFields()).containsExactly("ids");

        Response badId = admin.post("/api/v1/endpoint-requests/approve", Map.of("ids", List.of("not-an-id")));
        assertThat(badId.status()).as(badId.toString()).isEqualTo(400);
        assertThat(badId.errorFields()).containsExactly("ids");
    }

    @Test
    void bulkDecisionsNeedCredentialsAndATokenWithTheDecideScope() {
        Map<String, Object> body = Map.of("ids", List.of(UUID.randomUUID().toString()), "reason", "no");
        assertThat(ApiClient.anonymous(port).post("/api/v1/endpoint-requests/approve", body).status()).isEqualTo(401);

        Response readOnly = ApiClient.token(port, users, tokens, "admin", ApiScope.READ, ApiScope.REQUEST)
                .post("/api/v1/endpoint-requests/reject", body);
        assertThat(readOnly.status()).as(readOnly.toString()).isEqualTo(403);
        assertThat(readOnly.contentType()).startsWith("application/problem+json");
        assertThat(readOnly.text("requiredScope")).isEqualTo("decide");
        assertThat(readOnly.text("detail")).contains("'decide'");
    }

    /** A request for the service into a new VPC of bob's account: a VPC takes one request per service. */
    private String submit(ApiClient consumer, JsonNode service) {
        String vpc = sandbox.control().addVpc(ApiSteps.CONSUMER_ACCOUNT, ApiSteps.REGION, "bulk");
        Set<String> zones = zoneIds(service);
        List<String> supported = subnets(consumer, vpc).stream()
                .filter(s -> zones.contains(s.get("availabilityZoneId").asString()))
                .map(s -> s.get("subnetId").asString()).toList();
        Response submitted = consumer.post("/api/v1/endpoint-requests", requestBody(service.get("id").asString(), vpc,
                supported, firstSecurityGroup(consumer, vpc)));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        return submitted.text("id");
    }
}
