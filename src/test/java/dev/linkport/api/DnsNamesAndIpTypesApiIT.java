package dev.linkport.api;

import static dev.linkport.api.ApiSteps.PROVIDER_ACCOUNT;
import static dev.linkport.api.ApiSteps.REGION;
import static dev.linkport.api.ApiSteps.awaitJson;
import static dev.linkport.api.ApiSteps.awaitState;
import static dev.linkport.api.ApiSteps.items;
import static dev.linkport.api.ApiSteps.list;
import static dev.linkport.api.ApiSteps.publishBody;
import static dev.linkport.api.ApiSteps.requestBody;
import static dev.linkport.api.ApiSteps.uniqueName;
import static dev.linkport.api.ApiSteps.zoneIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.linkport.api.ApiClient.Response;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.DnsEntry;
import dev.linkport.aws.DnsNameType;
import dev.linkport.aws.DnsRecordIpType;
import dev.linkport.aws.InterfaceEndpoint;
import dev.linkport.aws.IpAddressType;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.catalog.service.ListingService;
import dev.linkport.catalog.service.PrivateDnsCommand;
import dev.linkport.catalog.service.PrivateDnsService;
import dev.linkport.consumer.service.EndpointRequestDetails;
import dev.linkport.consumer.service.EndpointRequestService;
import dev.linkport.identity.service.ApiTokenService;
import dev.linkport.sandbox.SandboxLifecycle;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14, builds 4 and 5 through the REST API against the sandbox: a dual-stack endpoint created as such in AWS,
 * IPv6 refused where the subnets cannot take it, and DNS names labelled by what AWS lists (regional, zonal with its
 * zone, private), checked in the service layer, the API and AWS.
 */
@LinkportIntegrationTest
class DnsNamesAndIpTypesApiIT {

    private static final AwsTarget PROVIDER = new AwsTarget(PROVIDER_ACCOUNT, REGION,
            "arn:aws:iam::" + PROVIDER_ACCOUNT + ":role/LinkportAccess", "demo-" + PROVIDER_ACCOUNT, null);

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired ApiTokenService tokens;
    @Autowired SandboxLifecycle sandbox;
    @Autowired PrivateLinkGateway gateway;
    @Autowired PrivateDnsService privateDns;
    @Autowired ListingService listings;
    @Autowired EndpointRequestService requests;

    /** A team of its own with one member and an account whose us-east-1 VPC is dual-stack. */
    private record OwnConsumer(String username, ApiClient client, String accountId, AwsTarget target, String vpc,
                               List<String> coveredSubnets, String group) {
    }

    @Test
    void aDualStackEndpointIsCreatedDualStackInAwsAndIpv6IsRefusedForAnIpv4OnlySubnet() {
        ApiClient alice = ApiClient.token(port, users, tokens, "alice");
        String ipv4Nlb = sandbox.control().createLoadBalancer(PROVIDER_ACCOUNT, REGION, uniqueName("v4"),
                List.of("a", "b", "c"), "ipv4");
        Map<String, Object> onIpv4 = publishBody(uniqueName("v6"), "AUTO", ipv4Nlb);
        onIpv4.put("supportedIpAddressTypes", List.of("IPV4", "IPV6"));
        Response notDualStack = alice.post("/api/v1/services", onIpv4);
        assertThat(notDualStack.status()).as(notDualStack.toString()).isEqualTo(400);
        assertThat(notDualStack.errorFields()).containsExactly("supportedIpAddressTypes");

        // published for IPv4, then IPv6 added in the settings: a job applies it in AWS
        JsonNode v4Service = publishDualStack(alice, List.of("IPV4"));
        String servicePath = "/api/v1/services/" + v4Service.get("id").asString();
        Response patched = alice.send("PATCH", servicePath, Map.of("version", alice.get(servicePath + "/settings")
                .json().get("version").asLong(), "supportedIpAddressTypes", List.of("IPV4", "IPV6")));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> gateway
                .describeEndpointService(PROVIDER, v4Service.get("serviceId").asString()).orElseThrow()
                .supportedIpAddressTypes(), types -> types.equals(Set.of(IpAddressType.IPV4, IpAddressType.IPV6)));
        JsonNode service = alice.get("/api/v1/services/" + v4Service.get("id").asString()).json();
        assertThat(list(service.get("supportedIpAddressTypes"))).extracting(JsonNode::asString)
                .containsExactly("IPV4", "IPV6");
        OwnConsumer consumer = ownConsumer(service);
        String ipv4Only = sandbox.control().addSubnet(consumer.accountId(), REGION, "us-east-1a");

