package dev.linkport.identity.service;

import dev.linkport.aws.AwsProperties;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Whether the demo users ({@link InitialUsers#DEMO_USERS}, whose password is public) may exist and sign in here: only
 * in sandbox mode, and only while Linkport listens on the loopback interface alone ({@code server.address} a loopback
 * address, as {@code application.yaml} sets by default). Listening on every interface ({@code server.address} unset
 * or {@code 0.0.0.0}, as in the Docker image) or on any other address means someone else may reach the sign-in page,
 * so there are no demo users, even in sandbox mode.
 */
@Component
public class DemoUserPolicy {

    private final boolean sandbox;
    private final String serverAddress;
    private final boolean loopbackOnly;

    @Autowired
    public DemoUserPolicy(AwsProperties aws, Environment environment) {
        this(aws.sandbox(), environment.getProperty("server.address"));
    }

    /** @param serverAddress {@code server.address}; {@code null} or blank: every interface */
    public DemoUserPolicy(boolean sandbox, String serverAddress) {
        this.sandbox = sandbox;
        this.serverAddress = serverAddress == null ? "" : serverAddress.trim();
        this.loopbackOnly = loopbackOnly(this.serverAddress);
    }

    /** Whether demo users may be created and sign in with the demo password. */
    public boolean allowed() {
        return sandbox && loopbackOnly;
    }

    /** Whether Linkport listens on the loopback interface alone. */
    public boolean loopbackOnly() {
        return loopbackOnly;
    }

    /** Why there are no demo users here and what to do about it; empty when they are {@linkplain #allowed() allowed}. */
    public String whyNot() {
        if (!sandbox) {
            return "Linkport is not in sandbox mode (linkport.aws.mode=aws)";
        }
        if (!loopbackOnly) {
            return "Linkport listens on " + (serverAddress.isEmpty() ? "every interface (server.address unset)"
                    : serverAddress + " (server.address)") + ", so others may reach it, and the demo users' password "
                    + "is public. Demo users exist only when Linkport listens on loopback alone "
                    + "(server.address=127.0.0.1, the default of ./mvnw spring-boot:run)";
        }
        return "";
    }

    /** Whether a {@code server.address} value binds the loopback interface alone (unset: every interface). */
    static boolean loopbackOnly(String serverAddress) {
        if (serverAddress == null || serverAddress.isBlank()) {
            return false;
        }
        try {
            InetAddress address = InetAddress.getByName(serverAddress.trim());
            return address.isLoopbackAddress();
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }
}
