package dev.linkport.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.api.ApiClient.Response;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.InterfaceEndpoint;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.identity.MembershipRole;
import dev.linkport.identity.service.AccountCommands.RegisterAccount;
import dev.linkport.identity.service.AccountDetails;
import dev.linkport.identity.service.AccountService;
import dev.linkport.identity.service.TeamCommands.AddMember;
import dev.linkport.identity.service.TeamCommands.CreateTeam;
import dev.linkport.identity.service.TeamService;
import dev.linkport.identity.service.TeamViews.TeamSummary;
import dev.linkport.sandbox.SandboxLifecycle;
import dev.linkport.support.Ids;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.TestUsers;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Cross-region PrivateLink through the REST API: a consumer in eu-west-1 requests an endpoint to a us-east-1
 * service that supports eu-west-1. Zones are checked against what AWS offers in the consumer's region, a second
 * request into the same VPC is refused with a link to the first, and the endpoint is created in eu-west-1 with
 * the service's region as its service region.
 */
@LinkportIntegrationTest
class CrossRegionApiIT {

    static final String EU = "eu-west-1";

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired TeamService teams;
    @Autowired AccountService accounts;
    @Autowired SandboxLifecycle sandbox;
    @Autowired PrivateLinkGateway gateway;

    ApiClient consumer;
    AccountDetails account;

    @BeforeEach
    void aTeamWithAnAccountInEuWest1() {
        String user = ApiSteps.newUser(port, "xr");
        TeamSummary team = users.as("admin", () -> {
            TeamSummary t = teams.createTeam(new CreateTeam(Ids.teamName("xr"), "Cross-region consumers", null, false));
            teams.addMember(new AddMember(t.id(), user, MembershipRole.OWNER));
            return t;
        });
        String accountId = Ids.accountId();
        account = users.as(user, () -> accounts.register(new RegisterAccount(team.id(), accountId, "eu-" + accountId,
                Set.of(EU), "arn:aws:iam::" + accountId + ":role/LinkportAccess")));
        sandbox.control().createAccount(accountId, "eu-consumer", List.of(EU), account.externalId());
        consumer = ApiClient.basic(port, user, ApiJourneyIT.PASSWORD);
    }

