package dev.linkport.sandbox;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The AWS sandbox ({@code linkport.sandbox.*}); used only when {@code linkport.aws.mode=sandbox}.
 *
 * @param url        a sandbox already running as its own process ({@code linkport sandbox}), e.g.
 *                   {@code http://127.0.0.1:4566}: Linkport then starts none and ignores the settings below
 * @param port       loopback port of the emulated EC2/ELBv2/STS Query API; 0 picks a free port
 * @param stateFile  where the sandbox keeps its world between restarts
 * @param delays     how long the emulated state transitions take
 * @param throttling whether AWS's request throttling (token buckets per account and region) is emulated
 */
@ConfigurationProperties("linkport.sandbox")
public record SandboxProperties(
        URI url,
        int port,
        Path stateFile,
        Delays delays,
        boolean throttling) {

    @ConstructorBinding
    public SandboxProperties(
            URI url,
            @DefaultValue("4566") int port,
            @DefaultValue(".linkport/sandbox.json") Path stateFile,
            @DefaultValue Delays delays,
            @DefaultValue("true") boolean throttling) {
        this.url = url;
        this.port = port;
        this.stateFile = stateFile;
        this.delays = delays;
        this.throttling = throttling;
    }

    /** An in-process sandbox on this port and state file, with default delays and throttling on. */
    public SandboxProperties(int port, Path stateFile) {
        this(null, port, stateFile, new Delays(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(60),
                Duration.ofSeconds(2)), true);
    }

    /** The sandbox's runtime settings as configured. */
    public SandboxSettings toSettings() {
        return new SandboxSettings(delays.pendingToAvailable(), delays.deletingToDeleted(), delays.deletedRetention(),
                delays.privateDnsVerification(), throttling);
    }

    /**
     * Delays of the emulated state transitions ({@code linkport.sandbox.delays.*}).
     *
     * @param pendingToAvailable     an endpoint's time in {@code pending} before {@code available}
     * @param deletingToDeleted      an endpoint's time in {@code deleting} before {@code deleted}
     * @param deletedRetention       how long a {@code deleted} endpoint is still listed
     * @param privateDnsVerification how long a private DNS name verification takes
     */
    public record Delays(
            @DefaultValue("2s") Duration pendingToAvailable,
            @DefaultValue("2s") Duration deletingToDeleted,
            @DefaultValue("60s") Duration deletedRetention,
            @DefaultValue("2s") Duration privateDnsVerification) {
    }
}
