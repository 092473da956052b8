package dev.linkport.sandbox;

import dev.linkport.aws.AwsEndpointSource;
import dev.linkport.platform.ConflictException;
import dev.linkport.platform.SandboxDns;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * A sandbox that runs as its own process ({@link SandboxCommand}), at {@code linkport.sandbox.url}: Linkport's
 * AWS endpoint, and its DNS for TXT records through the sandbox's control API. Linkport starts whether or not it
 * answers; the worker's jobs retry their AWS calls until it does.
 */
public final class RemoteSandbox implements AwsEndpointSource, SandboxDns, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RemoteSandbox.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final JsonMapper json = JsonMapper.builder().build();

    /** @param url the sandbox's base URL, e.g. {@code http://127.0.0.1:4566} */
    public RemoteSandbox(URI url) {
        if (url == null || url.getHost() == null
                || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
            throw new IllegalArgumentException(
                    "linkport.sandbox.url must be an http URL such as http://127.0.0.1:4566, not " + url);
        }
        String base = url.toString();
        this.url = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }

    /** The running sandbox's URL: every AWS call goes there. */
    @Override
    public URI endpoint() {
        return url;
    }

    /** Whether the sandbox answers its health check now. */
    boolean answers() {
        try {
            return send(HttpRequest.newBuilder(control("health")).GET()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** Logs whether the sandbox answers; a sandbox that is down is worth a warning, not a failed start. */
    void logWhetherItAnswers() {
        if (answers()) {
            log.info("Using the AWS sandbox at {}, which runs as its own process", url);
        } else {
            log.warn("The AWS sandbox at {} does not answer; Linkport starts anyway and its jobs retry their AWS "
                    + "calls until it does. Start it with `java -jar linkport-<version>.jar sandbox` or "
                    + "`./mvnw spring-boot:run -Dspring-boot.run.arguments=sandbox`", url);
        }
    }

    /**
     * Publishes the TXT record through the sandbox's control API ({@code POST /_sandbox/dns/txt}).
     *
     * @throws ConflictException when the sandbox does not answer or refuses the record
     */
    @Override
    public void publishTxtRecord(String name, String value) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("value", value);
        HttpResponse<String> response;
        try {
            response = send(HttpRequest.newBuilder(control("dns/txt")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
        } catch (IOException e) {
            throw new ConflictException("The AWS sandbox at " + url + " does not answer (" + e + "); is it running?",
                    e);
        }
        if (response.statusCode() != 200) {
            throw new ConflictException("The AWS sandbox at " + url + " refused the TXT record (HTTP "
                    + response.statusCode() + "): " + response.body());
        }
    }

    private URI control(String operation) {
        return URI.create(url + "/_sandbox/" + operation);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "RemoteSandbox[" + url + "]";
    }
}
