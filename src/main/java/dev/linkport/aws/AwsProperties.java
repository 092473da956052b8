package dev.linkport.aws;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Linkport reaches AWS ({@code linkport.aws.*}).
 *
 * @param mode          {@code sandbox} (built-in emulator, the default) or {@code aws} (real AWS)
 * @param endpoint      endpoint override for every AWS service; in sandbox mode the sandbox's address
 * @param principalArn  the IAM principal Linkport itself runs as; put into the trust policy it shows
 *                      to team owners. Empty means "not configured": the UI then shows a placeholder.
 * @param endpoints     per-service endpoint overrides; each wins over {@code endpoint}
 * @param stsRegion     the region of the STS endpoint Linkport assumes team roles with
 * @param retry         Linkport's own retries of transient failures (the SDK retries nothing itself)
 * @param rateLimit     client-side rate limits
 * @param timeouts      HTTP timeouts
 */
@ConfigurationProperties("linkport.aws")
public record AwsProperties(
        @DefaultValue("sandbox") Mode mode,
        URI endpoint,
        String principalArn,
        @DefaultValue Endpoints endpoints,
        @DefaultValue("us-east-1") String stsRegion,
        @DefaultValue Retry retry,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue Timeouts timeouts) {

    @ConstructorBinding
    public AwsProperties {
        if (endpoints == null) {
            endpoints = new Endpoints(null, null, null, null);
        }
        if (stsRegion == null || stsRegion.isBlank()) {
            stsRegion = "us-east-1";
        }
        if (retry == null) {
            retry = Retry.DEFAULTS;
        }
        if (rateLimit == null) {
            rateLimit = RateLimit.DEFAULTS;
        }
        if (timeouts == null) {
            timeouts = Timeouts.DEFAULTS;
        }
    }

    /** Mode, endpoint and principal; everything else at its default. */
    public AwsProperties(Mode mode, URI endpoint, String principalArn) {
        this(mode, endpoint, principalArn, null, null, null, null, null);
    }

    public enum Mode {
        /** The built-in AWS sandbox: nothing real is created. */
        SANDBOX,
        /** Real AWS accounts, through STS AssumeRole. */
        AWS
    }

    /** The same settings with another endpoint for every service. */
    public AwsProperties withEndpoint(URI newEndpoint) {
        return new AwsProperties(mode, newEndpoint, principalArn, endpoints, stsRegion, retry, rateLimit, timeouts);
    }

    public boolean sandbox() {
        return mode == Mode.SANDBOX;
    }

    /** Per-service endpoint overrides ({@code linkport.aws.endpoints.ec2} etc.); {@code null} means "use {@code endpoint}". */
    public record Endpoints(URI ec2, URI elasticLoadBalancing, URI sts, URI cloudWatch) {
    }

    /** The endpoint to use for EC2, or {@code null} for AWS's own. */
    public URI ec2Endpoint() {
        return endpoints.ec2() != null ? endpoints.ec2() : endpoint;
    }

    /** The endpoint to use for ELBv2, or {@code null} for AWS's own. */
    public URI elasticLoadBalancingEndpoint() {
        return endpoints.elasticLoadBalancing() != null ? endpoints.elasticLoadBalancing() : endpoint;
    }

    /** The endpoint to use for CloudWatch (usage metrics), or {@code null} for AWS's own. */
    public URI cloudWatchEndpoint() {
        return endpoints.cloudWatch() != null ? endpoints.cloudWatch() : endpoint;
    }

    /** The endpoint to use for STS, or {@code null} for AWS's own. */
    public URI stsEndpoint() {
        return endpoints.sts() != null ? endpoints.sts() : endpoint;
    }

    /**
     * Retries of transient failures (throttling, 5xx, timeouts): exponential backoff with full jitter.
     *
     * @param maxAttempts attempts in total, the first included
     * @param baseDelay   the cap of the first retry's random wait; doubles per retry
     * @param maxDelay    the largest cap
     */
    public record Retry(@DefaultValue("5") int maxAttempts, @DefaultValue("200ms") Duration baseDelay,
            @DefaultValue("20s") Duration maxDelay) {

        static final Retry DEFAULTS = new Retry(5, Duration.ofMillis(200), Duration.ofSeconds(20));
    }

    /**
     * Linkport's budgets per (account, region, action bucket), shared by all instances through the database.
     *
     * @param share    share of AWS's published per-account buckets Linkport starts at and never exceeds, in (0, 1]
     * @param adaptive halve the rate when AWS answers RequestLimitExceeded (others use the account too) and
     *                 recover with every call after that
     */
    public record RateLimit(@DefaultValue("1.0") double share, @DefaultValue("true") boolean adaptive) {

        static final RateLimit DEFAULTS = new RateLimit(1.0, true);
    }

    /**
     * @param connect     TCP connect timeout
     * @param apiCallAttempt timeout of one HTTP attempt (request to complete answer)
     */
    public record Timeouts(@DefaultValue("5s") Duration connect, @DefaultValue("30s") Duration apiCallAttempt) {

        static final Timeouts DEFAULTS = new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(30));
    }
}
