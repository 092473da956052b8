package dev.linkport.aws.sdk;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A loopback HTTP server speaking just enough of the AWS Query protocol to see exactly what the SDK sends:
 * STS AssumeRole always succeeds; every other action is answered by the test's {@code answers} function.
 */
final class StubAwsServer implements AutoCloseable {

    /** One request as received: its form parameters and {@code Authorization} header. */
    record Request(Map<String, String> params, String authorization, String securityToken) {
        String action() {
            return params.get("Action");
        }
    }

    /** An HTTP answer. */
    record Answer(int status, String xml) {
        static Answer ok(String xml) {
            return new Answer(200, xml);
        }

        static Answer ec2Error(int status, String code, String message) {
            return new Answer(status, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error><Code>" + code
                    + "</Code><Message>" + message + "</Message></Error></Errors><RequestID>req-1</RequestID></Response>");
        }
    }

    static final String SESSION_TOKEN = "stub-session-token";

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Request, Answer> answers = request -> Answer.ec2Error(400, "InvalidAction",
            "not stubbed");

    StubAwsServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(form(body), exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("X-Amz-Security-Token"));
            requests.add(request);
            Answer answer = "AssumeRole".equals(request.action()) ? assumeRole(request) : answers.apply(request);
            byte[] bytes = answer.xml().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void answer(Function<Request, Answer> answers) {
        this.answers = answers;
    }

    /** The requests for {@code action}, in order. */
    List<Request> requests(String action) {
        return requests.stream().filter(request -> action.equals(request.action())).toList();
    }

    private static Answer assumeRole(Request request) {
        String roleArn = request.params().get("RoleArn");
        String account = roleArn.split(":")[4];
        return Answer.ok("""
                <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <AssumeRoleResult>
                    <AssumedRoleUser>
                      <Arn>arn:aws:sts::%s:assumed-role/LinkportAccess/%s</Arn>
                      <AssumedRoleId>AROASTUB:%s</AssumedRoleId>
                    </AssumedRoleUser>
                    <Credentials>
                      <AccessKeyId>ASIASTUB%s</AccessKeyId>
                      <SecretAccessKey>stub-secret</SecretAccessKey>
                      <SessionToken>%s</SessionToken>
                      <Expiration>2099-01-01T00:00:00Z</Expiration>
                    </Credentials>
                  </AssumeRoleResult>
                  <ResponseMetadata><RequestId>req-sts</RequestId></ResponseMetadata>
                </AssumeRoleResponse>
                """.formatted(account, request.params().get("RoleSessionName"),
                request.params().get("RoleSessionName"), account, SESSION_TOKEN));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
