package dev.linkport.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A web page open in a local browser cannot drive the sandbox's control API: the browser's {@code Origin} or
 * {@code Sec-Fetch-Site}, a form's content type, or a DNS-rebinding host name gets a 403 and changes nothing, while
 * curl-like clients, Linkport's {@link RemoteSandbox} and the tests' own calls keep working.
 */
class SandboxControlCrossSiteTest {

    private static final String FAULT = "{\"action\":\"*\",\"errorCode\":\"InternalError\",\"httpStatus\":500}";

    private SandboxServer sandbox;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws IOException {
        sandbox = SandboxServer.builder().port(0).start();
    }

    @AfterEach
    void stop() {
        http.close();
        sandbox.close();
    }

    @Test
    void aCrossSitePostFromAWebPageIsRefusedAndChangesNothing() throws Exception {
        sandbox.control().publishTxtRecord("_keep.example.com", "vpce:keep");

        HttpResponse<String> reset = post("/_sandbox/reset", "", "text/plain", "https://evil.example");
        HttpResponse<String> fault = post("/_sandbox/faults", FAULT, "application/json", "https://evil.example");

        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(403);
        assertThat(reset.body()).contains("refuses requests from web pages", "evil.example");
        assertThat(fault.statusCode()).as(fault.body()).isEqualTo(403);
        assertThat(sandbox.control().txtRecords()).containsKey("_keep.example.com");
        assertThat(sandbox.control().faults()).isEmpty();
    }

    @Test
    void aFormPostWithoutOriginIsRefusedForItsContentType() throws Exception {
        for (String formType : new String[] {"application/x-www-form-urlencoded", "text/plain", "multipart/form-data"}) {
            HttpResponse<String> answer = post("/_sandbox/faults", FAULT, formType, null);

            assertThat(answer.statusCode()).as(formType + ": " + answer.body()).isEqualTo(403);
            assertThat(answer.body()).contains("needs Content-Type: application/json");
        }
        assertThat(sandbox.control().faults()).isEmpty();
    }

    @Test
    void aBrowsersFetchMetadataIsRefusedEvenForReading() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri("/_sandbox/state"))
                .header("Sec-Fetch-Site", "cross-site").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
    }

    @Test
    void aHostNameOtherThanLocalhostIsRefusedAsDnsRebinding() throws Exception {
        assertThat(rawGet("rebind.evil.example:" + sandbox.port())).startsWith("HTTP/1.1 403");
        assertThat(rawGet("localhost:" + sandbox.port())).startsWith("HTTP/1.1 200");
        assertThat(rawGet("127.0.0.1:" + sandbox.port())).startsWith("HTTP/1.1 200");
    }

    @Test
    void scriptsWithJsonAndLinkportsOwnClientStillWork() throws Exception {
        HttpResponse<String> fault = post("/_sandbox/faults", FAULT, "application/json; charset=utf-8", null);
        HttpResponse<String> clear = http.send(HttpRequest.newBuilder(uri("/_sandbox/faults")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> reset = post("/_sandbox/reset", "", "application/json", null);
        new RemoteSandbox(sandbox.endpoint()).publishTxtRecord("_linkport.example.com", "vpce:linkport");

        assertThat(fault.statusCode()).as(fault.body()).isEqualTo(200);
        assertThat(clear.statusCode()).as(clear.body()).isEqualTo(200);
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        assertThat(sandbox.control().txtRecords()).containsEntry("_linkport.example.com", "vpce:linkport");
    }

    @Test
    void aSandboxThatAnswersEveryClientAcceptsAnyHostNameButStillNoWebPage() {
        var headers = new com.sun.net.httpserver.Headers();
        headers.add("Host", "sandbox:4566");
        headers.add("Content-Type", "application/json");
        assertThat(ControlApi.crossSiteRefusal("POST", headers, true)).isNull();
        assertThat(ControlApi.crossSiteRefusal("POST", headers, false)).contains("sandbox:4566");
        headers.add("Origin", "http://sandbox:4566");
        assertThat(ControlApi.crossSiteRefusal("POST", headers, true)).contains("web pages");
    }

    private HttpResponse<String> post(String path, String body, String contentType, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(sandbox.endpoint() + path);
    }

    /** GET /_sandbox/state with the given Host header (Java's HTTP client does not let a caller set it). */
    private String rawGet(String host) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), sandbox.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /_sandbox/state HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
