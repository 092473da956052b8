package dev.linkport.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.linkport.api.ApiClient;
import dev.linkport.api.ApiClient.Response;
import dev.linkport.api.ApiSteps;
import dev.linkport.chaos.ChaosCluster.Instance;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chaos runs, not unit tests (run with {@code ./mvnw verify -Pdevelopment,chaos}): real processes — PostgreSQL,
 * the AWS sandbox on its own, two Linkport instances — and real faults: {@code kill -9} of an instance in the
 * middle of provisioning, a rolling restart (SIGTERM, start again), AWS throttling and 500s on every call, the
 * sandbox ("AWS") gone for a minute, PostgreSQL restarted. After each: every request {@code AVAILABLE}, exactly one
 * endpoint per request in AWS, no job left with a dead instance. Prints the figures.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProvisioningChaos {

    static final String REGION = "us-east-1";
    static final String PASSWORD = "linkport-demo";
    static final int ACCOUNTS = 20;

    static ChaosCluster cluster;
    static Instance first;
    static Instance second;
    static String serviceId;
    static long nextAccount = 700_000_000_000L;
    static final List<String> figures = new ArrayList<>();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = new ChaosCluster(Path.of("target", "chaos"));
        cluster.startPostgres();
        cluster.startSandbox();
        first = cluster.startInstance("instance-1"); // the first start migrates and seeds the demo users
        second = cluster.startInstance("instance-2");
        ApiClient alice = ApiClient.basic(first.port, "alice", PASSWORD);
        Response created = alice.post("/api/v1/services",
                ApiSteps.publishBody("chaos-ledger", "ADMIN", ApiSteps.loadBalancerArn(alice, "payments-ledger")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        serviceId = created.text("id");
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> "AVAILABLE".equals(alice.get("/api/v1/services/" + serviceId).text("state")));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        System.out.printf("%nCHAOS figures (requests; time from the fault to all AVAILABLE; duplicates; jobs stranded)%n");
        figures.forEach(f -> System.out.println("CHAOS " + f));
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void aKilledInstancesRequestsFinishOnTheOther() throws Exception {
        List<UUID> ids = submit(60);
        approveThrough(second, ids);
        awaitProgress(ids, 5);
        String deadName = second.schedulerName();
        awaitHolding(deadName);
        Instant fault = Instant.now();
        cluster.kill(second);
        int heldAtKill = pickedBy(deadName);
        Outcome outcome = awaitAllAvailable(ids, fault, Duration.ofSeconds(90));
        // whatever else the dead instance held (reconciliation, say) is taken over too
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> pickedBy(deadName) == 0);
        Duration takenOver = Duration.between(fault, Instant.now());
        int stranded = pickedBy(deadName);
        record("kill -9 of one instance mid-provisioning", ids.size(), outcome, stranded,
                "it held " + heldAtKill + " job(s) at the kill; none left with it " + seconds(takenOver) + " after");
        assertThat(outcome.duplicates()).isZero();
        assertThat(stranded).isZero();
        second = cluster.startInstance("instance-2b");
    }

    @Test
    @Order(2)
    void aRollingRestartHandsRunningWorkOver() throws Exception {
        List<UUID> ids = submit(60);
        approveThrough(second, ids);
        awaitProgress(ids, 5);
        // every AWS call takes 1.5 s from now on, so that the SIGTERM finds steps running, as it would in a
        // deployment against real AWS
        cluster.sandboxSend("POST", "/_sandbox/faults", "{\"action\":\"*\",\"latencyMillis\":1500,\"rate\":1.0}");
        String stoppedName = second.schedulerName();
        Instant fault;
        Instance stopped = second;
        Duration exit;
        try {
            awaitHolding(stoppedName);
            fault = Instant.now();
            exit = cluster.terminate(stopped);
        } finally {
            cluster.sandboxSend("DELETE", "/_sandbox/faults", null);
        }
        int leftAtExit = pickedBy(stoppedName);
        second = cluster.startInstance("instance-2c");
        Outcome outcome = awaitAllAvailable(ids, fault, Duration.ofSeconds(90));
        record("SIGTERM (rolling restart) and start again", ids.size(), outcome, pickedBy(stoppedName),
                "exited " + seconds(exit) + " after SIGTERM with " + leftAtExit + " job(s) still marked as its own; "
                        + stopped.drain());
        assertThat(outcome.duplicates()).isZero();
        assertThat(leftAtExit).as("jobs left marked as the stopped instance's").isZero();
    }

    @Test
    @Order(3)
    void throttlingAndInternalErrorsOnEveryCallDelayButNeverFail() throws Exception {
        List<UUID> ids = submit(100);
        // 5 % of every call answer InternalError (500); of the rest, 30/95 answer RequestLimitExceeded (503):
        // 30 % of all calls
        cluster.sandboxSend("POST", "/_sandbox/faults",
                "{\"action\":\"*\",\"errorCode\":\"InternalError\",\"httpStatus\":500,\"rate\":0.05}");
        cluster.sandboxSend("POST", "/_sandbox/faults",
                "{\"action\":\"*\",\"errorCode\":\"RequestLimitExceeded\",\"httpStatus\":503,\"rate\":0.3158}");
        JsonNode before = JSON.readTree(cluster.sandboxGet("/_sandbox/stats"));
        Instant fault = Instant.now();
        try {
            approveThrough(first, ids);
            Outcome outcome = awaitAllAvailable(ids, fault, Duration.ofMinutes(10));
            JsonNode after = JSON.readTree(cluster.sandboxGet("/_sandbox/stats"));
            long calls = total(after.get("requests")) - total(before.get("requests"));
            long faults = total(after.get("faultsInjected")) - total(before.get("faultsInjected"));
            record("30 % RequestLimitExceeded + 5 % InternalError on every call", ids.size(), outcome, 0,
                    calls + " AWS calls, " + faults + " answered with an injected fault");
            assertThat(outcome.duplicates()).isZero();
        } finally {
            cluster.sandboxSend("DELETE", "/_sandbox/faults", null);
        }
    }

    @Test
    @Order(4)
    void aMinuteWithoutAwsOnlyDelays() throws Exception {
        List<UUID> ids = submit(60);
        approveThrough(first, ids);
        awaitProgress(ids, 5);
        cluster.stopSandbox();
        Instant down = Instant.now();
        // the outage is the scenario: AWS stays away for a minute, and the instances say so meanwhile
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> Duration.between(down, Instant.now()).toSeconds() >= 60
                        && first.awsOutagesLogged() + second.awsOutagesLogged() > 0);
        long said = first.awsOutagesLogged() + second.awsOutagesLogged();
        cluster.startSandbox();
        Instant fault = Instant.now();
        Outcome outcome = awaitAllAvailable(ids, fault, Duration.ofSeconds(120));
        record("the sandbox (AWS) stopped for " + seconds(Duration.between(down, fault)) + ", then started again",
                ids.size(), outcome, 0, "outages announced by the instances: " + said);
        assertThat(said).as("the instances noticed that AWS was away").isPositive();
        assertThat(outcome.duplicates()).isZero();
    }

    @Test
    @Order(5)
    void postgresRestartedUnderLoadIsRiddenOut() throws Exception {
        List<UUID> ids = submit(60);
        approveThrough(first, ids);
        awaitProgress(ids, 5);
        cluster.stopPostgres();
        Instant down = Instant.now();
        // the restart is the scenario: the database is away for ten seconds, and the instances notice
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> Duration.between(down, Instant.now()).toSeconds() >= 10
                        && first.errorsLogged() + second.errorsLogged() > 0);
        cluster.startPostgres();
        Instant fault = Instant.now();
        Outcome outcome = awaitAllAvailable(ids, fault, Duration.ofSeconds(120));
        ApiClient bob = ApiClient.basic(second.port, "bob", PASSWORD);
        Response page = bob.get("/api/v1/endpoint-requests/" + ids.getFirst());
        int login = ApiClient.basic(first.port, "bob", PASSWORD).get("/login").status();
        record("PostgreSQL stopped for " + seconds(Duration.between(down, fault)) + " and started again",
                ids.size(), outcome, 0, "afterwards: API " + page.status() + ", sign-in page " + login);
        assertThat(page.status()).isEqualTo(200);
        assertThat(login).isEqualTo(200);
        assertThat(outcome.duplicates()).isZero();
    }

    // ------------------------------------------------------------------ steps

    /** {@code count} requests for the chaos service from fresh consumer accounts, a few per account. */
    private static List<UUID> submit(int count) throws Exception {
        List<String> accounts = new ArrayList<>();
        while (accounts.size() < ACCOUNTS) {
            nextAccount++;
            if (nextAccount % 6 == 0) { // its zones a, b, c are use1-az1..az3, as the provider's
                String id = String.valueOf(nextAccount);
                cluster.sandboxSend("POST", "/_sandbox/accounts",
                        "{\"accountId\":\"" + id + "\",\"name\":\"chaos-" + id + "\",\"regions\":[\"" + REGION + "\"]}");
                register(id);
                accounts.add(id);
            }
        }
        ApiClient bob = ApiClient.basic(first.port, "bob", PASSWORD);
        Set<String> zones = new java.util.HashSet<>();
        ApiClient.basic(first.port, "alice", PASSWORD).get("/api/v1/services/" + serviceId).json()
                .get("availabilityZoneIds").forEach(z -> zones.add(z.asString()));
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String account = accounts.get(i % accounts.size());
            String base = "/api/v1/accounts/" + account;
            // a VPC of its own: a VPC takes one request per service
            String vpc = JSON.readTree(cluster.sandboxSend("POST", "/_sandbox/vpcs", "{\"accountId\":\"" + account
                    + "\",\"region\":\"" + REGION + "\",\"name\":\"chaos\"}")).get("vpcId").asString();
            List<String> subnets = new ArrayList<>();
            for (JsonNode subnet : bob.get(base + "/subnets?region=" + REGION + "&vpcId=" + vpc).json().get("items")) {
                if (zones.contains(subnet.get("availabilityZoneId").asString())) {
                    subnets.add(subnet.get("subnetId").asString());
                }
            }
            String group = bob.get(base + "/security-groups?region=" + REGION + "&vpcId=" + vpc).json().get("items")
                    .get(0).get("groupId").asString();
            Response created = bob.post("/api/v1/endpoint-requests",
                    ApiSteps.requestBody(serviceId, account, vpc, subnets, group));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            ids.add(UUID.fromString(created.text("id")));
        }
        return ids;
    }

    /** A consumer account of team checkout, registered the way an owner would in the teams view. */
    private static void register(String accountId) throws SQLException {
        try (Connection c = cluster.connect()) {
            c.setAutoCommit(false);
            UUID id = UUID.randomUUID();
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into aws_account (id, team_id, account_id, display_name, role_arn, external_id, created_at,
                                             version)
                    select ?, id, ?, ?, ?, ?, now(), 0 from team where name = 'checkout'""")) {
                insert.setObject(1, id);
                insert.setString(2, accountId);
                insert.setString(3, "chaos-" + accountId);
                insert.setString(4, "arn:aws:iam::" + accountId + ":role/LinkportAccess");
                insert.setString(5, "demo-" + accountId);
                insert.executeUpdate();
            }
            try (PreparedStatement region = c.prepareStatement(
                    "insert into aws_account_region (aws_account_id, region) values (?, ?)")) {
                region.setObject(1, id);
                region.setString(2, REGION);
                region.executeUpdate();
            }
            c.commit();
        }
    }

    /** An admin approves every request, one call each, through the given instance. */
    private static void approveThrough(Instance instance, List<UUID> ids) {
        ApiClient admin = ApiClient.basic(instance.port, "admin", PASSWORD);
        for (UUID id : ids) {
            Response approved = admin.post("/api/v1/endpoint-requests/" + id + "/approve", Map.of("reason", "chaos"));
            assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        }
    }

    /** Waits until provisioning is under way: at least {@code available} requests are AVAILABLE, not all. */
    private static void awaitProgress(List<UUID> ids, int available) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> states(ids).getOrDefault("AVAILABLE", 0L) >= available);
        Map<String, Long> states = states(ids);
        assertThat(states.getOrDefault("AVAILABLE", 0L)).as("the fault comes in the middle: %s", states)
                .isLessThan(ids.size());
    }

    /** Waits for a moment when the instance is running job steps, so that the fault hits work in progress. */
    private static void awaitHolding(String schedulerName) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                .until(() -> pickedBy(schedulerName, "and task_name not in ('reconcile', 'redeliver-events')") > 0);
    }

    /** The figures of one run. */
    record Outcome(Duration afterFault, Map<String, Long> states, int duplicates, int missing) {
    }

    private static Outcome awaitAllAvailable(List<UUID> ids, Instant fault, Duration within) throws SQLException {
        AtomicLong lastReport = new AtomicLong(System.nanoTime());
        await().atMost(within.plusSeconds(30)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
            Map<String, Long> states = states(ids);
            if (System.nanoTime() - lastReport.get() > 10_000_000_000L) {
                System.out.printf("CHAOS   %3d s after the fault: %s%n", Duration.between(fault, Instant.now())
                        .toSeconds(), states);
                lastReport.set(System.nanoTime());
            }
            return states.getOrDefault("AVAILABLE", 0L) + states.getOrDefault("FAILED", 0L) == ids.size();
        });
        Map<String, Long> states = states(ids);
        Instant last = lastAvailable(ids);
        Map<String, Integer> endpoints = endpointsPerRequest(ids);
        int duplicates = endpoints.values().stream().mapToInt(n -> Math.max(0, n - 1)).sum();
        int missing = (int) ids.stream().filter(id -> !endpoints.containsKey(id.toString())).count();
        Outcome outcome = new Outcome(Duration.between(fault, last), states, duplicates, missing);
        assertThat(states).as("every request AVAILABLE").containsExactly(Map.entry("AVAILABLE", (long) ids.size()));
        assertThat(outcome.afterFault()).as("all AVAILABLE within %s of the fault", within).isLessThanOrEqualTo(within);
        assertThat(missing).as("requests without an endpoint in AWS").isZero();
        return outcome;
    }

    private static Map<String, Long> states(List<UUID> ids) {
        try (Connection c = cluster.connect();
             PreparedStatement s = c.prepareStatement(
                     "select state, count(*) from endpoint_request where id = any(?) group by state")) {
            Array array = c.createArrayOf("uuid", ids.toArray());
            s.setArray(1, array);
            Map<String, Long> states = new TreeMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    states.put(rs.getString(1), rs.getLong(2));
                }
            }
            return states;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant lastAvailable(List<UUID> ids) throws SQLException {
        try (Connection c = cluster.connect();
             PreparedStatement s = c.prepareStatement("""
                     select max(occurred_at) from endpoint_request_transition
                     where request_id = any(?) and to_state = 'AVAILABLE'""")) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                Timestamp at = rs.getTimestamp(1);
                return at.toInstant();
            }
        }
    }

    /** How many endpoints AWS holds for each request (the request id is the endpoint's ClientToken). */
    private static Map<String, Integer> endpointsPerRequest(List<UUID> ids) {
        Set<String> wanted = new java.util.HashSet<>();
        ids.forEach(id -> wanted.add(id.toString()));
        Map<String, Integer> counts = new HashMap<>();
        JsonNode endpoints = JSON.readTree(cluster.sandboxGet("/_sandbox/state")).get("endpoints");
        for (JsonNode endpoint : endpoints) {
            JsonNode token = endpoint.get("clientToken");
            boolean live = !Set.of("deleted", "deleting", "failed", "rejected")
                    .contains(endpoint.get("state").asString());
            if (live && token != null && wanted.contains(token.asString())) {
                counts.merge(token.asString(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Jobs that the named scheduler (instance) has marked as its own. */
    private static int pickedBy(String schedulerName) throws SQLException {
        return pickedBy(schedulerName, "");
    }

    private static int pickedBy(String schedulerName, String andWhere) throws SQLException {
        try (Connection c = cluster.connect();
             PreparedStatement s = c.prepareStatement(
                     "select count(*) from scheduled_tasks where picked and picked_by = ? " + andWhere)) {
            s.setString(1, schedulerName);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void record(String scenario, int requests, Outcome outcome, int stranded, String note) {
        String line = String.format("%-62s %4d requests; all AVAILABLE %6s after the fault; duplicates %d; "
                        + "jobs stranded %d (%s)", scenario, requests, seconds(outcome.afterFault()),
                outcome.duplicates(), stranded, note);
        figures.add(line);
        System.out.println("CHAOS " + line);
    }

    /** A count, or the sum of the counts per action. */
    private static long total(JsonNode counts) {
        if (counts.isNumber()) {
            return counts.asLong();
        }
        long sum = 0;
        for (JsonNode count : counts) {
            sum += total(count);
        }
        return sum;
    }

    private static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }
}
