package dev.linkport.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.support.Browser;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.ScaleSeed;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark, not a test (run with {@code ./mvnw verify -Pdevelopment,benchmarks -Dit.test=SessionMemoryBenchmark}):
 * how much heap a signed-in person costs. Dora is in the consumer team checkout (500 endpoint requests into
 * its account, 100 of them waiting for a decision) and in the provider team payments, which decides them.
 * Twice N browser sessions (headless Chromium, {@code -Dsessions=N}, default 15) each sign in and move, in one
 * tab through the side navigation, from the catalog to My endpoints, Approvals and back to the catalog. The
 * heap after full GC grows by the cost of N sessions in each half; the second half's growth, divided by N,
 * is the figure (the first half also fills caches that every session shares: it is printed too). Vaadin runs
 * in development mode here, with its component tracker off as in production (application-test.yaml).
 * Prints the figure (with {@code -Dhistogram=true} also the classes that grew most per session); asserts only
 * that every session really showed the three views.
 */
@LinkportIntegrationTest
class SessionMemoryBenchmark {

    static final int SESSIONS = Integer.getInteger("sessions", 15);
    static final int SERVICES = 25;
    static final int REQUESTS = 500;
    static final int WAITING = 100;
    static final String USER = "dora";
    static final boolean HISTOGRAM = Boolean.getBoolean("histogram");

    @Autowired ScaleSeed seed;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @LocalServerPort int port;

    static Browser browser;

    @AfterAll
    static void quitBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aSignedInPersonWithFiveHundredEndpointsCostsLittleHeap() {
        seedDoraWithFiveHundredEndpoints();
        browser = Browser.start(port);

        String warmUp = openTheThreeViews(); // loads classes and caches that every session shares
        long before = heapAfterFullGc();
        Map<String, Long> histogramBefore = HISTOGRAM ? histogram() : Map.of();
        Set<String> sessions = new HashSet<>(Set.of(warmUp));
        for (int i = 0; i < SESSIONS; i++) {
            sessions.add(openTheThreeViews());
        }
        long middle = heapAfterFullGc();
        for (int i = 0; i < SESSIONS; i++) {
            sessions.add(openTheThreeViews());
        }
        long after = heapAfterFullGc();
        if (HISTOGRAM) {
            printGrowth(histogramBefore, histogram());
        }

        assertThat(sessions).as("one distinct HTTP session per sign-in").hasSize(2 * SESSIONS + 1);
        long first = (middle - before) / SESSIONS;
        long second = (after - middle) / SESSIONS;
        System.out.printf("%nSessionMemoryBenchmark: 2 x %d sessions of %s (%d endpoint requests, %d waiting for a decision)"
                        + " opening catalog, My endpoints and Approvals%n  heap after full GC: before %,d bytes, after"
                        + " %d sessions %,d bytes, after %d sessions %,d bytes%n  per session: %,d bytes (%.0f KB) in the"
                        + " second %d, %,d bytes (%.0f KB) in the first %d (which also fill caches that all sessions share)%n%n",
                SESSIONS, USER, REQUESTS, WAITING, before, SESSIONS, middle, 2 * SESSIONS, after, second,
                second / 1024.0, SESSIONS, first, first / 1024.0, SESSIONS);
    }

    /** Signs Dora in as a new session and opens the three views; returns the session's cookie. */
    private String openTheThreeViews() {
        browser.driver().manage().deleteAllCookies(); // the earlier session stays alive on the server
        browser.open("/login");
        browser.signIn(USER, "linkport-demo");
        browser.waitForPath("/");
        // one browser tab, moving through the app as a person does: one UI per session
        assertThat(browser.gridRows("catalog-grid")).isNotEmpty();
        browser.click(By.cssSelector("vaadin-side-nav-item[path='my-endpoints']"));
        browser.waitForGridRow("endpoints-grid", "scale-");
        browser.click(By.cssSelector("vaadin-side-nav-item[path='approvals']"));
        browser.waitForGridRow("approvals-grid", "scale-");
        browser.click(By.cssSelector("vaadin-side-nav-item[path='catalog']"));
        assertThat(browser.gridRows("catalog-grid")).isNotEmpty();
        Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
        assertThat(session).as("session cookie").isNotNull();
        return session.getValue();
    }

