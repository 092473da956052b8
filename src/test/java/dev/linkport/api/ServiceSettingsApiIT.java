package dev.linkport.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.linkport.api.ApiClient.Response;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.service.EndpointRequestDetails;
import dev.linkport.consumer.service.EndpointRequestService;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.LoopFixture;
import dev.linkport.support.TestUsers;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Private DNS, edit and retire through /api/v1/services/{id}: owners and admins only, with the refusals. */
@LinkportIntegrationTest
class ServiceSettingsApiIT {

    static final String PASSWORD = "linkport-demo";

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired LoopFixture loop;
    @Autowired EndpointRequestService requests;

    @Test
    void ownersSetAndVerifyThePrivateDnsNameOthersAreRefused() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.AUTO, "payments-ledger");
        String path = "/api/v1/services/" + service.id() + "/private-dns";
        ApiClient alice = ApiClient.basic(port, "alice", PASSWORD);
        ApiClient bob = ApiClient.basic(port, "bob", PASSWORD);
        ApiClient carol = ApiClient.basic(port, "carol", PASSWORD);
        String name = "api-" + UUID.randomUUID().toString().substring(0, 8) + ".payments.example.com";

        assertThat(bob.get(path).status()).isEqualTo(403);
        assertThat(carol.send("PUT", path, Map.of("name", name)).status()).isEqualTo(403);
        assertThat(bob.post(path + "/verify", null).status()).isEqualTo(403);
        assertThat(alice.get("/api/v1/services/" + UUID.randomUUID() + "/private-dns").status()).isEqualTo(404);
        assertThat(ApiClient.anonymous(port).get(path).status()).isEqualTo(401);

        Response invalid = alice.send("PUT", path, Map.of("name", "Not a DNS name"));
        assertThat(invalid.status()).as(invalid.toString()).isEqualTo(400);
        assertThat(invalid.errorFields()).containsExactly("name");

        Response set = alice.send("PUT", path, Map.of("name", name));
        assertThat(set.status()).as(set.toString()).isEqualTo(202);
        assertThat(set.text("name")).isEqualTo(name);
        await().atMost(Duration.ofSeconds(30)).until(() -> alice.get(path).text("txtRecordName") != null);
        Response pending = alice.get(path);
        assertThat(pending.text("state")).isEqualTo("pendingVerification");
        assertThat(pending.text("txtRecordName")).endsWith("." + name);

        Response verify = alice.post(path + "/verify", null);
        assertThat(verify.status()).as(verify.toString()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> alice.get(path).text("state"),
                s -> !"pendingVerification".equals(s));
        assertThat(alice.get(path).text("state")).as("no TXT record published").isEqualTo("failed");
    }

    @Test
    void retireAnswers409NamingTheConnectionsOnlyAdminsForceAndEditsAreCheckedForStaleness() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.AUTO, "payments-ledger");
        String path = "/api/v1/services/" + service.id();
        ApiClient alice = ApiClient.basic(port, "alice", PASSWORD);
        ApiClient bob = ApiClient.basic(port, "bob", PASSWORD);
        ApiClient admin = ApiClient.basic(port, "admin", PASSWORD);
        EndpointRequestDetails request = users.as("bob", () -> requests.submit(
                loop.requestFor("bob", LoopFixture.BOB_ACCOUNT, service)));
        String endpointId = loop.awaitState("bob", request.id(), EndpointState.AVAILABLE, Duration.ofSeconds(60)).vpcEndpointId();

        Response settings = alice.get(path + "/settings");
        assertThat(settings.status()).as(settings.toString()).isEqualTo(200);
        long version = settings.json().get("version").asLong();
        assertThat(bob.get(path + "/settings").status()).isEqualTo(403);
        assertThat(bob.send("PATCH", path, Map.of("description", "bob's now")).status()).isEqualTo(403);
        Response edited = alice.send("PATCH", path, Map.of("version", version, "description", "Edited by API",
                "approvalPolicy", "PROVIDER"));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(bob.get(path).text("description")).isEqualTo("Edited by API");
        Response stale = alice.send("PATCH", path, Map.of("version", version, "description", "stale"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text("detail")).contains("changed by someone else");

        assertThat(alice.get(path + "/dependents").raw()).contains(endpointId);
        assertThat(bob.get(path + "/dependents").status()).isEqualTo(403);
        Response refused = alice.post(path + "/retire", null);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.text("detail")).contains(endpointId).contains(LoopFixture.BOB_ACCOUNT);
        assertThat(bob.post(path + "/retire", Map.of("force", true)).status()).isEqualTo(403);
        assertThat(alice.post(path + "/retire", Map.of("force", true)).status()).isEqualTo(403);
        assertThat(alice.get(path).text("state")).isEqualTo("AVAILABLE");

        Response forced = admin.post(path + "/retire", Map.of("force", true));
        assertThat(forced.status()).as(forced.toString()).isEqualTo(202);
        assertThat(bob.get(path).status()).as("retired services leave the catalog").isEqualTo(404);
        await().atMost(Duration.ofSeconds(60)).until(() -> alice.get(path).text("state"), "RETIRED"::equals);
        assertThat(bob.get("/api/v1/endpoint-requests/" + request.id()).text("state")).isEqualTo("DRIFTED");
    }
}
