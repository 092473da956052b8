package dev.linkport.sandbox;

import dev.linkport.aws.AwsEndpointSource;
import java.io.UncheckedIOException;
import java.net.URI;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the {@link SandboxServer} as part of the Spring application: started with the context, stopped
 * (and its world saved) when the context closes. A sandbox running as its own process is
 * {@link RemoteSandbox} instead.
 *
 * <p>{@link #endpoint()} and {@link #control()} start the server on first use, so beans that need the
 * sandbox's address while the context is still being built get it too.
 */
public final class SandboxLifecycle implements SmartLifecycle, AwsEndpointSource {

    private final SandboxProperties properties;
    private SandboxServer server;

    public SandboxLifecycle(SandboxProperties properties) {
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (server == null) {
            try {
                server = SandboxServer.builder().port(properties.port()).stateFile(properties.stateFile())
                        .settings(properties.toSettings()).start();
            } catch (UncheckedIOException e) {
                throw new IllegalStateException(e.getMessage() + ". If a sandbox already runs there as its own "
                        + "process, set linkport.sandbox.url=http://127.0.0.1:" + properties.port() + " to use it", e);
            }
        }
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Starts before ordinary lifecycle beans (e.g. the job scheduler) and stops after them. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    /** The sandbox's base URI, e.g. {@code http://127.0.0.1:4566}; starts the server if needed. */
    @Override
    public URI endpoint() {
        return running().endpoint();
    }

    /** Control of the running sandbox (TXT records, faults, delays, reset); starts the server if needed. */
    public SandboxControl control() {
        return running().control();
    }

    private synchronized SandboxServer running() {
        start();
        return server;
    }
}
