package dev.linkport.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkport.api.ApiClient;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.consumer.service.EndpointRequestDetails;
import dev.linkport.consumer.service.EndpointRequestService;
import dev.linkport.consumer.service.EndpointUsage;
import dev.linkport.consumer.service.EndpointUsageService;
import dev.linkport.consumer.service.ServiceUsage;
import dev.linkport.consumer.service.SubmitEndpointRequest;
import dev.linkport.consumer.service.UsageWindow;
import dev.linkport.platform.ForbiddenException;
import dev.linkport.platform.NotFoundException;
import dev.linkport.sandbox.SandboxLifecycle;
import dev.linkport.sandbox.SyntheticTraffic;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.LoopFixture;
import dev.linkport.support.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Usage and real cost: synthetic traffic the sandbox serves through CloudWatch's GetMetricData, read with the real
 * SDK client for a provisioned endpoint (consumer side) and its service (provider side), with exact sums; and the
 * cost estimate with expected traffic in the REST request detail.
 */
@LinkportIntegrationTest
class EndpointUsageIT {

    @Autowired TestUsers users;
    @Autowired LoopFixture loop;
    @Autowired EndpointRequestService requests;
    @Autowired EndpointUsageService usage;
    @Autowired SandboxLifecycle sandbox;
    @LocalServerPort int port;

    @Test
    void aProvisionedEndpointsHourlyTrafficComesFromCloudWatchWithExactSumsForConsumerAndProvider() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.AUTO, "payments-ledger");
        SubmitEndpointRequest command = loop.requestFor("bob", LoopFixture.BOB_ACCOUNT, service);
        EndpointRequestDetails submitted = users.as("bob", () -> requests.submit(command));
        EndpointRequestDetails available = loop.awaitState("bob", submitted.id(), EndpointState.AVAILABLE,
                Duration.ofSeconds(60));
        String endpointId = available.vpcEndpointId();
        // three whole hours of history before the current one
        Instant currentHour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        assertThat(sandbox.control().backdateEndpoint(endpointId, currentHour.minus(Duration.ofHours(3)))).isTrue();

        EndpointUsage day = users.as("bob", () -> usage.endpointUsage(submitted.id(), UsageWindow.LAST_24_HOURS));

        long scale = SyntheticTraffic.scale(endpointId);
        List<Long> expected = List.of(3, 2, 1).stream().map(h -> currentHour.minus(Duration.ofHours(h)))
                .map(h -> 60 * SyntheticTraffic.BYTES_PER_MINUTE_UNIT * scale * SyntheticTraffic.wave(h)).toList();
        assertThat(day.periods()).hasSize(24).last().isEqualTo(currentHour);
        assertThat(day.bytes().subList(0, 20)).containsOnly(0L);
        assertThat(day.bytes().subList(20, 23)).isEqualTo(expected);
        assertThat(day.newConnections().subList(20, 23)).isEqualTo(expected.stream()
                .map(b -> b / SyntheticTraffic.BYTES_PER_MINUTE_UNIT).toList());
        assertThat(day.monthToDateCost()).isPositive();
        // bob's VPC has subnets in two of the service's zones
        assertThat(day.costExplanation()).startsWith("2 zones × ");

        ServiceUsage byConsumer = users.as("alice", () -> usage.serviceUsage(service.id(), UsageWindow.LAST_24_HOURS));
        assertThat(byConsumer.consumers()).singleElement().satisfies(c -> {
            assertThat(c.vpcEndpointId()).isEqualTo(endpointId);
            assertThat(c.accountId()).isEqualTo(LoopFixture.BOB_ACCOUNT);
            assertThat(c.bytes().subList(20, 23)).isEqualTo(expected);
            assertThat(c.totalBytes()).isEqualTo(day.totalBytes());
        });
        assertThatThrownBy(() -> users.as("carol", () -> usage.endpointUsage(submitted.id(), UsageWindow.LAST_30_DAYS)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> users.as("bob", () -> usage.serviceUsage(service.id(), UsageWindow.LAST_24_HOURS)))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void theRestRequestDetailCarriesTheExpectedTrafficAndTheEstimateBuiltOnIt() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.ADMIN, "payments-ledger");
        SubmitEndpointRequest base = loop.requestFor("bob", LoopFixture.BOB_ACCOUNT, service);
        ApiClient bob = ApiClient.basic(port, "bob", "linkport-demo");
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("serviceId", service.id().toString());
        body.put("accountId", base.accountId());
        body.put("region", base.region());
        body.put("vpcId", base.vpcId());
        body.put("subnetIds", base.subnetIds());
        body.put("securityGroupIds", base.securityGroupIds());
        body.put("justification", "Checkout needs the ledger");
        body.put("expectedGbPerMonth", 250);

        ApiClient.Response created = bob.post("/api/v1/endpoint-requests", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode detail = bob.get("/api/v1/endpoint-requests/" + created.text("id")).json();

        // 2 zones (bob's subnets in the service's zones) × $0.01 × 730 h = $14.60, 250 GB × $0.01 = $2.50
        assertThat(base.subnetIds()).hasSize(2);
        assertThat(detail.get("expectedGbPerMonth").asInt()).isEqualTo(250);
        JsonNode estimate = detail.get("costEstimate");
        assertThat(estimate.get("zones").asInt()).isEqualTo(2);
        assertThat(estimate.get("endpointHours").decimalValue()).isEqualByComparingTo("14.60");
        assertThat(estimate.get("dataProcessing").decimalValue()).isEqualByComparingTo("2.50");
        assertThat(estimate.get("interRegionTransfer").decimalValue()).isEqualByComparingTo("0");
        assertThat(estimate.get("monthly").decimalValue()).isEqualByComparingTo("17.10");
        assertThat(estimate.get("crossRegion").asBoolean()).isFalse();

        body.put("expectedGbPerMonth", -1);
        ApiClient.Response refused = bob.post("/api/v1/endpoint-requests", body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.raw()).contains("expectedGbPerMonth");
    }
}
