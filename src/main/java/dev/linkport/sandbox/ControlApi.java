package dev.linkport.sandbox;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON control API under {@code /_sandbox/}, answered only to loopback clients unless the sandbox was started
 * to answer every client ({@link SandboxServer.Builder#controlFromAnyAddress}, {@code --control-from=any}).
 *
 * <p>It refuses what a web page in a local browser could send it (403, nothing changed): a request with an
 * {@code Origin} header or a {@code Sec-Fetch-Site} other than {@code none} (browsers add them; curl, scripts and
 * Linkport's {@link RemoteSandbox} do not), a {@code POST} or {@code PUT} without {@code Content-Type:
 * application/json} (an HTML form cannot send that, and a script in a page cannot without a CORS preflight, which
 * this API never allows), and, when it answers loopback clients only, a {@code Host} other than {@code localhost}
 * or an IP address (a DNS-rebinding page names its own host).
 *
 * <pre>
 * GET    /_sandbox/health
 * GET    /_sandbox/state
 * POST   /_sandbox/reset
 * GET    /_sandbox/dns/txt               POST {name, value}    DELETE ?name=...
 * GET    /_sandbox/stats                 {requests: {action: n}, throttled, faultsInjected}
 * GET    /_sandbox/faults                POST {action, accountId, errorCode, httpStatus, rate, latencyMillis, times}
 * DELETE /_sandbox/faults
 * GET    /_sandbox/settings              POST {pendingToAvailableMillis, deletingToDeletedMillis,
 *                                              deletedRetentionMillis, privateDnsVerificationMillis, throttling}
 * POST   /_sandbox/throttling {enabled}
 * POST   /_sandbox/accounts {accountId, name, regions, externalId}
 * GET    /_sandbox/accounts/{accountId}/role
 * POST   /_sandbox/accounts/{accountId}/role {externalId, deniedActions, policies, policyTeam}   (any may be
 *                                          left out; policies: Linkport's PROVIDER/CONSUMER policies to attach
 *                                          for the team policyTeam, [] detaches them)
 * POST   /_sandbox/load-balancers {accountId, region, name, zones}   -> {arn}
 * GET    /_sandbox/services/{serviceId}/private-dns                 -> {serviceId, state}
 * POST   /_sandbox/services/{serviceId}/private-dns {state}         (pendingVerification, verified, failed: what
 *                                          AWS reports from now on, as if it had re-checked the TXT record)
 * POST   /_sandbox/vpcs {accountId, region, name}   -> {vpcId}   (one more VPC, a subnet in each of 3 zones)
 * </pre>
 */
final class ControlApi implements HttpHandler {

    private static final Pattern ROLE_PATH = Pattern.compile("/_sandbox/accounts/(\\d{12})/role");
    private static final Pattern PRIVATE_DNS_PATH = Pattern.compile("/_sandbox/services/(vpce-svc-[0-9a-f]+)/private-dns");

    private final SandboxControl control;
    private final boolean anyClient;
    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * @param anyClient whether every client is answered; otherwise only loopback clients, others get 403
     */
    ControlApi(SandboxControl control, boolean anyClient) {
        this.control = control;
        this.anyClient = anyClient;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!anyClient && !exchange.getRemoteAddress().getAddress().isLoopbackAddress()) {
                send(exchange, 403, Map.of("error", "The sandbox control API answers only loopback clients;"
                        + " a sandbox started with --control-from=any answers every client"));
                return;
            }
            String refusal = crossSiteRefusal(exchange.getRequestMethod(), exchange.getRequestHeaders(), anyClient);
            if (refusal != null) {
                exchange.getRequestBody().readAllBytes();
                send(exchange, 403, Map.of("error", refusal));
                return;
            }
            try {
                route(exchange);
            } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
                send(exchange, 400, Map.of("error", String.valueOf(e.getMessage())));
            } catch (RuntimeException e) {
                send(exchange, 500, Map.of("error", e.toString()));
            }
        }
    }

    /**
     * Why a request is refused as one a web page could have sent, or {@code null} when it is not.
     *
     * @param anyClient true when the sandbox answers every client ({@code --control-from=any}): then any
     *                  {@code Host} is fine (containers name the sandbox by its service name)
     */
    static String crossSiteRefusal(String method, Headers headers, boolean anyClient) {
        if (headers.getFirst("Origin") != null) {
            return "The sandbox control API refuses requests from web pages (Origin: " + headers.getFirst("Origin")
                    + "); call it with curl or a program";
        }
        String fetchSite = headers.getFirst("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equalsIgnoreCase("none")) {
            return "The sandbox control API refuses requests from web pages (Sec-Fetch-Site: " + fetchSite
                    + "); call it with curl or a program";
        }
        if (!anyClient && !localHost(headers.getFirst("Host"))) {
            return "The sandbox control API answers loopback clients that name it localhost or by IP address, not "
                    + headers.getFirst("Host");
        }
        if ((method.equals("POST") || method.equals("PUT")) && !json(headers.getFirst("Content-Type"))) {
            return method + " to the sandbox control API needs Content-Type: application/json (even without a body)";
        }
        return null;
    }

    private static boolean json(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return mediaType.equalsIgnoreCase("application/json");
    }

    /** {@code localhost} (or a name under it) or an IP address literal, with or without a port. */
    static boolean localHost(String host) {
        if (host == null || host.isBlank()) {
            return true; // HTTP/1.0 without Host: no browser sends that
        }
        String name = host.trim().toLowerCase(java.util.Locale.ROOT);
        if (name.startsWith("[")) {
            return name.indexOf(']') > 0; // [IPv6]:port
        }
        int colon = name.lastIndexOf(':');
        if (colon >= 0) {
            name = name.substring(0, colon);
        }
        return name.equals("localhost") || name.endsWith(".localhost") || name.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private void route(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath().replaceAll("/+$", "");
        Map<String, Object> body = readBody(ex);
        Matcher role = ROLE_PATH.matcher(path);
        if (role.matches()) {
            role(ex, method, role.group(1), body);
            return;
        }
        Matcher privateDns = PRIVATE_DNS_PATH.matcher(path);
        if (privateDns.matches()) {
            String serviceId = privateDns.group(1);
            switch (method) {
                case "GET" -> send(ex, 200, privateDnsJson(serviceId, control.privateDnsState(serviceId)));
                case "POST", "PUT" -> {
                    control.privateDnsState(serviceId, (String) body.get("state"));
                    send(ex, 200, privateDnsJson(serviceId, control.privateDnsState(serviceId)));
                }
                default -> send(ex, 404, Map.of("error", "No such control operation: " + method + " " + path));
            }
            return;
        }
        switch (method + " " + path) {
            case "GET /_sandbox/health" -> send(ex, 200, Map.of("status", "ok"));
            case "GET /_sandbox/state" -> sendRaw(ex, 200, control.stateJson());
            case "POST /_sandbox/reset" -> {
                control.reset();
                send(ex, 200, Map.of("reset", true));
            }
            case "GET /_sandbox/dns/txt" -> send(ex, 200, control.txtRecords().entrySet().stream()
                    .map(e -> txtJson(e.getKey(), e.getValue())).toList());
            case "POST /_sandbox/dns/txt" -> {
                control.publishTxtRecord((String) body.get("name"), (String) body.get("value"));
                send(ex, 200, txtJson((String) body.get("name"), (String) body.get("value")));
            }
            case "DELETE /_sandbox/dns/txt" -> {
                String name = query(ex).get("name");
                if (name == null) {
                    throw new IllegalArgumentException("DELETE /_sandbox/dns/txt needs ?name=");
                }
                send(ex, 200, Map.of("deleted", control.deleteTxtRecord(name)));
            }
            case "GET /_sandbox/stats" -> {
                SandboxStats stats = control.stats();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("requests", stats.requests());
                m.put("throttled", stats.throttled());
                m.put("faultsInjected", stats.faultsInjected());
                send(ex, 200, m);
            }
            case "GET /_sandbox/faults" -> send(ex, 200, control.faults().stream().map(ControlApi::faultJson).toList());
            case "POST /_sandbox/faults" -> {
                SandboxFault fault = new SandboxFault((String) body.get("action"), (String) body.get("accountId"),
                        (String) body.get("errorCode"), intOf(body.get("httpStatus"), 0),
                        body.get("rate") == null ? 1.0 : ((Number) body.get("rate")).doubleValue(),
                        Duration.ofMillis(intOf(body.get("latencyMillis"), 0)), intOf(body.get("times"), 0));
                control.injectFault(fault);
                send(ex, 200, faultJson(fault));
            }
            case "DELETE /_sandbox/faults" -> {
                control.clearFaults();
                send(ex, 200, Map.of("cleared", true));
            }
            case "GET /_sandbox/settings" -> send(ex, 200, settingsJson());
            case "POST /_sandbox/settings", "PUT /_sandbox/settings" -> {
                SandboxSettings s = control.settings();
                if (body.containsKey("pendingToAvailableMillis")) {
                    s.pendingToAvailable(Duration.ofMillis(intOf(body.get("pendingToAvailableMillis"), 0)));
                }
                if (body.containsKey("deletingToDeletedMillis")) {
                    s.deletingToDeleted(Duration.ofMillis(intOf(body.get("deletingToDeletedMillis"), 0)));
                }
                if (body.containsKey("deletedRetentionMillis")) {
                    s.deletedRetention(Duration.ofMillis(intOf(body.get("deletedRetentionMillis"), 0)));
                }
                if (body.containsKey("privateDnsVerificationMillis")) {
                    s.privateDnsVerification(Duration.ofMillis(intOf(body.get("privateDnsVerificationMillis"), 0)));
                }
                if (body.containsKey("throttling")) {
                    control.throttling(Boolean.TRUE.equals(body.get("throttling")));
                }
                send(ex, 200, settingsJson());
            }
            case "POST /_sandbox/throttling" -> {
                control.throttling(Boolean.TRUE.equals(body.get("enabled")));
                send(ex, 200, settingsJson());
            }
            case "POST /_sandbox/accounts" -> {
                @SuppressWarnings("unchecked")
                List<String> regions = body.get("regions") == null ? List.of("us-east-1") : (List<String>) body.get("regions");
                control.createAccount((String) body.get("accountId"), (String) body.get("name"), regions,
                        (String) body.get("externalId"));
                send(ex, 200, Map.of("accountId", body.get("accountId"), "regions", regions));
            }
            case "POST /_sandbox/vpcs" -> {
                String region = body.get("region") == null ? "us-east-1" : (String) body.get("region");
                String name = body.get("name") == null ? "extra" : (String) body.get("name");
                send(ex, 200, Map.of("vpcId", control.addVpc((String) body.get("accountId"), region, name)));
            }
            case "POST /_sandbox/load-balancers" -> {
                @SuppressWarnings("unchecked")
                List<String> zones = body.get("zones") == null ? List.of("a", "b") : (List<String>) body.get("zones");
                String arn = control.createLoadBalancer((String) body.get("accountId"), (String) body.get("region"),
                        (String) body.get("name"), zones);
                send(ex, 200, Map.of("arn", arn));
            }
            default -> send(ex, 404, Map.of("error", "No such control operation: " + method + " " + path));
        }
    }

    @SuppressWarnings("unchecked")
    private void role(HttpExchange ex, String method, String accountId, Map<String, Object> body) throws IOException {
        switch (method) {
            case "GET" -> send(ex, 200, roleJson(control.role(accountId)));
            case "POST", "PUT" -> {
                SandboxRole configured = control.configureRole(accountId, (String) body.get("externalId"),
                        (List<String>) body.get("deniedActions"));
                if (body.containsKey("policies")) {
                    List<String> policies = body.get("policies") == null ? List.of()
                            : (List<String>) body.get("policies");
                    configured = control.attachPolicies(accountId, (String) body.get("policyTeam"), policies);
                }
                send(ex, 200, roleJson(configured));
            }
            default -> send(ex, 404, Map.of("error", "No such control operation: " + method + " " + ex.getRequestURI()));
        }
    }

    private static Map<String, Object> roleJson(SandboxRole role) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("roleArn", role.roleArn());
        m.put("externalId", role.externalId());
        m.put("deniedActions", role.deniedActions());
        m.put("policies", role.policies());
        m.put("policyTeam", role.policyTeam());
        return m;
    }

    private static Map<String, Object> privateDnsJson(String serviceId, String state) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("serviceId", serviceId);
        m.put("state", state);
        return m;
    }

    private static Map<String, Object> txtJson(String name, String value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("value", value);
        return m;
    }

    private Map<String, Object> settingsJson() {
        SandboxSettings s = control.settings();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pendingToAvailableMillis", s.pendingToAvailable().toMillis());
        m.put("deletingToDeletedMillis", s.deletingToDeleted().toMillis());
        m.put("deletedRetentionMillis", s.deletedRetention().toMillis());
        m.put("privateDnsVerificationMillis", s.privateDnsVerification().toMillis());
        m.put("throttling", s.throttling());
        return m;
    }

    private static Map<String, Object> faultJson(SandboxFault f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", f.action());
        m.put("accountId", f.accountId());
        m.put("errorCode", f.errorCode());
        m.put("httpStatus", f.httpStatus());
        m.put("rate", f.rate());
        m.put("latencyMillis", f.latency().toMillis());
        m.put("times", f.times());
        return m;
    }

    private static int intOf(Object value, int fallback) {
        return value == null ? fallback : ((Number) value).intValue();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> readBody(HttpExchange ex) throws IOException {
        byte[] bytes = ex.getRequestBody().readAllBytes();
        if (bytes.length == 0) {
            return Map.of();
        }
        try {
            return json.readValue(bytes, Map.class);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The body is not a JSON object: " + e.getMessage());
        }
    }

    private static Map<String, String> query(HttpExchange ex) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    private void send(HttpExchange ex, int status, Object body) throws IOException {
        sendRaw(ex, status, json.writeValueAsString(body));
    }

    private static void sendRaw(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
