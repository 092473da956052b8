package dev.linkport.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWS sandbox: an HTTP server on a loopback port (or the address {@link Builder#bind} names) that speaks
 * the EC2, ELBv2 and STS Query APIs Linkport uses (and CloudWatch's GetMetricData in its RPC v2 CBOR protocol),
 * so the unmodified AWS SDK and CLI work against it
 * ({@code aws --endpoint-url http://127.0.0.1:4566 ec2 describe-vpcs}).
 *
 * <p>Requests are routed by their {@code Version} (or the SigV4 credential scope's service). The access
 * key id in the {@code Authorization} header selects the account: keys issued by the sandbox's
 * {@code AssumeRole} act in the role's account, any other key in the host account {@code 000000000000}.
 * Signatures are not verified. Free of Spring: {@link SandboxCommand} runs it as a process of its own,
 * {@link SandboxLifecycle} inside Linkport, and tests start it with {@link #builder()}.
 */
public final class SandboxServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SandboxServer.class);
    private static final Pattern CREDENTIAL =
            Pattern.compile("Credential=([^/,\\s]+)/[^/]+/([^/]+)/([^/]+)/aws4_request");

    private final SandboxWorld world;
    private final Faults faults = new Faults();
    private final Throttle throttle;
    private final RequestCounters counters = new RequestCounters();
    private final SandboxControl control;
    private final Ec2Api ec2;
    private final ElbApi elb;
    private final StsApi sts;
    private final CloudWatchApi cloudWatch;
    private final PolicyGuard policies;
    private final StateStore store;
    private final HttpServer http;
    private final InetSocketAddress address;
    private final ExecutorService executor;

    private SandboxServer(Builder b) throws IOException {
        // bind first: a sandbox that cannot listen (another one runs there) must not touch the state file
        this.http = HttpServer.create(new InetSocketAddress(b.bind, b.port), 0);
        this.address = http.getAddress(); // a stopped server no longer knows it
        this.world = new SandboxWorld(b.clock, b.settings);
        this.throttle = new Throttle(b.clock);
        this.control = new SandboxControl(world, faults, throttle, counters);
        this.ec2 = new Ec2Api(world);
        this.elb = new ElbApi(world);
        this.sts = new StsApi(world);
        this.cloudWatch = new CloudWatchApi(world);
        this.policies = new PolicyGuard(world);
        if (b.stateFile != null) {
            this.store = new StateStore(b.stateFile, world);
            store.load();
            world.onChange(store::changed);
        } else {
            this.store = null;
        }
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        http.createContext("/", this::handleQuery);
        http.createContext("/_sandbox/", new ControlApi(control, b.controlFromAnyAddress));
        http.setExecutor(executor);
        http.start();
        log.info("AWS sandbox listening on {}{}, state {}", endpoint(),
                b.bind.isAnyLocalAddress() ? " and every other address of this machine" : "",
                store == null ? "in memory only" : "in " + store.file());
        if (b.controlFromAnyAddress) {
            log.info("AWS sandbox control API under /_sandbox/ answers every client, not only loopback ones");
        }
    }

    /** A builder for a sandbox; {@link Builder#start()} binds the port and starts serving. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The base URI to give the AWS SDK as endpoint override, e.g. {@code http://127.0.0.1:4566}: the loopback
     * address when the sandbox listens there or on every address, else the address it is bound to.
     */
    public URI endpoint() {
        InetAddress bound = address.getAddress();
        String host = bound.isAnyLocalAddress() ? "127.0.0.1" : bound.getHostAddress();
        try {
            return new URI("http", null, host, port(), null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return address.getPort();
    }

    public SandboxControl control() {
        return control;
    }

    public SandboxSettings settings() {
        return world.settings();
    }

    /** Stops serving and saves the world. */
    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
        if (store != null) {
            store.close();
        }
        log.info("AWS sandbox on port {} stopped", port());
    }

    // ---------------------------------------------------------------- Query API

    private void handleQuery(HttpExchange exchange) {
        String cloudWatchOperation = CloudWatchApi.operation(exchange.getRequestURI().getPath());
        if (cloudWatchOperation != null) {
            handleCloudWatch(exchange, cloudWatchOperation);
            return;
        }
        try (exchange) {
            String requestId = UUID.randomUUID().toString();
            Map<String, String> params = new LinkedHashMap<>();
            parseForm(exchange.getRequestURI().getRawQuery(), params);
            parseForm(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), params);
            String[] scope = credentialScope(exchange, params);
            String service = serviceOf(params.get("Version"), scope[2]);
            String region = scope[1] == null ? "us-east-1" : scope[1];
            String action = params.get("Action");
            counters.request(action);
            try {
                if (action == null || action.isEmpty()) {
                    throw new AwsException("MissingAction", "The request must contain the parameter Action");
                }
                CallerIdentity caller = callerAfterFaults(scope[0], region, action);
                if ("ec2".equals(service) && world.settings().throttling()
                        && !throttle.tryAcquire(caller.accountId(), region, action)) {
                    counters.throttled();
                    throw new AwsException("RequestLimitExceeded", "Request limit exceeded.", 503);
                }
                String xml;
                synchronized (world) {
                    world.advance();
                    world.authorize(caller, service, action);
                    QueryRequest request = new QueryRequest(params, caller, requestId);
                    policies.authorize(request, service);
                    xml = switch (service) {
                        case "elasticloadbalancing" -> elb.handle(request);
                        case "sts" -> sts.handle(request);
                        default -> ec2.handle(request);
                    };
                    if (!action.startsWith("Describe") && !action.startsWith("Get")) {
                        world.changed();
                    }
                }
                send(exchange, 200, requestId, xml);
            } catch (AwsException e) {
                log.debug("{} {} -> {} {}", service, action, e.code(), e.getMessage());
                send(exchange, e.status(), requestId, errorXml(service, e, requestId));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("AWS sandbox failed on {} {}", service, action, e);
                AwsException internal = new AwsException("InternalError",
                        "An internal error has occurred in the AWS sandbox: " + e, 500);
                send(exchange, 500, requestId, errorXml(service, internal, requestId));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * CloudWatch over Smithy RPC v2 CBOR (what the SDK's CloudWatch client speaks): the same caller, fault,
     * permission and policy checks as the Query APIs, with CBOR bodies and the protocol's error shape.
     */
    private void handleCloudWatch(HttpExchange exchange, String operation) {
        try (exchange) {
            String requestId = UUID.randomUUID().toString();
            byte[] body = exchange.getRequestBody().readAllBytes();
            String[] scope = credentialScope(exchange, Map.of());
            String region = scope[1] == null ? "us-east-1" : scope[1];
            counters.request(operation);
            byte[] answer;
            int status = 200;
            String queryError = null;
            try {
                CallerIdentity caller = callerAfterFaults(scope[0], region, operation);
                synchronized (world) {
                    world.advance();
                    world.authorize(caller, "cloudwatch", operation);
                    policies.authorize(new QueryRequest(Map.of("Action", operation), caller, requestId), "cloudwatch");
                    answer = cloudWatch.handle(operation, body, caller);
                }
            } catch (AwsException e) {
                log.debug("cloudwatch {} -> {} {}", operation, e.code(), e.getMessage());
                status = e.status();
                queryError = e.code() + ";" + (e.status() >= 500 ? "Receiver" : "Sender");
                answer = cloudWatch.error(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("AWS sandbox failed on cloudwatch {}", operation, e);
                AwsException internal = new AwsException("InternalFailure",
                        "An internal error has occurred in the AWS sandbox: " + e, 500);
                status = 500;
                queryError = "InternalFailure;Receiver";
                answer = cloudWatch.error(internal);
            }
            exchange.getResponseHeaders().set("Content-Type", "application/cbor");
            exchange.getResponseHeaders().set("smithy-protocol", "rpc-v2-cbor");
            exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
            if (queryError != null) {
                exchange.getResponseHeaders().set("x-amzn-query-error", queryError);
            }
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {access key id, region, service} from the SigV4 Authorization header or a presigned query; nulls if absent. */
    private static String[] credentialScope(HttpExchange exchange, Map<String, String> params) {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String credential = auth != null ? auth : params.containsKey("X-Amz-Credential")
                ? "Credential=" + params.get("X-Amz-Credential") : null;
        if (credential != null) {
            Matcher m = CREDENTIAL.matcher(credential);
            if (m.find()) {
                return new String[] {m.group(1), m.group(2), m.group(3)};
            }
        }
        return new String[] {null, null, null};
    }

    private static String serviceOf(String version, String scopeService) {
        if ("2016-11-15".equals(version)) {
            return "ec2";
        }
        if ("2015-12-01".equals(version)) {
            return "elasticloadbalancing";
        }
        if ("2011-06-15".equals(version)) {
            return "sts";
        }
        return scopeService == null ? "ec2" : scopeService;
    }

    private static String errorXml(String service, AwsException e, String requestId) {
        if ("ec2".equals(service)) {
            return new Xml().open("Response").open("Errors").open("Error").leaf("Code", e.code())
                    .leaf("Message", e.getMessage()).close().close().leaf("RequestID", requestId).toString();
        }
        String namespace = "sts".equals(service) ? StsApi.NAMESPACE : ElbApi.NAMESPACE;
        return new Xml().open("ErrorResponse", namespace).open("Error")
                .leaf("Type", e.status() >= 500 ? "Receiver" : "Sender").leaf("Code", e.code())
                .leaf("Message", e.getMessage()).close().leaf("RequestId", requestId).toString();
    }

    private static void send(HttpExchange exchange, int status, String requestId, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml;charset=UTF-8");
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void parseForm(String raw, Map<String, String> into) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            into.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
    }

    /**
     * Configures a sandbox: bind address (loopback unless told otherwise), port (0 = any free port), who may use
     * the control API (loopback clients unless told otherwise), state file (null = in memory only), clock and
     * settings.
     */
    public static final class Builder {
        private InetAddress bind = InetAddress.getLoopbackAddress();
        private boolean controlFromAnyAddress;
        private int port;
        private Path stateFile;
        private Clock clock = Clock.systemUTC();
        private SandboxSettings settings = new SandboxSettings();

        private Builder() {
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The address to listen on: loopback by default; {@code 0.0.0.0} listens on every address (containers). */
        public Builder bind(InetAddress bind) {
            this.bind = Objects.requireNonNull(bind);
            return this;
        }

        /**
         * Whether the control API under {@code /_sandbox/} answers every client ({@code true}) or, by default,
         * only loopback ones. It has no authentication: open it only where just trusted clients reach the
         * sandbox, such as containers on a private network.
         */
        public Builder controlFromAnyAddress(boolean controlFromAnyAddress) {
            this.controlFromAnyAddress = controlFromAnyAddress;
            return this;
        }

        public Builder stateFile(Path stateFile) {
            this.stateFile = stateFile;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder settings(SandboxSettings settings) {
            this.settings = settings;
            return this;
        }

        /** Binds the address and port, loads the state file if there is one, and starts serving. */
        public SandboxServer start() {
            try {
                return new SandboxServer(this);
            } catch (IOException e) {
                throw new UncheckedIOException("The AWS sandbox could not listen on " + bind.getHostAddress() + ":"
                        + port + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Who calls (from the request's credentials), after the faults injected for the action and the caller's
     * account: their latency is waited out, their error thrown.
     */
    private CallerIdentity callerAfterFaults(String accessKey, String region, String action)
            throws InterruptedException {
        CallerIdentity caller;
        synchronized (world) {
            caller = world.caller(accessKey, region);
        }
        Optional<SandboxFault> fault = faults.hit(action, caller.accountId());
        if (fault.isPresent()) {
            SandboxFault f = fault.get();
            if (!f.latency().isZero()) {
                Thread.sleep(f.latency());
            }
            if (f.errorCode() != null && !f.errorCode().isBlank()) {
                counters.faultInjected();
                throw new AwsException(f.errorCode(), "Injected fault: " + f.errorCode(), f.httpStatus());
            }
        }
        return caller;
    }
}