        Map<String, Object> ipv6 = requestBody(service.get("id").asString(), consumer.accountId(), consumer.vpc(),
                List.of(ipv4Only), consumer.group());
        ipv6.put("ipAddressType", "IPV6");
        Response refused = consumer.client().post("/api/v1/endpoint-requests", ipv6);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("subnetIds");
        assertThat(refused.json().get("errors").get(0).get("message").asString())
                .contains(ipv4Only, "no IPv6 range", "IPv6-only");
        Map<String, Object> wrongRecords = requestBody(service.get("id").asString(), consumer.accountId(),
                consumer.vpc(), consumer.coveredSubnets(), consumer.group());
        wrongRecords.put("dnsRecordIpType", "SERVICE_DEFINED");
        assertThat(consumer.client().post("/api/v1/endpoint-requests", wrongRecords).errorFields())
                .containsExactly("dnsRecordIpType");
        assertThat(consumer.client().get("/api/v1/endpoint-requests?scope=mine").json().get("total").asLong())
                .isZero();

        Map<String, Object> dualStack = requestBody(service.get("id").asString(), consumer.accountId(),
                consumer.vpc(), consumer.coveredSubnets(), consumer.group());
        dualStack.put("ipAddressType", "DUALSTACK");
        dualStack.put("dnsRecordIpType", "SERVICE_DEFINED");
        Response created = consumer.client().post("/api/v1/endpoint-requests", dualStack);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode available = awaitState(consumer.client(), "/api/v1/endpoint-requests/" + created.text("id"),
                "AVAILABLE");

