package dev.linkport.api;

import static dev.linkport.api.ApiSteps.list;
import static dev.linkport.api.ApiSteps.publishAndAwait;
import static dev.linkport.api.ApiSteps.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.linkport.api.ApiClient.Response;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.InterfaceEndpoint;
import dev.linkport.aws.InterfaceEndpointRequest;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.aws.SecurityGroup;
import dev.linkport.aws.Subnet;
import dev.linkport.support.LinkportIntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The provider console's REST endpoints over real HTTP: principals, connections, and their refusals. */
@LinkportIntegrationTest
class ProviderConsoleApiIT {

    static final String PASSWORD = "linkport-demo";
    static final String CAROL = "333333333333";

    @LocalServerPort int port;
    @Autowired PrivateLinkGateway gateway;

    @Test
    void aPrincipalIsAddedListedAndRemovedThroughTheApi() {
        ApiClient alice = ApiClient.basic(port, "alice", PASSWORD);
        String id = publishAndAwait(alice, uniqueName("principals"), "PROVIDER", "payments-api").get("id").asString();
        String path = "/api/v1/services/" + id + "/principals";
        String arn = "arn:aws:iam::444455556666:root";

        Response added = alice.post(path, Map.of("arn", arn));
        assertThat(added.status()).as(added.toString()).isEqualTo(202);
        assertThat(added.text("syncState")).isEqualTo("PENDING_ADD");
        assertThat(added.text("source")).isEqualTo("MANUAL");
        await().atMost(Duration.ofSeconds(30)).until(() -> state(alice, path, arn), "IN_SYNC"::equals);

        Response removed = alice.delete(path + "?arn=" + URLEncoder.encode(arn, StandardCharsets.UTF_8));
        assertThat(removed.status()).as(removed.toString()).isEqualTo(202);
        assertThat(removed.json().get("principal").get("syncState").asString()).isEqualTo("PENDING_REMOVE");
        assertThat(list(removed.json().get("liveEndpoints"))).isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> state(alice, path, arn) == null);
    }

    @Test
    void theWildcardNeedsConfirmationAndBadArnsGetFieldErrors() {
        ApiClient alice = ApiClient.basic(port, "alice", PASSWORD);
        String id = publishAndAwait(alice, uniqueName("wildcard"), "PROVIDER", "payments-api").get("id").asString();
        String path = "/api/v1/services/" + id + "/principals";

        Response refused = alice.post(path, Map.of("arn", "*"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.errorFields()).containsExactly("confirmWildcard");

        Response bad = alice.post(path, Map.of("arn", "arn:aws:iam::123:root"));
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.errorFields()).containsExactly("arn");

        Response confirmed = alice.post(path, Map.of("arn", "*", "confirmWildcard", true));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(202);

        Response missing = alice.delete(path + "?arn=" + URLEncoder.encode("arn:aws:iam::999999999999:root",
                StandardCharsets.UTF_8));
        assertThat(missing.status()).as(missing.toString()).isEqualTo(404);
    }

    @Test
    void anOutOfBandConnectionIsListedAndAcceptedThroughTheApi() {
        ApiClient alice = ApiClient.basic(port, "alice", PASSWORD);
        JsonNode service = publishAndAwait(alice, uniqueName("connections"), "PROVIDER", "payments-api");
        String id = service.get("id").asString();
        AwsTarget carol = new AwsTarget(CAROL, "us-east-1", "arn:aws:iam::" + CAROL + ":role/LinkportAccess",
                "demo-" + CAROL, null);
        AwsTarget provider = new AwsTarget("111111111111", "us-east-1",
                "arn:aws:iam::111111111111:role/LinkportAccess", "demo-111111111111", null);
        gateway.modifyServicePermissions(provider, service.get("serviceId").asString(),
                Set.of("arn:aws:iam::" + CAROL + ":root"), Set.of());
        String vpc = gateway.describeVpcs(carol).getFirst().vpcId();
        Set<String> zones = ApiSteps.zoneIds(service);
        List<String> subnets = gateway.describeSubnets(carol, vpc).stream()
                .filter(s -> zones.contains(s.availabilityZoneId())).map(Subnet::subnetId).toList();
        String group = gateway.describeSecurityGroups(carol, vpc).stream().map(SecurityGroup::groupId).findFirst()
                .orElseThrow();
        String vpce = gateway.createInterfaceEndpoint(carol, new InterfaceEndpointRequest(UUID.randomUUID().toString(),
                vpc, service.get("serviceName").asString(), subnets, List.of(group), false, null)).endpointId();

        Response listed = alice.get("/api/v1/services/" + id + "/connections");
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        JsonNode connection = list(listed.json()).stream().filter(c -> c.get("vpcEndpointId").asString().equals(vpce))
                .findFirst().orElseThrow();
        assertThat(connection.get("state").asString()).isEqualTo("pendingAcceptance");
        assertThat(connection.get("ownerAccountId").asString()).isEqualTo(CAROL);
        assertThat(connection.get("requestId").isNull()).isTrue();

        Response accepted = alice.post("/api/v1/services/" + id + "/connections/" + vpce + "/accept", null);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                gateway.describeInterfaceEndpoint(carol, vpce).map(InterfaceEndpoint::state).orElse(""),
                "available"::equals);

        Response again = alice.post("/api/v1/services/" + id + "/connections/" + vpce + "/reject", null);
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        Response malformed = alice.post("/api/v1/services/" + id + "/connections/vpce-xyz/accept", null);
        assertThat(malformed.status()).as(malformed.toString()).isEqualTo(400);
        assertThat(malformed.errorFields()).containsExactly("vpcEndpointId");
    }

    @Test
    void everyProviderConsoleEndpointRefusesOthersWith403AndUnknownServicesWith404() {
        ApiClient alice = ApiClient.basic(port, "alice", PASSWORD);
        ApiClient bob = ApiClient.basic(port, "bob", PASSWORD);
        ApiClient admin = ApiClient.basic(port, "admin", PASSWORD);
        String id = publishAndAwait(alice, uniqueName("guarded"), "PROVIDER", "payments-api").get("id").asString();
        String base = "/api/v1/services/" + id;
        String arn = URLEncoder.encode("arn:aws:iam::444455556666:root", StandardCharsets.UTF_8);
        String vpce = "vpce-0123456789abcdef0";

        assertThat(bob.get(base + "/principals").status()).isEqualTo(403);
        assertThat(bob.post(base + "/principals", Map.of("arn", "arn:aws:iam::444455556666:root")).status())
                .isEqualTo(403);
        assertThat(bob.delete(base + "/principals?arn=" + arn).status()).isEqualTo(403);
        assertThat(bob.get(base + "/connections").status()).isEqualTo(403);
        assertThat(bob.post(base + "/connections/" + vpce + "/accept", null).status()).isEqualTo(403);
        assertThat(bob.post(base + "/connections/" + vpce + "/reject", null).status()).isEqualTo(403);

        String unknown = "/api/v1/services/" + UUID.randomUUID();
        assertThat(alice.get(unknown + "/principals").status()).isEqualTo(404);
        assertThat(alice.post(unknown + "/principals", Map.of("arn", "arn:aws:iam::444455556666:root")).status())
                .isEqualTo(404);
        assertThat(alice.delete(unknown + "/principals?arn=" + arn).status()).isEqualTo(404);
        assertThat(alice.get(unknown + "/connections").status()).isEqualTo(404);
        assertThat(alice.post(unknown + "/connections/" + vpce + "/accept", null).status()).isEqualTo(404);
        assertThat(alice.post(unknown + "/connections/" + vpce + "/reject", null).status()).isEqualTo(404);

        assertThat(ApiClient.anonymous(port).get(base + "/principals").status()).isEqualTo(401);
        assertThat(admin.get(base + "/principals").status()).isEqualTo(200);
        assertThat(admin.get(base + "/connections").status()).isEqualTo(200);
    }

    private static String state(ApiClient client, String path, String arn) {
        Response r = client.get(path);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return list(r.json()).stream().filter(p -> p.get("arn").asString().equals(arn))
                .map(p -> p.get("syncState").asString()).findFirst().orElse(null);
    }
}
