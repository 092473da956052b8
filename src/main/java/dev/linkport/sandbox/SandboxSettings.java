package dev.linkport.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * The sandbox's adjustable behaviour: how long state transitions take and whether AWS's request
 * throttling is emulated. Thread-safe; changes apply to the next request.
 */
public final class SandboxSettings {

    private volatile Duration pendingToAvailable;
    private volatile Duration deletingToDeleted;
    private volatile Duration deletedRetention;
    private volatile Duration privateDnsVerification;
    private volatile boolean throttling;

    /** AWS-like defaults: 2 s per transition, deleted endpoints listed for 60 s, throttling on. */
    public SandboxSettings() {
        this(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofSeconds(2), true);
    }

    /**
     * @param pendingToAvailable     time an endpoint stays {@code pending} before it is {@code available}
     * @param deletingToDeleted      time an endpoint stays {@code deleting} before it is {@code deleted}
     * @param deletedRetention       time a {@code deleted} endpoint is still listed
     * @param privateDnsVerification time a private DNS verification takes
     * @param throttling             whether AWS's token buckets apply
     */
    public SandboxSettings(Duration pendingToAvailable, Duration deletingToDeleted, Duration deletedRetention,
            Duration privateDnsVerification, boolean throttling) {
        this.pendingToAvailable = Objects.requireNonNull(pendingToAvailable);
        this.deletingToDeleted = Objects.requireNonNull(deletingToDeleted);
        this.deletedRetention = Objects.requireNonNull(deletedRetention);
        this.privateDnsVerification = Objects.requireNonNull(privateDnsVerification);
        this.throttling = throttling;
    }

    /** Settings for tests: every transition is immediate (on the next read) and throttling is off. */
    public static SandboxSettings instant() {
        return new SandboxSettings(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(60), Duration.ZERO, false);
    }

    public Duration pendingToAvailable() {
        return pendingToAvailable;
    }

    public SandboxSettings pendingToAvailable(Duration value) {
        this.pendingToAvailable = Objects.requireNonNull(value);
        return this;
    }

    public Duration deletingToDeleted() {
        return deletingToDeleted;
    }

    public SandboxSettings deletingToDeleted(Duration value) {
        this.deletingToDeleted = Objects.requireNonNull(value);
        return this;
    }

    public Duration deletedRetention() {
        return deletedRetention;
    }

    public SandboxSettings deletedRetention(Duration value) {
        this.deletedRetention = Objects.requireNonNull(value);
        return this;
    }

    public Duration privateDnsVerification() {
        return privateDnsVerification;
    }

    public SandboxSettings privateDnsVerification(Duration value) {
        this.privateDnsVerification = Objects.requireNonNull(value);
        return this;
    }

    public boolean throttling() {
        return throttling;
    }

    public SandboxSettings throttling(boolean enabled) {
        this.throttling = enabled;
        return this;
    }

    @Override
    public String toString() {
        return "SandboxSettings[pendingToAvailable=" + pendingToAvailable + ", deletingToDeleted=" + deletingToDeleted
                + ", deletedRetention=" + deletedRetention + ", privateDnsVerification=" + privateDnsVerification
                + ", throttling=" + throttling + "]";
    }
}
