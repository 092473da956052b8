package dev.linkport.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.approval.service.ApprovalService;
import dev.linkport.aws.ratelimit.ApiBucket;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.service.EndpointRequestDetails;
import dev.linkport.consumer.service.EndpointRequestService;
import dev.linkport.worker.RequestStatistics.HourlyOutcomes;
import dev.linkport.sandbox.SandboxFault;
import dev.linkport.sandbox.SandboxLifecycle;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.LoopFixture;
import dev.linkport.support.TestUsers;
import dev.linkport.worker.service.OperationsActivity;
import dev.linkport.worker.service.OperationsActivity.Last24Hours;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Prometheus reads Linkport's metrics without a browser session, with the scrape token; and the metrics move as
 * a request goes from submission through approval to an available endpoint.
 */
@LinkportIntegrationTest
class MetricsEndpointIT {

    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort int port;
    @Value("${linkport.metrics.scrape-token}") String token;
    @Autowired MeterRegistry meters;
    @Autowired TestUsers users;
    @Autowired LoopFixture loop;
    @Autowired EndpointRequestService requests;
    @Autowired ApprovalService approvals;
    @Autowired SandboxLifecycle sandbox;
    @Autowired Reconciler reconciler;
    @Autowired OperationsActivity activity;

    @AfterEach
    void clearFaults() {
        sandbox.control().clearFaults();
    }

    @Test
    void prometheusScrapesLinkportMetricsWithTheScrapeTokenAndNoSession() throws Exception {
        HttpResponse<String> scrape = get("Bearer " + token);

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Set-Cookie")).as("a scraper gets no session").isEmpty();
        assertThat(scrape.body())
                .contains("linkport_jobs{kind=\"create-endpoints\",state=\"queued\"}")
                .contains("linkport_jobs{kind=\"provision-endpoint\",state=\"failed\"}")
                .contains("linkport_jobs{kind=\"reconcile\",state=\"running\"}")
                .contains("linkport_drift_open{kind=\"endpoint_gone\"}")
                .contains("linkport_requests_decision_time_seconds_count{outcome=\"approved\"}")
                .contains("linkport_requests_available_time_seconds_count")
                .contains("linkport_requests_moved_total{to=\"available\"}")
                .contains("linkport_aws_throttles_total{bucket=\"VPC_ENDPOINTS\"}")
                .contains("linkport_aws_rate_wait_seconds_count{bucket=\"DESCRIBE\"}")
                .contains("linkport_reconcile_duration_seconds_count{outcome=\"ok\"}");
    }

    @Test
    void withoutTheTokenOrWithAWrongOneTheMetricsAreRefusedWith401NotASignInPage() throws Exception {
        for (String authorization : new String[] {null, "Bearer not-the-scrape-token", "Basic YWRtaW46bGlua3BvcnQtZGVtbw=="}) {
            HttpResponse<String> refused = get(authorization);

            assertThat(refused.statusCode()).as(String.valueOf(authorization)).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertThat(refused.headers().firstValue("Location")).isEmpty();
            assertThat(refused.body()).doesNotContain("linkport_");
        }
    }

    @Test
    void aRequestThroughApprovalToAvailableMovesTheTimersCountersAndTheHourlyActivity() throws Exception {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.ADMIN, "payments-api");
        long decided = timerCount("linkport.requests.decision.time", "outcome", "approved");
        long available = timerCount("linkport.requests.available.time", null, null);
        double movedToAvailable = meters.get("linkport.requests.moved").tag("to", "available").counter().count();
        long creates = timerCount("linkport.aws.calls", "action", "CreateVpcEndpoint", "outcome", "ok");
        long throttledCreates = timerCount("linkport.aws.calls", "action", "CreateVpcEndpoint", "outcome", "throttled");
        double throttles = meters.get("linkport.aws.throttles").tag("bucket", "VPC_ENDPOINTS").counter().count();
        Last24Hours before = users.as("admin", activity::last24Hours);
        // AWS throttles the first CreateVpcEndpoint; the worker tries again later
        sandbox.control().injectFault(new SandboxFault("CreateVpcEndpoint", LoopFixture.CAROL_ACCOUNT,
                "RequestLimitExceeded", 503, 1.0, Duration.ZERO, 1));

        EndpointRequestDetails request = users.as("carol",
                () -> requests.submit(loop.requestFor("carol", LoopFixture.CAROL_ACCOUNT, service)));
        users.run("admin", () -> approvals.approve(request.id(), "fine"));
        loop.awaitState("carol", request.id(), EndpointState.AVAILABLE, Duration.ofSeconds(90));

        assertThat(timerCount("linkport.requests.decision.time", "outcome", "approved")).isEqualTo(decided + 1);
        assertThat(timerCount("linkport.requests.available.time", null, null)).isEqualTo(available + 1);
        assertThat(meters.get("linkport.requests.moved").tag("to", "available").counter().count())
                .isEqualTo(movedToAvailable + 1);
        assertThat(timerCount("linkport.aws.calls", "action", "CreateVpcEndpoint", "outcome", "ok")).isGreaterThan(creates);
        assertThat(timerCount("linkport.aws.calls", "action", "CreateVpcEndpoint", "outcome", "throttled"))
                .isEqualTo(throttledCreates + 1);
        assertThat(meters.get("linkport.aws.throttles").tag("bucket", "VPC_ENDPOINTS").counter().count())
                .isEqualTo(throttles + 1);
        Timer decisionTime = meters.get("linkport.requests.decision.time").tag("outcome", "approved").timer();
        assertThat(decisionTime.max(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();

        // the same figures, per hour, in PostgreSQL for the Operations charts
        Last24Hours after = users.as("admin", activity::last24Hours);
        assertThat(sum(after, HourlyOutcomes::approved)).isGreaterThan(sum(before, HourlyOutcomes::approved));
        assertThat(sum(after, HourlyOutcomes::available)).isGreaterThan(sum(before, HourlyOutcomes::available));
        assertThat(after.decisions().stream().filter(Objects::nonNull).mapToLong(d -> d.decisions()).sum())
                .isGreaterThan(before.decisions().stream().filter(Objects::nonNull).mapToLong(d -> d.decisions()).sum());
        assertThat(after.throttles().get(ApiBucket.VPC_ENDPOINTS).stream().mapToLong(Long::longValue).sum())
                .isEqualTo(before.throttles().get(ApiBucket.VPC_ENDPOINTS).stream().mapToLong(Long::longValue).sum() + 1);

        // and in what Prometheus reads
        String scraped = get("Bearer " + token).body();
        assertThat(scraped).contains("linkport_aws_calls_seconds_count{action=\"CreateVpcEndpoint\",outcome=\"throttled\"}");
    }

    @Test
    void reconciliationRunsAreTimed() {
        long runs = timerCount("linkport.reconcile.duration", "outcome", "ok");

        reconciler.reconcile();

        assertThat(timerCount("linkport.reconcile.duration", "outcome", "ok")).isEqualTo(runs + 1);
    }

    private long sum(Last24Hours hours, ToLongFunction<HourlyOutcomes> count) {
        return hours.outcomes().stream().mapToLong(count).sum();
    }

    private long timerCount(String name, String... tags) {
        var search = meters.find(name);
        for (int i = 0; i + 1 < tags.length; i += 2) {
            if (tags[i] != null) {
                search = search.tag(tags[i], tags[i + 1]);
            }
        }
        return search.timers().stream().mapToLong(Timer::count).sum();
    }

    private HttpResponse<String> get(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
