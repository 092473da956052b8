package dev.linkport.worker;

import dev.linkport.approval.service.ApprovalService;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.service.EndpointRequestDetails;
import dev.linkport.consumer.service.EndpointRequestService;
import dev.linkport.consumer.service.SubmitEndpointRequest;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.LoopFixture;
import dev.linkport.support.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Benchmark, not a test (run with {@code ./mvnw verify -Pdevelopment,benchmarks}): how fast requests go from
 * approval to AVAILABLE against the sandbox, whose throttling has AWS's bucket sizes. Prints the
 * figures; asserts only that everything ended AVAILABLE.
 */
@LinkportIntegrationTest
@TestPropertySource(properties = { // the sandbox's default delays, as with ./mvnw spring-boot:run
        "linkport.sandbox.delays.pending-to-available=2s", "linkport.sandbox.delays.deleting-to-deleted=2s",
        "db-scheduler.polling-interval=2s"})
class ApprovalThroughputBenchmark {

    static final int REQUESTS = 50;

    @Autowired TestUsers users;
    @Autowired LoopFixture loop;
    @Autowired EndpointRequestService requests;
    @Autowired ApprovalService approvals;

    @Test
    void fiftyRequestsApprovedAtOnce() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.ADMIN, "payments-ledger");

        // One request alone first: approval → AVAILABLE latency.
        SubmitEndpointRequest single = loop.requestFor("bob", LoopFixture.BOB_ACCOUNT, service);
        UUID one = users.as("bob", () -> requests.submit(single)).id();
        long t0 = System.nanoTime();
        users.run("admin", () -> approvals.approve(one, "benchmark"));
        loop.awaitState("bob", one, EndpointState.AVAILABLE, Duration.ofMinutes(2));
        System.out.printf("%nBENCHMARK single request: approval → AVAILABLE in %d ms%n", (System.nanoTime() - t0) / 1_000_000);

        // Fifty requests, half from each consumer account, approved in one bulk action.
        SubmitEndpointRequest fromBob = loop.requestFor("bob", LoopFixture.BOB_ACCOUNT, service);
        SubmitEndpointRequest fromCarol = loop.requestFor("carol", LoopFixture.CAROL_ACCOUNT, service);
        List<UUID> ids = new ArrayList<>();
        Map<UUID, String> owner = new HashMap<>();
        for (int i = 0; i < REQUESTS; i++) {
            boolean bob = i % 2 == 0;
            UUID id = users.as(bob ? "bob" : "carol", () -> requests.submit(bob ? fromBob : fromCarol)).id();
            ids.add(id);
            owner.put(id, bob ? "bob" : "carol");
        }
        long start = System.nanoTime();
        users.run("admin", () -> approvals.approveAll(ids, "benchmark"));
        long approvedMs = (System.nanoTime() - start) / 1_000_000;
        for (UUID id : ids) {
            loop.awaitState(owner.get(id), id, EndpointState.AVAILABLE, Duration.ofMinutes(10));
        }
        // Exact times from each request's timeline: approval → AVAILABLE.
        List<Long> latencies = new ArrayList<>();
        java.time.Instant firstApproval = null;
        List<java.time.Instant> availableAt = new ArrayList<>();
        for (UUID id : ids) {
            EndpointRequestDetails view = users.as(owner.get(id), () -> requests.detail(id));
            java.time.Instant approved = at(view, "APPROVED");
            java.time.Instant available = at(view, "AVAILABLE");
            firstApproval = firstApproval == null || approved.isBefore(firstApproval) ? approved : firstApproval;
            availableAt.add(available);
            latencies.add(Duration.between(approved, available).toMillis());
        }
        latencies.sort(Long::compare);
        availableAt.sort(java.time.Instant::compareTo);
        System.out.printf("BENCHMARK %d requests (25 per consumer account) approved in one bulk action in %d ms%n",
                REQUESTS, approvedMs);
        for (int n = 10; n <= REQUESTS; n += 10) {
            System.out.printf("BENCHMARK   %2d AVAILABLE %6d ms after the first approval%n", n,
                    Duration.between(firstApproval, availableAt.get(n - 1)).toMillis());
        }
        System.out.printf("BENCHMARK   approval → AVAILABLE: median %d ms, 90th %d ms, max %d ms%n",
                latencies.get(latencies.size() / 2), latencies.get(latencies.size() * 9 / 10), latencies.getLast());
        System.out.printf("BENCHMARK   throughput %.2f endpoints/s (CreateVpcEndpoint bucket per account: "
                + "AWS 4 burst + 0.3/s, Linkport keeps 80%%)%n",
                REQUESTS * 1000.0 / Duration.between(firstApproval, availableAt.getLast()).toMillis());
    }

    private static java.time.Instant at(EndpointRequestDetails view, String state) {
        return view.timeline().stream().filter(t -> t.to().equals(state)).map(EndpointRequestDetails.TimelineEntry::at)
                .reduce((a, b) -> b).orElseThrow();
    }
}
