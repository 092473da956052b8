package dev.linkport.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.linkport.sandbox.SandboxCommand.Running;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may use the control API under {@code /_sandbox/}: loopback clients only, unless the sandbox is started with
 * {@code --control-from=any} ({@link SandboxServer.Builder#controlFromAnyAddress}), as in {@code docker/compose.yaml}
 * where Linkport publishes TXT records from another container.
 *
 * <p>A client on another address is played by this machine itself: the sandbox listens on every address and the
 * client connects to one of the machine's non-loopback addresses, so the sandbox sees that address as the client's.
 */
class SandboxControlAccessTest {

    private static final String TXT = "{\"name\":\"_check.example.com\",\"value\":\"vpce:check\"}";

    @TempDir
    Path dir;

    private InetAddress nonLoopback;

    @BeforeEach
    void findANonLoopbackAddress() throws SocketException {
        Optional<InetAddress> address = nonLoopbackAddress();
        assumeTrue(address.isPresent(), "this machine has no non-loopback address to play a client elsewhere");
        nonLoopback = address.get();
    }

    @Test
    void byDefaultTheControlApiRefusesAClientOnAnotherAddressWith403() throws Exception {
        try (SandboxServer sandbox = SandboxServer.builder().bind(InetAddress.getByName("0.0.0.0")).port(0).start()) {
            HttpResponse<String> remote = call(sandbox, nonLoopback, "POST", "/_sandbox/dns/txt", TXT);

            assertThat(remote.statusCode()).as(remote.body()).isEqualTo(403);
            assertThat(remote.body()).contains("only loopback clients", "--control-from=any");
            assertThat(sandbox.control().txtRecords()).isEmpty();
            assertThat(call(sandbox, nonLoopback, "GET", "/_sandbox/health", null).statusCode()).isEqualTo(403);
            // the Query API on the same address answers, and so does the control API on loopback
            assertThat(call(sandbox, nonLoopback, "GET", "/?Action=DescribeVpcs&Version=2016-11-15", null)
                    .statusCode()).isEqualTo(200);
            assertThat(call(sandbox, InetAddress.getLoopbackAddress(), "GET", "/_sandbox/health", null).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void withControlFromAnyAddressTheControlApiAnswersAClientOnAnotherAddress() throws Exception {
        try (SandboxServer sandbox = SandboxServer.builder().bind(InetAddress.getByName("0.0.0.0")).port(0)
                .controlFromAnyAddress(true).start()) {
            HttpResponse<String> remote = call(sandbox, nonLoopback, "POST", "/_sandbox/dns/txt", TXT);

            assertThat(remote.statusCode()).as(remote.body()).isEqualTo(200);
            assertThat(sandbox.control().txtRecords()).containsEntry("_check.example.com", "vpce:check");
            assertThat(call(sandbox, nonLoopback, "GET", "/_sandbox/dns/txt", null).body())
                    .isEqualTo("[{\"name\":\"_check.example.com\",\"value\":\"vpce:check\"}]");
            assertThat(call(sandbox, InetAddress.getLoopbackAddress(), "GET", "/_sandbox/health", null).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void theCommandCarriesControlFromAnyToTheSandbox() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        SandboxCommand.Outcome outcome = SandboxCommand.start(
                new String[] {"--bind=0.0.0.0", "--port=0", "--control-from=any",
                        "--state-file=" + dir.resolve("sandbox.json")},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(outcome).as(err.toString(StandardCharsets.UTF_8)).isInstanceOf(Running.class);

        try (SandboxServer sandbox = ((Running) outcome).server()) {
            HttpResponse<String> remote = call(sandbox, nonLoopback, "POST", "/_sandbox/dns/txt", TXT);

            assertThat(remote.statusCode()).as(remote.body()).isEqualTo(200);
            assertThat(sandbox.control().txtRecords()).containsEntry("_check.example.com", "vpce:check");
        }
    }

    /** An up, non-loopback address of this machine, IPv4 first; link-local IPv6 ones need a scope and are left out. */
    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(nic -> {
                    try {
                        return nic.isUp() && !nic.isLoopback();
                    } catch (SocketException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress() && !a.isAnyLocalAddress())
                .min(Comparator.comparing(a -> a instanceof Inet4Address ? 0 : 1));
    }

    private static HttpResponse<String> call(SandboxServer sandbox, InetAddress host, String method, String path,
                                             String json) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpRequest request = HttpRequest.newBuilder(uri(host, sandbox.port(), path))
                    .header("Content-Type", "application/json")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json))
                    .build();
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private static URI uri(InetAddress host, int port, String pathAndQuery) throws URISyntaxException {
        String literal = host instanceof Inet4Address ? host.getHostAddress() : "[" + host.getHostAddress() + "]";
        return new URI("http://" + literal + ":" + port + pathAndQuery);
    }
}
