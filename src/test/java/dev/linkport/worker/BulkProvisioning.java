package dev.linkport.worker;

import static org.awaitility.Awaitility.await;

import dev.linkport.approval.service.ApprovalService;
import dev.linkport.aws.ratelimit.ApiBucket;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.service.EndpointRequestService;
import dev.linkport.sandbox.SandboxLifecycle;
import dev.linkport.sandbox.SandboxStats;
import dev.linkport.support.LoopFixture;
import dev.linkport.support.ScaleSeed;
import dev.linkport.support.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * For the provisioning benchmarks: fresh consumer accounts, many requests to services that need acceptance
 * approved in one bulk action, and the figures of the run (time, AWS's ceiling for the same work, calls and
 * throttles the sandbox saw).
 */
@TestComponent
class BulkProvisioning {

    static final String REGION = "us-east-1";
    /** How long AWS (the sandbox) takes from {@code pending} to {@code available} in the benchmarks. */
    static final Duration AWS_PENDING = Duration.ofSeconds(2);

    private final TestUsers users;
    private final LoopFixture loop;
    private final ScaleSeed seed;
    private final EndpointRequestService requests;
    private final ApprovalService approvals;
    private final SandboxLifecycle sandbox;
    private final JdbcClient jdbc;
    private long nextAccount = 600_000_000_000L;

    BulkProvisioning(TestUsers users, LoopFixture loop, ScaleSeed seed, EndpointRequestService requests,
                     ApprovalService approvals, SandboxLifecycle sandbox, JdbcClient jdbc) {
        this.users = users;
        this.loop = loop;
        this.seed = seed;
        this.requests = requests;
        this.approvals = approvals;
        this.sandbox = sandbox;
        this.jdbc = jdbc;
    }

    /** Fresh consumer accounts of team checkout (bob's), whose subnets lie in the payments services' AZs. */
    List<String> consumers(int count) {
        List<String> ids = new ArrayList<>();
        while (ids.size() < count) {
            nextAccount++;
            if (nextAccount % 6 == 0) { // a, b, c are use1-az1..az3, as the provider's
                String id = String.valueOf(nextAccount);
                seed.account(id, "checkout", List.of(REGION));
                ids.add(id);
            }
        }
        return ids;
    }

    /**
     * {@code perAccount} requests from each account, spread over {@code services} new services with policy ADMIN,
     * approved at once in one bulk action (the accounts interleaved, as people would see them) right after
     * {@code atStart} has run; waits until every one is AVAILABLE or FAILED, calling {@code whileWaiting} every half
     * second.
     */
    Run provision(List<String> accounts, int perAccount, int services, Runnable atStart, Runnable whileWaiting) {
        sandbox.control().settings().pendingToAvailable(AWS_PENDING);
        List<ServiceDetail> published = new ArrayList<>();
        for (int s = 0; s < services; s++) {
            published.add(loop.publishedService(ApprovalPolicy.ADMIN, "payments-ledger"));
        }
        List<UUID> ids = new ArrayList<>();
        for (int a = 0; a < accounts.size(); a++) {
            for (int r = 0; r < perAccount; r++) {
                String account = accounts.get(a);
                ServiceDetail service = published.get((a * perAccount + r) % services);
                ids.add(users.as("bob", () -> requests.submit(loop.requestFor("bob", account, service))).id());
            }
        }
        List<UUID> order = new ArrayList<>();
        for (int r = 0; r < perAccount; r++) {
            for (int a = 0; a < accounts.size(); a++) {
                order.add(ids.get(a * perAccount + r));
            }
        }
        atStart.run();
        SandboxStats before = sandbox.control().stats();
        Instant start = Instant.now();
        for (int from = 0; from < order.size(); from += ApprovalService.MAX_BULK) { // as people would: 100 at a time
            List<UUID> chunk = order.subList(from, Math.min(order.size(), from + ApprovalService.MAX_BULK));
            users.run("admin", () -> approvals.approveAll(chunk, "benchmark"));
        }
        Duration approving = Duration.between(start, Instant.now());
        AtomicLong lastReport = new AtomicLong(System.nanoTime());
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            whileWaiting.run();
            Map<EndpointState, Long> states = states(ids);
            if (System.nanoTime() - lastReport.get() > 15_000_000_000L) {
                System.out.printf("BENCHMARK   %4d s: %s%n", Duration.between(start, Instant.now()).toSeconds(), states);
                lastReport.set(System.nanoTime());
            }
            return states.getOrDefault(EndpointState.AVAILABLE, 0L) + states.getOrDefault(EndpointState.FAILED, 0L)
                    == ids.size();
        });
        SandboxStats after = sandbox.control().stats();
        UUID[] all = ids.toArray(UUID[]::new);
        Instant firstApproved = jdbc.sql("""
                        select min(t.occurred_at) from endpoint_request_transition t
                        where t.request_id = any(?) and t.to_state = 'APPROVED'""")
                .param(all).query(Instant.class).single();
        Instant lastAvailable = jdbc.sql("""
                        select max(t.occurred_at) from endpoint_request_transition t
                        where t.request_id = any(?) and t.to_state = 'AVAILABLE'""")
                .param(all).query(Instant.class).single();
        return new Run(ids.size(), perAccount, approving, Duration.between(firstApproved, lastAvailable), states(ids),
                before, after);
    }

    /** The figures of one bulk run. */
    record Run(int requests, int perAccount, Duration approving, Duration took, Map<EndpointState, Long> states,
               SandboxStats before, SandboxStats after) {

        long failed() {
            return states.getOrDefault(EndpointState.FAILED, 0L);
        }

        long throttled() {
            return after.throttled() - before.throttled();
        }

        double seconds() {
            return took.toMillis() / 1000.0;
        }

        /** AWS's ceiling: each account's burst at once, then one CreateVpcEndpoint per refill; then 2 s to available. */
        double ceilingSeconds() {
            return (perAccount - ApiBucket.VPC_ENDPOINTS.awsBurst()) / ApiBucket.VPC_ENDPOINTS.awsRefillPerSecond()
                    + AWS_PENDING.toMillis() / 1000.0;
        }

        void print() {
            Map<String, Long> calls = new TreeMap<>();
            after.requests().forEach((action, n) -> {
                long d = n - before.requests(action);
                if (d > 0) {
                    calls.put(action, d);
                }
            });
            System.out.printf("BENCHMARK   approved %d requests in %.1f s (bulk action); first approval → last AVAILABLE "
                            + "%.1f s; AWS's ceiling for the same work %.1f s; ratio %.2f (goal ≥ 0.9)%n", requests,
                    approving.toMillis() / 1000.0, seconds(), ceilingSeconds(), ceilingSeconds() / seconds());
            System.out.printf("BENCHMARK   end states %s; failed %d (goal 0); throttled by the sandbox: %d%n", states,
                    failed(), throttled());
            System.out.printf("BENCHMARK   AWS calls %s%n", calls);
        }
    }

    Map<EndpointState, Long> states(List<UUID> ids) {
        Map<EndpointState, Long> states = new TreeMap<>();
        jdbc.sql("select state, count(*) from endpoint_request where id = any(?) group by state")
                .param(ids.toArray(UUID[]::new))
                .query((rs, n) -> states.put(EndpointState.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return states;
    }
}
