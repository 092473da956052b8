package dev.linkport.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Free ports for servers that tests start next to Linkport (an SMTP server, an OpenID Connect provider) and that
 * Linkport's configuration must name before its context starts: {@code linkport-test.smtp-port} and
 * {@code linkport-test.oidc-port}, chosen once per test JVM, so every context (and a server started by a test) sees
 * the same numbers. Registered in {@code META-INF/spring.factories} of the test classpath only.
 */
public class TestPorts implements EnvironmentPostProcessor {

    public static final int SMTP = freePort();
    public static final int OIDC = freePort();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("linkport-test-ports",
                Map.of("linkport-test.smtp-port", SMTP, "linkport-test.oidc-port", OIDC)));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