    /**
     * Live objects' bytes by class, from the JVM's own diagnostic command (GC.class_histogram, which
     * collects first), in process: jcmd attaching to this JVM from outside hung here.
     */
    private static Map<String, Long> histogram() {
        try {
            String out = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            Map<String, Long> bytes = new HashMap<>();
            out.lines().map(String::trim).filter(l -> l.matches("\\d+:.*")).map(l -> l.split("\\s+"))
                    .filter(f -> f.length >= 4)
                    .forEach(f -> bytes.merge(f[3], Long.parseLong(f[2]), Long::sum));
            return bytes;
        } catch (javax.management.JMException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The classes whose live bytes grew most per session. */
    private static void printGrowth(Map<String, Long> before, Map<String, Long> after) {
        System.out.println("Growth per session by class (-Dhistogram=true):");
        after.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(30)
                .forEach(e -> System.out.printf("  %,10d  %s%n", e.getValue() / (2 * SESSIONS), e.getKey()));
    }

    /** Used heap after full collections, once it stops shrinking. */
    private static long heapAfterFullGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            memory.gc();
            long now = memory.getHeapMemoryUsage().getUsed();
            if (now >= used - 64 * 1024) {
                return Math.min(now, used);
            }
            used = now;
        }
        return used;
    }

    private void seedDoraWithFiveHundredEndpoints() {
        ScaleSeed.Provider provider = seed.provider("777700000001", "us-east-1");
        List<String> services = seed.services(provider, SERVICES);
        tx.executeWithoutResult(status -> {
            String[] ids = services.toArray(String[]::new);
            jdbc.sql("update service_listing set approval_policy = 'PROVIDER' where aws_service_id = any(?)")
                    .param(ids).update();
            UUID dora = UUID.randomUUID();
            jdbc.sql("""
                            insert into app_user (id, username, display_name, email, password_hash, platform_admin,
                                                  enabled, created_at, version)
                            select ?, ?, 'Dora (checkout, payments)', 'dora@example.com', password_hash, false, true,
                                   now(), 0 from app_user where username = 'bob'""")
                    .params(dora, USER).update();
            jdbc.sql("""
                            insert into team_membership (id, team_id, user_id, role, created_at, version)
                            select gen_random_uuid(), id, ?, 'MEMBER', now(), 0 from team
                            where name in ('checkout', 'payments')""")
                    .param(dora).update();
            jdbc.sql("""
                            insert into endpoint_request (id, listing_id, consumer_account_id, consumer_team_id,
                                requester_id, region, vpc_id, private_dns_enabled, justification, state, created_at,
                                updated_at, version)
                            select gen_random_uuid(), l.id, a.id, a.team_id, ?, 'us-east-1',
                                   'vpc-' || lpad(to_hex(n), 8, '0'), false,
                                   'Checkout calls it for order ' || n || '; needed for the seasonal sale',
                                   case when n <= ? then 'SUBMITTED' else 'AVAILABLE' end,
                                   now() - make_interval(mins => n), now() - make_interval(mins => n), 0
                            from generate_series(1, ?) n
                            join aws_account a on a.account_id = '222222222222'
                            join (select id, row_number() over (order by id) - 1 as i from service_listing
                                  where aws_service_id = any(?)) l on l.i = n % ?""")
                    .params(dora, WAITING, REQUESTS, ids, SERVICES).update();
            jdbc.sql("""
                            insert into endpoint_request_subnet (request_id, subnet_id)
                            select r.id, s from endpoint_request r, unnest(array['subnet-a', 'subnet-b']) s
                            where r.requester_id = ?""")
                    .param(dora).update();
            jdbc.sql("""
                            insert into endpoint_request_transition (request_id, from_state, to_state, actor_id,
                                                                     actor_name, reason, occurred_at)
                            select r.id, t.from_state, t.to_state, ?, 'dora', 'seeded', r.created_at
                            from endpoint_request r cross join (values (cast(null as varchar), 'SUBMITTED'), ('SUBMITTED', 'APPROVED'),
                                ('APPROVED', 'PROVISIONING'), ('PROVISIONING', 'AVAILABLE')) t(from_state, to_state)
                            where r.requester_id = ? and (r.state = 'AVAILABLE' or t.to_state = 'SUBMITTED')""")
                    .params(dora, dora).update();
        });
    }
}
