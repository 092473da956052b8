package dev.linkport.api;

import static dev.linkport.api.ApiSteps.CONSUMER_ACCOUNT;
import static dev.linkport.api.ApiSteps.firstSecurityGroup;
import static dev.linkport.api.ApiSteps.firstVpc;
import static dev.linkport.api.ApiSteps.items;
import static dev.linkport.api.ApiSteps.loadBalancerArn;
import static dev.linkport.api.ApiSteps.publishAndAwait;
import static dev.linkport.api.ApiSteps.publishBody;
import static dev.linkport.api.ApiSteps.requestBody;
import static dev.linkport.api.ApiSteps.subnets;
import static dev.linkport.api.ApiSteps.uniqueName;
import static dev.linkport.api.ApiSteps.zoneIds;
import static dev.linkport.api.HostileValuesApiIT.Kind.BOOLEAN;
import static dev.linkport.api.HostileValuesApiIT.Kind.ENUM;
import static dev.linkport.api.HostileValuesApiIT.Kind.FREE_TEXT;
import static dev.linkport.api.HostileValuesApiIT.Kind.LIST;
import static dev.linkport.api.HostileValuesApiIT.Kind.NUMBER;
import static dev.linkport.api.HostileValuesApiIT.Kind.PASSWORD;
import static dev.linkport.api.HostileValuesApiIT.Kind.PATH;
import static dev.linkport.api.HostileValuesApiIT.Kind.QUERY;
import static dev.linkport.api.HostileValuesApiIT.Kind.SHAPED;
import static dev.linkport.api.HostileValuesApiIT.Kind.TEXT;
import static dev.linkport.api.HostileValuesApiIT.Kind.UUID_VALUE;
import static dev.linkport.api.HostileValuesApiIT.Presence.IF_GIVEN_NOT_BLANK;
import static dev.linkport.api.HostileValuesApiIT.Presence.OPTIONAL;
import static dev.linkport.api.HostileValuesApiIT.Presence.REQUIRED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.api.ApiClient.Response;
import dev.linkport.identity.service.ApiTokenService;
import dev.linkport.sandbox.SandboxLifecycle;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.TestUsers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Feeds every field of every write endpoint of the REST API hostile values — empty, huge, the wrong JSON
 * type, null, control characters, direction overrides, emoji, SQL and script text — and expects a 400
 * problem naming the field with nothing stored, or, where such text is legitimate (free text, names),
 * that it is stored and returned exactly as sent.
 *
 * <p>To cover a new field, add one line to {@link #FIELDS}: endpoint, field, {@link Kind} and
 * {@link Presence}. A new write endpoint also needs its baseline (a valid call) in {@link #targets()};
 * {@link #everyWriteEndpointOfTheApiIsFuzzed()} fails until both exist.
 */
@LinkportIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileValuesApiIT {

    /** What a field holds, which decides which hostile values are legitimate for it. */
    enum Kind {
        /** One-line text people choose (names, summaries): emoji, SQL or script text are stored as written. */
        TEXT,
        /** Multi-line free text (descriptions, justifications, reasons): also line breaks and RTL text. */
        FREE_TEXT,
        /** Text with a shape (ids, ARNs, regions, URLs, team names, ports): anything else is refused. */
        SHAPED,
        /** A password: any characters of a valid length; checked by signing in with it. */
        PASSWORD,
        /** A JSON array of shaped values. */
        LIST,
        /** A UUID in the body. */
        UUID_VALUE,
        ENUM, BOOLEAN, NUMBER,
        /** A path variable: refused (400) or not found (404), never more. */
        PATH,
        /** A query parameter of a write endpoint: as a path variable. */
        QUERY
    }

    /** Whether null and "" are legitimate. */
    enum Presence {
        REQUIRED,
        /** Absent or blank is fine (blank clears, null keeps or defaults). */
        OPTIONAL,
        /** Absent keeps the value; blank is refused. */
        IF_GIVEN_NOT_BLANK
    }

    enum Hostile { EMPTY, HUGE, WRONG_TYPE, NULL, NULL_ELEMENT, CONTROL, LINE_BREAK, RTL_OVERRIDE, EMOJI, SQL, SCRIPT }

    enum Expect { REFUSED, VERBATIM, REFUSED_OR_NOT_FOUND }

    /** One fuzzed field: {@code endpoint} is "METHOD /pattern" as the controllers map it. */
    record Fuzzed(String endpoint, String field, Kind kind, Presence presence, String storedAs,
                  IntFunction<Object> element) {

        Fuzzed storedAs(String property) {
            return new Fuzzed(endpoint, field, kind, presence, property, element);
        }

        /** Distinct valid-looking elements, so that a huge list is refused for its size, not its shape. */
        Fuzzed elements(IntFunction<Object> generator) {
            return new Fuzzed(endpoint, field, kind, presence, storedAs, generator);
        }
    }

    static Fuzzed field(String endpoint, String field, Kind kind, Presence presence) {
        return new Fuzzed(endpoint, field, kind, presence, field, i -> "item-" + i);
    }

    static Fuzzed path(String endpoint, String variable) {
        return field(endpoint, variable, PATH, REQUIRED);
    }

    private static final String ACCOUNTS = "/api/v1/accounts";
    private static final String REQUESTS = "/api/v1/endpoint-requests";
    private static final String SERVICES = "/api/v1/services";
    private static final String SERVICE = "/api/v1/services/{id}";
    private static final String TEAMS = "/api/v1/teams";
    private static final String USERS = "/api/v1/users";

    private static final IntFunction<Object> UUIDS = i -> UUID.randomUUID().toString();

    /** Distinct well-formed network load balancer ARNs (none exists). */
    static Object fuzzedLoadBalancerArn(int i) {
        return "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/fz-" + i + "/0123456789abcdef";
    }

    /** Every fuzzed field of every write endpoint: add a line here for a new field. */
    static final List<Fuzzed> FIELDS = List.of(
            field("POST " + ACCOUNTS, "team", SHAPED, REQUIRED),
            field("POST " + ACCOUNTS, "accountId", SHAPED, REQUIRED),
            field("POST " + ACCOUNTS, "displayName", TEXT, REQUIRED).storedAs("name"),
            field("POST " + ACCOUNTS, "regions", LIST, REQUIRED).elements(i -> "us-east-" + i),
            field("POST " + ACCOUNTS, "roleArn", SHAPED, REQUIRED),
            path("DELETE " + ACCOUNTS + "/{accountId}", "accountId"),
            path("POST " + ACCOUNTS + "/{accountId}/access-check", "accountId"),

            field("POST " + REQUESTS, "serviceId", UUID_VALUE, REQUIRED),
            field("POST " + REQUESTS, "accountId", SHAPED, REQUIRED),
            field("POST " + REQUESTS, "region", SHAPED, REQUIRED),
            field("POST " + REQUESTS, "vpcId", SHAPED, REQUIRED),
            field("POST " + REQUESTS, "subnetIds", LIST, REQUIRED).elements(i -> String.format("subnet-%017x", i)),
            field("POST " + REQUESTS, "securityGroupIds", LIST, OPTIONAL).elements(i -> String.format("sg-%017x", i)),
            field("POST " + REQUESTS, "privateDnsEnabled", BOOLEAN, OPTIONAL),
            field("POST " + REQUESTS, "justification", FREE_TEXT, REQUIRED),
            field("POST " + REQUESTS, "principalRoleArn", SHAPED, OPTIONAL),
            field("POST " + REQUESTS, "ipAddressType", ENUM, OPTIONAL),
            field("POST " + REQUESTS, "dnsRecordIpType", ENUM, OPTIONAL),
            field("POST " + REQUESTS, "expectedGbPerMonth", NUMBER, OPTIONAL),
            field("POST " + REQUESTS + "/approve", "ids", LIST, REQUIRED).elements(UUIDS),
            field("POST " + REQUESTS + "/approve", "reason", FREE_TEXT, OPTIONAL).storedAs("decisionReason"),
            field("POST " + REQUESTS + "/reject", "ids", LIST, REQUIRED).elements(UUIDS),
            field("POST " + REQUESTS + "/reject", "reason", FREE_TEXT, REQUIRED).storedAs("decisionReason"),
            path("POST " + REQUESTS + "/{id}/approve", "id"),
            field("POST " + REQUESTS + "/{id}/approve", "reason", FREE_TEXT, OPTIONAL).storedAs("decisionReason"),
            path("POST " + REQUESTS + "/{id}/reject", "id"),
            field("POST " + REQUESTS + "/{id}/reject", "reason", FREE_TEXT, REQUIRED).storedAs("decisionReason"),
            path("DELETE " + REQUESTS + "/{id}", "id"),
            path("POST " + REQUESTS + "/{id}/retry", "id"),
            path("POST " + REQUESTS + "/{id}/changes", "id"),
            field("POST " + REQUESTS + "/{id}/changes", "subnetIds", LIST, OPTIONAL)
                    .elements(i -> String.format("subnet-%017x", i)),
            field("POST " + REQUESTS + "/{id}/changes", "securityGroupIds", LIST, OPTIONAL)
                    .elements(i -> String.format("sg-%017x", i)),
            field("POST " + REQUESTS + "/{id}/changes", "privateDnsEnabled", BOOLEAN, OPTIONAL),
            // decisions on endpoint changes: the reason is checked as a request decision's (ApprovalService)
            path("POST /api/v1/endpoint-changes/{id}/approve", "id"),
            path("POST /api/v1/endpoint-changes/{id}/reject", "id"),

            path("POST /api/v1/operations/jobs/{task}/{instance}/retry", "task"),
            path("POST /api/v1/operations/jobs/{task}/{instance}/retry", "instance"),

            field("POST " + SERVICES, "name", TEXT, REQUIRED),
            field("POST " + SERVICES, "summary", TEXT, REQUIRED),
            field("POST " + SERVICES, "description", FREE_TEXT, OPTIONAL),
            field("POST " + SERVICES, "tags", LIST, OPTIONAL).elements(i -> "tag-" + i),
            field("POST " + SERVICES, "documentationUrl", SHAPED, OPTIONAL),
            field("POST " + SERVICES, "supportContact", TEXT, OPTIONAL),
            field("POST " + SERVICES, "ports", SHAPED, OPTIONAL),
            field("POST " + SERVICES, "accountId", SHAPED, REQUIRED),
            field("POST " + SERVICES, "region", SHAPED, REQUIRED),
            field("POST " + SERVICES, "loadBalancerArns", LIST, REQUIRED),
            field("POST " + SERVICES, "acceptanceRequired", BOOLEAN, OPTIONAL),
            field("POST " + SERVICES, "approvalPolicy", ENUM, REQUIRED),
            field("POST " + SERVICES, "privateDnsName", SHAPED, OPTIONAL),
            field("POST " + SERVICES, "supportedRegions", LIST, OPTIONAL),
            field("POST " + SERVICES, "visibility", ENUM, OPTIONAL),
            field("POST " + SERVICES, "visibleTeams", LIST, OPTIONAL),
            field("POST " + SERVICES, "supportedIpAddressTypes", LIST, OPTIONAL),
            path("POST " + SERVICE + "/retry", "id"),

            path("POST " + SERVICE + "/principals", "id"),
            field("POST " + SERVICE + "/principals", "arn", SHAPED, REQUIRED),
            field("POST " + SERVICE + "/principals", "confirmWildcard", BOOLEAN, OPTIONAL),
            path("DELETE " + SERVICE + "/principals", "id"),
            field("DELETE " + SERVICE + "/principals", "arn", QUERY, REQUIRED),
            path("POST " + SERVICE + "/connections/{vpcEndpointId}/accept", "id"),
            path("POST " + SERVICE + "/connections/{vpcEndpointId}/accept", "vpcEndpointId"),
            path("POST " + SERVICE + "/connections/{vpcEndpointId}/reject", "id"),
            path("POST " + SERVICE + "/connections/{vpcEndpointId}/reject", "vpcEndpointId"),

            path("PUT " + SERVICE + "/private-dns", "id"),
            field("PUT " + SERVICE + "/private-dns", "name", SHAPED, REQUIRED),
            path("POST " + SERVICE + "/private-dns/verify", "id"),
            path("PATCH " + SERVICE, "id"),
            field("PATCH " + SERVICE, "version", NUMBER, OPTIONAL),
            field("PATCH " + SERVICE, "description", FREE_TEXT, OPTIONAL),
            field("PATCH " + SERVICE, "tags", LIST, OPTIONAL).elements(i -> "tag-" + i),
            field("PATCH " + SERVICE, "documentationUrl", SHAPED, OPTIONAL),
            field("PATCH " + SERVICE, "supportContact", TEXT, OPTIONAL),
            field("PATCH " + SERVICE, "ports", SHAPED, OPTIONAL),
            field("PATCH " + SERVICE, "approvalPolicy", ENUM, OPTIONAL),
            field("PATCH " + SERVICE, "visibility", ENUM, OPTIONAL),
            field("PATCH " + SERVICE, "visibleTeams", LIST, OPTIONAL),
            field("PATCH " + SERVICE, "acceptanceRequired", BOOLEAN, OPTIONAL),
            field("PATCH " + SERVICE, "supportedRegions", LIST, OPTIONAL),
            field("PATCH " + SERVICE, "principalMode", ENUM, OPTIONAL),
            field("PATCH " + SERVICE, "supportedIpAddressTypes", LIST, OPTIONAL),
            field("PATCH " + SERVICE, "changeApproval", ENUM, OPTIONAL),
            path("POST " + SERVICE + "/retire", "id"),
            field("POST " + SERVICE + "/retire", "force", BOOLEAN, OPTIONAL),
            path("DELETE " + SERVICE + "/private-dns", "id"),
            path("POST " + SERVICE + "/load-balancers/preview", "id"),
            field("POST " + SERVICE + "/load-balancers/preview", "version", NUMBER, OPTIONAL),
            field("POST " + SERVICE + "/load-balancers/preview", "addLoadBalancerArns", LIST, OPTIONAL)
                    .elements(HostileValuesApiIT::fuzzedLoadBalancerArn),
            field("POST " + SERVICE + "/load-balancers/preview", "removeLoadBalancerArns", LIST, OPTIONAL)
                    .elements(HostileValuesApiIT::fuzzedLoadBalancerArn),
            path("POST " + SERVICE + "/load-balancers", "id"),
            field("POST " + SERVICE + "/load-balancers", "version", NUMBER, OPTIONAL),
            field("POST " + SERVICE + "/load-balancers", "addLoadBalancerArns", LIST, OPTIONAL)
                    .elements(HostileValuesApiIT::fuzzedLoadBalancerArn),
            field("POST " + SERVICE + "/load-balancers", "removeLoadBalancerArns", LIST, OPTIONAL)
                    .elements(HostileValuesApiIT::fuzzedLoadBalancerArn),
            field("POST " + SERVICE + "/load-balancers", "confirmZoneLoss", BOOLEAN, OPTIONAL),

            field("POST " + TEAMS, "name", SHAPED, REQUIRED),
            field("POST " + TEAMS, "displayName", TEXT, REQUIRED),
            field("POST " + TEAMS, "description", FREE_TEXT, OPTIONAL),
            field("POST " + TEAMS, "provider", BOOLEAN, OPTIONAL),
            path("PATCH " + TEAMS + "/{id}", "id"),
            field("PATCH " + TEAMS + "/{id}", "version", NUMBER, OPTIONAL),
            field("PATCH " + TEAMS + "/{id}", "displayName", TEXT, IF_GIVEN_NOT_BLANK),
            field("PATCH " + TEAMS + "/{id}", "description", FREE_TEXT, OPTIONAL),
            field("PATCH " + TEAMS + "/{id}", "provider", BOOLEAN, OPTIONAL),
            path("POST " + TEAMS + "/{id}/members", "id"),
            field("POST " + TEAMS + "/{id}/members", "username", SHAPED, REQUIRED),
            field("POST " + TEAMS + "/{id}/members", "role", ENUM, REQUIRED),
            path("PUT " + TEAMS + "/{id}/members/{username}", "id"),
            path("PUT " + TEAMS + "/{id}/members/{username}", "username"),
            field("PUT " + TEAMS + "/{id}/members/{username}", "role", ENUM, REQUIRED),
            path("DELETE " + TEAMS + "/{id}/members/{username}", "id"),
            path("DELETE " + TEAMS + "/{id}/members/{username}", "username"),

            field("POST " + USERS, "username", SHAPED, REQUIRED),
            field("POST " + USERS, "displayName", TEXT, REQUIRED),
            field("POST " + USERS, "email", SHAPED, OPTIONAL),
            field("POST " + USERS, "password", PASSWORD, REQUIRED),
            field("POST " + USERS, "platformAdmin", BOOLEAN, OPTIONAL),
            path("POST " + USERS + "/{id}/disable", "id"),
            path("POST " + USERS + "/{id}/enable", "id"),
            path("POST " + USERS + "/{id}/password", "id"),
            field("POST " + USERS + "/{id}/password", "newPassword", PASSWORD, REQUIRED));

    /** What each hostile value is, as JSON (or as text in a path or query). */
    static Object value(Hostile hostile, Fuzzed f) {
        boolean list = f.kind() == LIST;
        boolean inUrl = f.kind() == PATH || f.kind() == QUERY;
        Object text = switch (hostile) {
            case EMPTY -> list ? List.of() : "";
            // beyond 8 KB Tomcat refuses the request line before Linkport sees it
            case HUGE -> list ? IntStream.range(0, 1000).mapToObj(f.element()).toList()
                    : "x".repeat(inUrl ? 4_000 : 100_000);
            case WRONG_TYPE -> inUrl ? "not-an-id" : list ? "not-a-list" : Map.of("nested", List.of(1, 2));
            case NULL -> null;
            case NULL_ELEMENT -> Arrays.asList((Object) null);
            case CONTROL -> "nul\u0000and bell\u0007 inside";
            case LINE_BREAK -> "first line\nsecond line";
            case RTL_OVERRIDE -> "invoice\u202Efdp.exe looks like a pdf";
            case EMOJI -> "Launch \uD83D\uDE80 today \u2728";
            case SQL -> "x'); DROP TABLE service_listing; --";
            case SCRIPT -> "<script>alert(document.cookie)</script>";
        };
        boolean scalarText = hostile.ordinal() >= Hostile.CONTROL.ordinal();
        return list && scalarText ? List.of(text) : text;
    }

    /** What Linkport must answer to one hostile value in one field; null where the value is legitimate input. */
    static Expect expect(Fuzzed f, Hostile h) {
        boolean blank = h == Hostile.EMPTY || h == Hostile.NULL;
        if (f.kind() == PATH || f.kind() == QUERY) {
            return blank || h == Hostile.NULL_ELEMENT ? null : Expect.REFUSED_OR_NOT_FOUND;
        }
        if (h == Hostile.NULL_ELEMENT && f.kind() != LIST) {
            return null;
        }
        if (blank) {
            return switch (f.presence()) {
                case REQUIRED -> Expect.REFUSED;
                case OPTIONAL -> null;
                case IF_GIVEN_NOT_BLANK -> h == Hostile.EMPTY ? Expect.REFUSED : null;
            };
        }
        if (h == Hostile.HUGE || h == Hostile.WRONG_TYPE) {
            return Expect.REFUSED;
        }
        return switch (f.kind()) {
            case TEXT -> h == Hostile.EMOJI || h == Hostile.SQL || h == Hostile.SCRIPT ? Expect.VERBATIM : Expect.REFUSED;
            case FREE_TEXT -> h == Hostile.CONTROL ? Expect.REFUSED : Expect.VERBATIM;
            case PASSWORD -> Expect.VERBATIM;
            default -> Expect.REFUSED;
        };
    }

    /** A call: who sends it where, with which path variables, query and body (null: none). */
    record Call(ApiClient client, String method, String pattern, Map<String, String> pathValues,
                Map<String, String> query, Map<String, Object> body) {

        String path() {
            String path = pattern;
            for (Map.Entry<String, String> v : pathValues.entrySet()) {
                path = path.replace("{" + v.getKey() + "}", encode(v.getValue()));
            }
            if (!query.isEmpty()) {
                path += "?" + query.entrySet().stream().map(e -> e.getKey() + "=" + encode(e.getValue()))
                        .collect(Collectors.joining("&"));
            }
            return path;
        }

        Response send() {
            if (body == null) {
                return switch (method) {
                    case "DELETE" -> client.delete(path());
                    case "POST" -> client.postRaw(path(), null);
                    default -> throw new IllegalStateException(method + " without a body");
                };
            }
            return client.send(method, path(), body);
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }

    /**
     * A write endpoint's baseline: a valid call ({@code fresh}: one whose success changes nothing the
     * next case needs, e.g. a new request to decide), and where the stored result can be read.
     */
    record Target(Function<Boolean, Call> baseline, Function<Outcome, JsonNode> stored, Supplier<String> snapshot) {
    }

    record Outcome(Call call, Response response) {
    }

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired ApiTokenService tokens;
    @Autowired JdbcClient jdbc;
    @Autowired SandboxLifecycle sandbox;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    ApiClient admin;
    ApiClient alice;
    ApiClient bob;
    String serviceId;
    String vpcId;
    String subnetId;
    String groupId;
    Set<String> zones;
    String loadBalancer;
    String bobsTeam;
    String teamId;
    String teamName;
    String memberName;
    String memberId;
    String outsiderName;
    String sharedRequestId;

    @BeforeAll
    void setUp() {
        admin = ApiClient.token(port, users, tokens, "admin");
        alice = ApiClient.token(port, users, tokens, "alice");
        bob = ApiClient.token(port, users, tokens, "bob");
        JsonNode service = publishAndAwait(alice, uniqueName("fuzzed"), "ADMIN", "payments-ledger");
        serviceId = service.get("id").asString();
        loadBalancer = loadBalancerArn(alice, "payments-ledger");
        vpcId = firstVpc(bob);
        zones = zoneIds(service);
        subnetId = subnets(bob, vpcId).stream().filter(s -> zones.contains(s.get("availabilityZoneId").asString()))
                .findFirst().orElseThrow().get("subnetId").asString();
        groupId = firstSecurityGroup(bob, vpcId);
        bobsTeam = items(bob.get(TEAMS).json()).getFirst().get("name").asString();
        teamName = uniqueName("fuzz");
        Response team = admin.post(TEAMS, Map.of("name", teamName, "displayName", "Fuzzed team", "provider", true));
        assertThat(team.status()).as(team.toString()).isEqualTo(201);
        teamId = team.text("id");
        memberName = ApiSteps.newUser(port, "fuzzed");
        outsiderName = ApiSteps.newUser(port, "outsider");
        memberId = items(admin.get(USERS + "?q=" + memberName).json()).getFirst().get("id").asString();
        Response added = admin.post(TEAMS + "/" + teamId + "/members", Map.of("username", memberName, "role", "member"));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        sharedRequestId = newRequest();
    }

    /** A new SUBMITTED request of bob's team for the fuzzed service (policy ADMIN, so it waits). */
    String newRequest() {
        Response r = bob.post(REQUESTS, requestIntoNewVpc());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("id");
    }

    /** A valid request for the fuzzed service into a new VPC of bob's account: a VPC takes one request per service. */
    Map<String, Object> requestIntoNewVpc() {
        String vpc = sandbox.control().addVpc(ApiSteps.CONSUMER_ACCOUNT, ApiSteps.REGION, "fuzzed");
        String subnet = subnets(bob, vpc).stream().filter(s -> zones.contains(s.get("availabilityZoneId").asString()))
                .findFirst().orElseThrow().get("subnetId").asString();
        return requestBody(serviceId, vpc, List.of(subnet), firstSecurityGroup(bob, vpc));
    }

    static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    static Map<String, String> vars(String... pairs) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            vars.put(pairs[i], pairs[i + 1]);
        }
        return vars;
    }

    private Call call(ApiClient client, String endpoint, Map<String, String> pathValues, Map<String, Object> body) {
        String[] parts = endpoint.split(" ", 2);
        return new Call(client, parts[0], parts[1], pathValues, new LinkedHashMap<>(), body);
    }

    private JsonNode get(ApiClient client, String path) {
        Response r = client.get(path);
        assertThat(r.status()).as(path + ": " + r).isEqualTo(200);
        return r.json();
    }

    static String freshAccountId() {
        return "9" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
    }

    /** The baselines of the write endpoints, keyed like {@link Fuzzed#endpoint()}. */
    Map<String, Target> targets() {
        Map<String, Target> t = new LinkedHashMap<>();
        String noRequest = UUID.randomUUID().toString();
        Function<Outcome, JsonNode> none = o -> o.response().json();
        t.put("POST " + ACCOUNTS, new Target(fresh -> {
            String account = freshAccountId();
            return call(admin, "POST " + ACCOUNTS, vars(), body("team", teamName, "accountId", account,
                    "displayName", "Fuzzed account", "regions", List.of("us-east-1"),
                    "roleArn", "arn:aws:iam::" + account + ":role/linkport"));
        }, o -> get(admin, ACCOUNTS + "/" + o.response().text("accountId")), null));
        t.put("DELETE " + ACCOUNTS + "/{accountId}", new Target(fresh -> call(admin, "DELETE " + ACCOUNTS
                + "/{accountId}", vars("accountId", CONSUMER_ACCOUNT), null), none, null));
        t.put("POST " + ACCOUNTS + "/{accountId}/access-check", new Target(fresh -> call(admin, "POST " + ACCOUNTS
                + "/{accountId}/access-check", vars("accountId", CONSUMER_ACCOUNT), null), none, null));

        t.put("POST " + REQUESTS, new Target(fresh -> call(bob, "POST " + REQUESTS, vars(),
                new LinkedHashMap<>(requestIntoNewVpc())),
                o -> get(bob, REQUESTS + "/" + o.response().text("id")), null));
        for (String verb : List.of("approve", "reject")) {
            t.put("POST " + REQUESTS + "/" + verb, new Target(fresh -> {
                String id = fresh ? newRequest() : sharedRequestId;
                return call(admin, "POST " + REQUESTS + "/" + verb, vars(), body("ids", List.of(id), "reason", "Fine"));
            }, o -> get(admin, REQUESTS + "/" + ((List<?>) o.call().body().get("ids")).getFirst()), null));
            t.put("POST " + REQUESTS + "/{id}/" + verb, new Target(fresh -> call(admin, "POST " + REQUESTS + "/{id}/"
                    + verb, vars("id", fresh ? newRequest() : sharedRequestId), body("reason", "Fine")),
                    o -> get(admin, REQUESTS + "/" + o.call().pathValues().get("id")), null));
        }
        t.put("DELETE " + REQUESTS + "/{id}", new Target(fresh -> call(bob, "DELETE " + REQUESTS + "/{id}",
                vars("id", noRequest), null), none, null));
        t.put("POST " + REQUESTS + "/{id}/retry", new Target(fresh -> call(admin, "POST " + REQUESTS + "/{id}/retry",
                vars("id", noRequest), null), none, null));
        // a SUBMITTED request cannot be changed (409): only the fields' own checks can answer 400
        t.put("POST " + REQUESTS + "/{id}/changes", new Target(fresh -> call(bob, "POST " + REQUESTS + "/{id}/changes",
                vars("id", sharedRequestId), body("subnetIds", List.of(subnetId), "securityGroupIds", List.of(groupId),
                        "privateDnsEnabled", false)), none, null));
        // no such change: the path's own checks answer 400, anything else 404; EndpointChangeApprovalIT decides real ones
        for (String verb : List.of("approve", "reject")) {
            t.put("POST /api/v1/endpoint-changes/{id}/" + verb, new Target(fresh -> call(admin,
                    "POST /api/v1/endpoint-changes/{id}/" + verb, vars("id", noRequest), body("reason", "Fine")),
                    none, null));
        }
        t.put("POST /api/v1/operations/jobs/{task}/{instance}/retry", new Target(fresh -> call(admin,
                "POST /api/v1/operations/jobs/{task}/{instance}/retry",
                vars("task", "provision-endpoint", "instance", noRequest), null), none, null));

        t.put("POST " + SERVICES, new Target(fresh -> {
            Map<String, Object> body = new LinkedHashMap<>(publishBody(uniqueName("fuzzed"), "ADMIN", loadBalancer));
            body.put("visibility", "SELECTED_TEAMS");
            body.put("visibleTeams", List.of(bobsTeam));
            return call(alice, "POST " + SERVICES, vars(), body);
        }, o -> get(alice, SERVICES + "/" + o.response().text("id")), null));
        Supplier<String> settings = () -> alice.get(SERVICES + "/" + serviceId + "/settings").raw();
        Supplier<String> serviceState = () -> alice.get(SERVICES + "/" + serviceId).raw();
        t.put("POST " + SERVICE + "/retry", new Target(fresh -> call(alice, "POST " + SERVICE + "/retry",
                vars("id", serviceId), null), none, serviceState));
        t.put("POST " + SERVICE + "/principals", new Target(fresh -> call(alice, "POST " + SERVICE + "/principals",
                vars("id", serviceId), body("arn", "arn:aws:iam::333333333333:root")), none, null));
        t.put("DELETE " + SERVICE + "/principals", new Target(fresh -> {
            Call c = call(alice, "DELETE " + SERVICE + "/principals", vars("id", serviceId), null);
            c.query().put("arn", "arn:aws:iam::444444444444:root");
            return c;
        }, none, null));
        for (String verb : List.of("accept", "reject")) {
            String endpoint = "POST " + SERVICE + "/connections/{vpcEndpointId}/" + verb;
            t.put(endpoint, new Target(fresh -> call(alice, endpoint,
                    vars("id", serviceId, "vpcEndpointId", "vpce-0123456789abcdef0"), null), none, null));
        }
        t.put("PUT " + SERVICE + "/private-dns", new Target(fresh -> call(alice, "PUT " + SERVICE + "/private-dns",
                vars("id", serviceId), body("name", "api.fuzzed.example.com")), none, serviceState));
        t.put("POST " + SERVICE + "/private-dns/verify", new Target(fresh -> call(alice, "POST " + SERVICE
                + "/private-dns/verify", vars("id", serviceId), null), none, serviceState));
        t.put("PATCH " + SERVICE, new Target(fresh -> call(alice, "PATCH " + SERVICE, vars("id", serviceId),
                body("visibility", "SELECTED_TEAMS", "visibleTeams", List.of(bobsTeam))),
                o -> get(alice, SERVICES + "/" + serviceId + "/settings"), settings));
        t.put("POST " + SERVICE + "/retire", new Target(fresh -> call(alice, "POST " + SERVICE + "/retire",
                vars("id", serviceId), body("force", false)), none, serviceState));
        // removing the name of a service that has none is refused (409); a hostile id never gets that far
        t.put("DELETE " + SERVICE + "/private-dns", new Target(fresh -> call(alice, "DELETE " + SERVICE
                + "/private-dns", vars("id", serviceId), null), none, serviceState));
        for (String endpoint : List.of("POST " + SERVICE + "/load-balancers/preview", "POST " + SERVICE
                + "/load-balancers")) {
            t.put(endpoint, new Target(fresh -> call(alice, endpoint, vars("id", serviceId),
                    body("addLoadBalancerArns", List.of(), "removeLoadBalancerArns", List.of())), none, serviceState));
        }

        t.put("POST " + TEAMS, new Target(fresh -> call(admin, "POST " + TEAMS, vars(),
                body("name", uniqueName("fz"), "displayName", "Fuzzed", "description", "A team", "provider", false)),
                o -> get(admin, TEAMS + "/" + o.response().text("id")), null));
        Supplier<String> team = () -> admin.get(TEAMS + "/" + teamId).raw();
        t.put("PATCH " + TEAMS + "/{id}", new Target(fresh -> call(admin, "PATCH " + TEAMS + "/{id}",
                vars("id", teamId), body()), o -> get(admin, TEAMS + "/" + teamId), team));
        t.put("POST " + TEAMS + "/{id}/members", new Target(fresh -> call(admin, "POST " + TEAMS + "/{id}/members",
                vars("id", teamId), body("username", outsiderName, "role", "member")), none, null));
        Supplier<String> member = () -> admin.get(TEAMS + "/" + teamId + "/members/" + memberName).raw();
        t.put("PUT " + TEAMS + "/{id}/members/{username}", new Target(fresh -> call(admin, "PUT " + TEAMS
                + "/{id}/members/{username}", vars("id", teamId, "username", memberName), body("role", "member")),
                none, member));
        t.put("DELETE " + TEAMS + "/{id}/members/{username}", new Target(fresh -> call(admin, "DELETE " + TEAMS
                + "/{id}/members/{username}", vars("id", teamId, "username", memberName), null), none, member));

        t.put("POST " + USERS, new Target(fresh -> call(admin, "POST " + USERS, vars(),
                body("username", uniqueName("fz"), "displayName", "Fuzzed", "password", ApiJourneyIT.PASSWORD)),
                o -> get(admin, USERS + "/" + o.response().text("id")), null));
        Supplier<String> user = () -> admin.get(USERS + "/" + memberId).raw();
        for (String verb : List.of("disable", "enable")) {
            t.put("POST " + USERS + "/{id}/" + verb, new Target(fresh -> call(admin, "POST " + USERS + "/{id}/" + verb,
                    vars("id", memberId), null), none, user));
        }
        t.put("POST " + USERS + "/{id}/password", new Target(fresh -> call(admin, "POST " + USERS + "/{id}/password",
                vars("id", memberId), body("newPassword", ApiJourneyIT.PASSWORD)), none, user));
        return t;
    }

    /** Row counts that any stored write changes, and what people did according to the audit log. */
    private String storedState() {
        return jdbc.sql("""
                select (select count(*) from audit_event where actor_id is not null) || ' audit, '
                    || (select count(*) from app_user) || ' users, ' || (select count(*) from team) || ' teams, '
                    || (select count(*) from team_membership) || ' memberships, '
                    || (select count(*) from aws_account) || ' accounts, '
                    || (select count(*) from service_listing) || ' services, '
                    || (select count(*) from endpoint_request) || ' requests, '
                    || (select count(*) from endpoint_request where state <> 'SUBMITTED') || ' decided, '
                    || (select count(*) from allowed_principal where source = 'MANUAL') || ' manual principals'
                """).query(String.class).single();
    }

    @Test
    void everyFieldOfEveryWriteEndpointRefusesHostileValuesWithAFieldErrorAndStoresNothing() throws Exception {
        Map<String, Target> targets = targets();
        List<String> failures = new ArrayList<>();
        Map<String, Integer> casesPerEndpoint = new TreeMap<>();
        Map<Expect, Integer> casesPerExpectation = new TreeMap<>();
        for (Fuzzed f : FIELDS) {
            Target target = targets.get(f.endpoint());
            assertThat(target).as("a baseline call for " + f.endpoint()).isNotNull();
            for (Hostile h : Hostile.values()) {
                Expect expect = expect(f, h);
                if (expect == null) {
                    continue;
                }
                String name = f.endpoint() + " " + f.field() + " <- " + h;
                try {
                    String problem = check(f, h, expect, target);
                    if (problem != null) {
                        failures.add(name + ": " + problem);
                    }
                } catch (RuntimeException | AssertionError e) {
                    failures.add(name + ": " + e.getMessage());
                }
                casesPerEndpoint.merge(f.endpoint(), 1, Integer::sum);
                casesPerExpectation.merge(expect, 1, Integer::sum);
            }
        }
        int cases = casesPerEndpoint.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder report = new StringBuilder("Hostile values: " + FIELDS.size() + " fields of "
                + casesPerEndpoint.size() + " write endpoints, " + cases + " cases " + casesPerExpectation + "\n");
        Map<String, List<String>> fieldsPerEndpoint = FIELDS.stream().collect(Collectors.groupingBy(Fuzzed::endpoint,
                TreeMap::new, Collectors.mapping(f -> f.field() + " (" + f.kind() + ")", Collectors.toList())));
        fieldsPerEndpoint.forEach((endpoint, fields) -> report.append("  ").append(endpoint).append(": ")
                .append(String.join(", ", fields)).append(" — ").append(casesPerEndpoint.get(endpoint))
                .append(" cases\n"));
        System.out.println(report);
        Files.writeString(Path.of("target", "hostile-values.txt"), report);
        assertThat(failures).as("hostile values answered wrongly (%d of %d cases)", failures.size(), cases).isEmpty();
    }

    /** One case; null when Linkport answered as expected, else what went wrong. */
    private String check(Fuzzed f, Hostile h, Expect expect, Target target) {
        Call call = target.baseline().apply(expect == Expect.VERBATIM);
        Object value = value(h, f);
        switch (f.kind()) {
            case PATH -> call.pathValues().put(f.field(), (String) value);
            case QUERY -> call.query().put(f.field(), (String) value);
            default -> call.body().put(f.field(), value);
        }
        String before = storedState();
        String snapshot = target.snapshot() == null ? null : target.snapshot().get();
        Response response = call.send();
        if (expect == Expect.VERBATIM) {
            if (response.status() / 100 != 2) {
                return "expected it stored as sent, got " + abbreviate(response.toString());
            }
            if (f.kind() == PASSWORD) {
                String username = f.endpoint().startsWith("POST " + USERS + "/{id}") ? memberName
                        : (String) call.body().get("username");
                Response signedIn = ApiClient.basic(port, username, (String) value).get(TEAMS);
                return signedIn.status() == 200 ? null : "cannot sign in with the password as sent: " + signedIn.status();
            }
            JsonNode stored = target.stored().apply(new Outcome(call, response)).get(f.storedAs());
            String back = stored == null || stored.isNull() ? null : stored.asString();
            return value.equals(back) ? null : "stored " + abbreviate(String.valueOf(back)) + " instead of the value sent";
        }
        String after = storedState();
        String changed = before.equals(after) ? null : "stored something: " + before + " -> " + after;
        if (changed == null && snapshot != null && !snapshot.equals(target.snapshot().get())) {
            changed = "changed " + call.path();
        }
        if (expect == Expect.REFUSED_OR_NOT_FOUND) {
            if (response.status() != 400 && response.status() != 404) {
                return "expected 400 or 404, got " + abbreviate(response.toString());
            }
            if (response.json() != null && response.json().get("errors") != null
                    && !response.json().get("errors").isEmpty() && !response.errorFields().contains(f.field())) {
                return "the errors name " + response.errorFields() + ", not " + f.field();
            }
            return changed;
        }
        if (response.status() != 400) {
            return "expected 400, got " + abbreviate(response.toString());
        }
        if (!response.contentType().startsWith("application/problem+json")) {
            return "expected problem JSON, got " + response.contentType();
        }
        if (!response.errorFields().contains(f.field())) {
            return "the errors name " + response.errorFields() + ", not " + f.field() + ": " + abbreviate(response.raw());
        }
        return changed;
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    @Test
    void everyWriteEndpointOfTheApiIsFuzzed() {
        Set<String> fuzzed = FIELDS.stream().map(Fuzzed::endpoint).collect(Collectors.toSet());
        Set<String> baselines = targets().keySet();
        Set<String> writes = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (!method.getBeanType().getPackageName().equals(ApiErrors.class.getPackageName())) {
                return;
            }
            for (RequestMethod m : info.getMethodsCondition().getMethods()) {
                if (m == RequestMethod.POST || m == RequestMethod.PUT || m == RequestMethod.PATCH
                        || m == RequestMethod.DELETE) {
                    info.getPatternValues().forEach(p -> writes.add(m.name() + " " + p));
                }
            }
        });
        assertThat(writes).as("the API's write endpoints").isNotEmpty();
        assertThat(fuzzed).as("endpoints in FIELDS that the API does not have").isSubsetOf(writes);
        assertThat(writes).as("write endpoints without a line in FIELDS").isSubsetOf(fuzzed);
        assertThat(writes).as("write endpoints without a baseline in targets()").isSubsetOf(baselines);
    }
}