    @Test
    void aConsumerInEuWest1GetsAnEndpointToAUsEast1ServiceInTheZonesAwsOffersInItsRegion() {
        ApiClient alice = ApiClient.basic(port, "alice", ApiJourneyIT.PASSWORD);
        Map<String, Object> publish = ApiSteps.publishBody(ApiSteps.uniqueName("xr"), "PROVIDER",
                ApiSteps.loadBalancerArn(alice, "payments-api"));
        publish.put("supportedRegions", List.of(EU));
        Response created = alice.post("/api/v1/services", publish);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String serviceId = created.text("id");
        JsonNode service = ApiSteps.awaitJson(alice, "/api/v1/services/" + serviceId,
                s -> !s.get("state").asString().equals("PUBLISHING"));
        assertThat(service.get("state").asString()).as(service.toString()).isEqualTo("AVAILABLE");
        assertThat(ApiSteps.zoneIds(service)).allMatch(id -> id.startsWith("use1-"));

        String base = "/api/v1/accounts/" + account.accountId();
        String vpc = ApiSteps.items(consumer.get(base + "/vpcs?region=" + EU).json()).getFirst().get("vpcId").asString();
        List<JsonNode> subnets = ApiSteps.items(consumer.get(base + "/subnets?region=" + EU + "&vpcId=" + vpc).json());
        assertThat(subnets).extracting(s -> s.get("availabilityZoneId").asString())
                .containsExactlyInAnyOrder("euw1-az1", "euw1-az2", "euw1-az3");
        String unserved = subnetIn(subnets, "euw1-az3");
        List<String> served = List.of(subnetIn(subnets, "euw1-az1"), subnetIn(subnets, "euw1-az2"));
        String group = ApiSteps.items(consumer.get(base + "/security-groups?region=" + EU + "&vpcId=" + vpc).json())
                .getFirst().get("groupId").asString();

        Response zones = consumer.get("/api/v1/endpoint-requests/zones?serviceId=" + serviceId + "&accountId="
                + account.accountId() + "&region=" + EU);
        assertThat(zones.status()).as(zones.toString()).isEqualTo(200);
        assertThat(zones.json().get("crossRegion").asBoolean()).isTrue();
        assertThat(zones.text("serviceRegion")).isEqualTo("us-east-1");
        assertThat(ApiSteps.list(zones.json().get("zoneIds"))).extracting(JsonNode::asString)
                .containsExactly("euw1-az1", "euw1-az2");

        Map<String, Object> wrongZone = body(serviceId, vpc, List.of(served.getFirst(), unserved), group, EU);
        Response refused = consumer.post("/api/v1/endpoint-requests", wrongZone);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(errors(refused)).containsExactly(Map.entry("subnetIds", unserved + " is in "
                + zoneName(subnets, unserved) + " (euw1-az3), a zone the service does not cover from eu-west-1; "
                + "it covers euw1-az1, euw1-az2"));

        Response wrongRegion = consumer.post("/api/v1/endpoint-requests", body(serviceId, vpc, served, group,
                "eu-central-1"));
        assertThat(wrongRegion.status()).as(wrongRegion.toString()).isEqualTo(400);
        assertThat(errors(wrongRegion)).containsKey("region");

        Response submitted = consumer.post("/api/v1/endpoint-requests", body(serviceId, vpc, served, group, EU));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String requestId = submitted.text("id");
        assertThat(submitted.text("region")).isEqualTo(EU);
        assertThat(submitted.text("state")).isEqualTo("SUBMITTED");

        Response again = consumer.post("/api/v1/endpoint-requests", body(serviceId, vpc, served, group, EU));
        assertThat(again.status()).as(again.toString()).isEqualTo(400);
        assertThat(again.text("existingRequestId")).isEqualTo(requestId);
        assertThat(again.text("existingRequest")).isEqualTo("/api/v1/endpoint-requests/" + requestId);
        assertThat(errors(again)).containsOnlyKeys("vpcId");
        assertThat(errors(again).get("vpcId")).contains(requestId).contains("SUBMITTED");

        Response approved = alice.post("/api/v1/endpoint-requests/" + requestId + "/approve",
                Map.of("reason", "cross-region is fine"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        JsonNode available = ApiSteps.awaitState(consumer, "/api/v1/endpoint-requests/" + requestId, "AVAILABLE");
        assertThat(available.get("region").asString()).isEqualTo(EU);
        assertThat(available.get("dnsNames").get("regional").asString()).endsWith(".vpce.amazonaws.com");
        assertThat(available.get("dnsNames").get("zonal")).hasSize(2);

        String vpce = available.get("vpcEndpointId").asString();
        AwsTarget euTarget = AwsTarget.system(account.accountId(), EU, account.roleArn(), account.externalId());
        InterfaceEndpoint inAws = gateway.describeInterfaceEndpoint(euTarget, vpce).orElseThrow();
        assertThat(inAws.state()).isEqualTo("available");
        assertThat(inAws.subnetIds()).containsExactlyInAnyOrderElementsOf(served);
        JsonNode world = ApiClient.JSON.readTree(sandbox.control().stateJson()).get("endpoints").get(vpce);
        assertThat(world.get("region").asString()).isEqualTo(EU);
        assertThat(world.get("serviceRegion").asString()).isEqualTo("us-east-1");
    }

    private static String subnetIn(List<JsonNode> subnets, String zoneId) {
        return subnets.stream().filter(s -> s.get("availabilityZoneId").asString().equals(zoneId))
                .map(s -> s.get("subnetId").asString()).findFirst().orElseThrow();
    }

    private static String zoneName(List<JsonNode> subnets, String subnetId) {
        return subnets.stream().filter(s -> s.get("subnetId").asString().equals(subnetId))
                .map(s -> s.get("availabilityZone").asString()).findFirst().orElseThrow();
    }

    private Map<String, Object> body(String serviceId, String vpc, List<String> subnets, String group, String region) {
        Map<String, Object> body = ApiSteps.requestBody(serviceId, account.accountId(), vpc, subnets, group);
        body.put("region", region);
        return body;
    }

    private static Map<String, String> errors(Response response) {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        response.json().get("errors").forEach(e -> errors.merge(e.get("field").asString(),
                e.get("message").asString(), (a, b) -> a + " | " + b));
        return errors;
    }
}
