package dev.linkport.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.sandbox.SandboxLifecycle;
import dev.linkport.sandbox.SandboxStats;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.ScaleSeed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Benchmark, not a test (run with {@code ./mvnw verify -Pdevelopment,benchmarks -Dit.test=ReconcileBenchmark}): reconciling
 * 10,000 endpoint services with 3 connections each over 100 provider accounts, against the sandbox with AWS's
 * throttling; then with 100,000 listings in the database. The services and endpoints are seeded straight into the
 * sandbox, the listings and the requests the endpoints belong to straight into the database (both as Linkport
 * would have left them). Prints the AWS calls per action and the time of each run.
 */
@LinkportIntegrationTest
// Tests reconcile only when asked (interval 1h); principals within 60 h is then the share per run of the defaults
// (every 60 s, principals within 1 h): a sixtieth of each account's services
@TestPropertySource(properties = "linkport.reconcile.permissions-every=60h")
class ReconcileBenchmark {

    static final int PROVIDERS = 100;
    static final int SERVICES_EACH = 100;
    static final int CONNECTIONS = 3;
    static final int CONSUMERS = 100;
    static final String REGION = "us-east-1";

    @Autowired ScaleSeed seed;
    @Autowired SandboxLifecycle sandbox;
    @Autowired Reconciler reconciler;
    @Autowired JdbcClient jdbc;

    @Test
    void tenThousandServicesOfAHundredAccountsThenAHundredThousandListings() {
        long t0 = System.nanoTime();
        List<String> consumers = new ArrayList<>();
        for (int c = 0; c < CONSUMERS; c++) {
            String id = String.format("7%011d", c * 6L); // a, b, c are use1-az1..az3, as the providers'
            seed.account(id, "checkout", List.of(REGION));
            consumers.add(id);
        }
        List<String> endpoints = new ArrayList<>();
        List<String> endpointServices = new ArrayList<>();
        List<String> endpointOwners = new ArrayList<>();
        List<String> all = new ArrayList<>();
        ScaleSeed.Provider first = null;
        for (int p = 0; p < PROVIDERS; p++) {
            ScaleSeed.Provider provider = seed.provider(String.format("8%011d", p * 6L), REGION);
            first = first == null ? provider : first;
            List<String> services = seed.services(provider, SERVICES_EACH);
            all.addAll(services);
            for (int s = 0; s < services.size(); s++) {
                String consumer = consumers.get((p * SERVICES_EACH + s) % CONSUMERS);
                for (String endpoint : sandbox.control().seedConnections(services.get(s), consumer, CONNECTIONS)) {
                    endpoints.add(endpoint);
                    endpointServices.add(services.get(s));
                    endpointOwners.add(consumer);
                }
            }
        }
        // the requests Linkport made these endpoints for, AVAILABLE
        jdbc.sql("""
                        insert into endpoint_request (id, listing_id, consumer_account_id, consumer_team_id, requester_id,
                            region, vpc_id, justification, state, vpc_endpoint_id, created_at, updated_at, version)
                        select gen_random_uuid(), l.id, a.id, a.team_id, u.id, ?,
                               'vpc-' || substr(md5(e.endpoint), 1, 17), 'Seeded for scale',
                               'AVAILABLE', e.endpoint, now(), now(), 0
                        from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[])) as e(endpoint, service, owner)
                        join service_listing l on l.aws_service_id = e.service
                        join aws_account a on a.account_id = e.owner
                        join app_user u on u.username = 'bob'""")
                .params(REGION, endpoints.toArray(String[]::new), endpointServices.toArray(String[]::new),
                        endpointOwners.toArray(String[]::new))
                .update();
        System.out.printf("%nBENCHMARK reconcile setup: %d services of %d provider accounts, %d endpoints of %d consumer "
                        + "accounts (all Linkport's requests), seeded in %d s%n", all.size(), PROVIDERS, endpoints.size(),
                CONSUMERS, (System.nanoTime() - t0) / 1_000_000_000);

        run("first run (every connection new to Linkport)");
        run("second run (nothing changed)");

        List<String> more = seed.services(first, 100_000 - all.size());
        try {
            long listings = jdbc.sql("select count(*) from service_listing").query(Long.class).single();
            run("with " + listings + " listings in the database (90,000 more in one provider account)");
        } finally {
            seed.remove(more);
        }
    }

    private void run(String which) {
        SandboxStats before = sandbox.control().stats();
        Reconciler.Report report = reconciler.reconcile();
        SandboxStats after = sandbox.control().stats();
        Map<String, Long> calls = new TreeMap<>();
        after.requests().forEach((action, n) -> {
            long d = n - before.requests(action);
            if (d > 0) {
                calls.put(action, d);
            }
        });
        System.out.printf("BENCHMARK reconcile %s: %d services in %d provider accounts/regions, %d endpoints in %d consumer "
                        + "accounts/regions, principals of %d services read; %d findings, %d errors in %.1f s%n", which,
                report.services(), report.providerRegions(), report.endpoints(), report.accountRegions(),
                report.permissionReads(), report.findings(), report.errors(), report.duration().toMillis() / 1000.0);
        System.out.printf("BENCHMARK   AWS calls %s (total %d), throttled by the sandbox: %d%n", calls,
                calls.values().stream().mapToLong(Long::longValue).sum(), after.throttled() - before.throttled());
        assertThat(report.errors()).isZero();
    }
}