        assertThat(available.get("ipAddressType").asString()).isEqualTo("DUALSTACK");
        assertThat(available.get("dnsRecordIpType").asString()).isEqualTo("SERVICE_DEFINED");
        InterfaceEndpoint inAws = gateway.describeInterfaceEndpoint(consumer.target(),
                available.get("vpcEndpointId").asString()).orElseThrow();
        assertThat(inAws.ipAddressType()).isEqualTo(IpAddressType.DUALSTACK);
        assertThat(inAws.dnsRecordIpType()).isEqualTo(DnsRecordIpType.SERVICE_DEFINED);
        assertThat(inAws.subnetIds()).containsExactlyInAnyOrderElementsOf(consumer.coveredSubnets());
    }

    @Test
    void withPrivateDnsOnTheNamesAreLabelledRegionalZonalWithTheirZoneAndPrivate() {
        ApiClient alice = ApiClient.token(port, users, tokens, "alice");
        JsonNode service = publishDualStack(alice, List.of("IPV6", "IPV4"));
        assertThat(list(service.get("supportedIpAddressTypes"))).extracting(JsonNode::asString)
                .containsExactly("IPV4", "IPV6");
        UUID serviceId = UUID.fromString(service.get("id").asString());
        String name = uniqueName("api") + ".payments.example.com";
        users.run("alice", () -> privateDns.setPrivateDns(new PrivateDnsCommand(serviceId, name)));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> users.as("alice", () -> privateDns.privateDns(serviceId)).txtRecordName() != null);
        users.run("alice", () -> privateDns.publishTxtRecordInSandbox(serviceId));
        users.run("alice", () -> privateDns.verifyPrivateDns(serviceId));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> users.as("alice", () -> listings.detail(serviceId)).privateDnsState(), "verified"::equals);
        OwnConsumer consumer = ownConsumer(service);

        Map<String, Object> body = requestBody(serviceId.toString(), consumer.accountId(), consumer.vpc(),
                consumer.coveredSubnets(), consumer.group());
        body.put("privateDnsEnabled", true);
        Response created = consumer.client().post("/api/v1/endpoint-requests", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode available = awaitState(consumer.client(), "/api/v1/endpoint-requests/" + created.text("id"),
                "AVAILABLE");
        String vpce = available.get("vpcEndpointId").asString();

        // AWS lists the regional name, one zonal name per subnet's zone and the private name, in that order
        List<DnsEntry> inAws = gateway.describeInterfaceEndpoint(consumer.target(), vpce).orElseThrow().dnsEntries();
        assertThat(inAws).hasSize(consumer.coveredSubnets().size() + 2);
        assertThat(inAws.getLast().dnsName()).isEqualTo(name);

        // the service layer
        EndpointRequestDetails details = users.as(consumer.username(),
                () -> requests.detail(UUID.fromString(created.text("id"))));
        assertThat(details.dnsNames()).extracting(EndpointRequestDetails.DnsName::name)
                .containsExactlyElementsOf(inAws.stream().map(DnsEntry::dnsName).toList());
        assertThat(details.dnsNames()).extracting(EndpointRequestDetails.DnsName::type)
                .containsExactly(expectedTypes(consumer.coveredSubnets().size()));
        assertThat(details.dnsRegional()).isEqualTo(inAws.getFirst().dnsName()).startsWith(vpce + "-");
        assertThat(details.dnsZonal()).hasSize(consumer.coveredSubnets().size()).doesNotContain(name);
        assertThat(details.dnsPrivate()).isEqualTo(name);
        assertThat(details.dnsNames()).filteredOn(n -> n.type() == DnsNameType.ZONAL).allSatisfy(n -> {
            assertThat(n.zone()).matches("us-east-1[a-f]");
            assertThat(n.name()).startsWith(vpce + "-").contains("-" + n.zone() + ".vpce-svc-");
        });

        // the API
        JsonNode names = available.get("dnsNames");
        assertThat(names.get("regional").asString()).isEqualTo(details.dnsRegional());
        assertThat(list(names.get("zonal"))).extracting(JsonNode::asString).containsExactlyElementsOf(details.dnsZonal());
        assertThat(names.get("privateName").asString()).isEqualTo(name);
        List<JsonNode> labelled = list(names.get("names"));
        assertThat(labelled).extracting(n -> n.get("type").asString()).containsExactly(
                java.util.Arrays.stream(expectedTypes(consumer.coveredSubnets().size())).map(Enum::name)
                        .toArray(String[]::new));
        assertThat(labelled).extracting(n -> n.get("name").asString())
                .containsExactlyElementsOf(inAws.stream().map(DnsEntry::dnsName).toList());
        assertThat(labelled.getLast().get("zone").isNull()).isTrue();
        assertThat(labelled.getLast().get("hostedZoneId").asString()).isEqualTo(inAws.getLast().hostedZoneId());
        assertThat(labelled.subList(1, labelled.size() - 1)).extracting(n -> n.get("zone").asString())
                .containsExactlyElementsOf(details.dnsNames().subList(1, labelled.size() - 1).stream()
                        .map(EndpointRequestDetails.DnsName::zone).toList());
    }

    private static DnsNameType[] expectedTypes(int zones) {
        DnsNameType[] types = new DnsNameType[zones + 2];
        java.util.Arrays.fill(types, DnsNameType.ZONAL);
        types[0] = DnsNameType.REGIONAL;
        types[zones + 1] = DnsNameType.PRIVATE;
        return types;
    }

    /** alice publishes an AUTO service with these IP types on a dual-stack NLB of her own; waits until available. */
    private JsonNode publishDualStack(ApiClient alice, List<String> ipTypes) {
        String nlb = sandbox.control().createLoadBalancer(PROVIDER_ACCOUNT, REGION, uniqueName("ds"),
                List.of("a", "b", "c"), "dualstack");
        Map<String, Object> body = publishBody(uniqueName("dual"), "AUTO", nlb);
        body.put("acceptanceRequired", false);
        body.put("supportedIpAddressTypes", ipTypes);
        Response created = alice.post("/api/v1/services", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode service = awaitJson(alice, "/api/v1/services/" + created.text("id"),
                s -> !s.get("state").asString().equals("PUBLISHING"));
        assertThat(service.get("state").asString()).as(service.toString()).isEqualTo("AVAILABLE");
        return service;
    }

    private OwnConsumer ownConsumer(JsonNode service) {
        ApiClient admin = ApiClient.token(port, users, tokens, "admin");
        String owner = ApiSteps.newUser(port, "ipv6");
        String team = uniqueName("ipv6");
        assertThat(admin.post("/api/v1/teams", Map.of("name", team, "displayName", "IPv6")).status()).isEqualTo(201);
        String teamId = items(admin.get("/api/v1/teams?q=" + team).json()).getFirst().get("id").asString();
        assertThat(admin.post("/api/v1/teams/" + teamId + "/members", Map.of("username", owner, "role", "owner"))
                .status()).isEqualTo(201);
        long random = Long.parseLong(HostileValuesApiIT.freshAccountId());
        // an account id divisible by 6 sees zones a, b, c as use1-az1..az3, the zones of the provider's NLB
        String accountId = String.valueOf(random - random % 6);
        String roleArn = "arn:aws:iam::" + accountId + ":role/LinkportAccess";
        Response registered = admin.post("/api/v1/accounts", Map.of("team", team, "accountId", accountId,
                "displayName", "ipv6", "regions", List.of(REGION), "roleArn", roleArn));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        sandbox.control().createAccount(accountId, "ipv6", List.of(REGION), registered.text("externalId"));
        sandbox.control().enableIpv6(accountId, REGION);
        ApiClient member = ApiClient.basic(port, owner, ApiJourneyIT.PASSWORD);
        String vpc = items(member.get("/api/v1/accounts/" + accountId + "/vpcs?region=" + REGION).json()).getFirst()
                .get("vpcId").asString();
        Set<String> covered = zoneIds(service);
        List<String> subnets = items(member.get("/api/v1/accounts/" + accountId + "/subnets?region=" + REGION
                + "&vpcId=" + vpc).json()).stream()
                .filter(s -> covered.contains(s.get("availabilityZoneId").asString()))
                .map(s -> s.get("subnetId").asString()).sorted().toList();
        assertThat(subnets).hasSize(3);
        String group = items(member.get("/api/v1/accounts/" + accountId + "/security-groups?region=" + REGION
                + "&vpcId=" + vpc).json()).getFirst().get("groupId").asString();
        return new OwnConsumer(owner, member, accountId, new AwsTarget(accountId, REGION, roleArn,
                registered.text("externalId"), null), vpc, subnets, group);
    }
}
