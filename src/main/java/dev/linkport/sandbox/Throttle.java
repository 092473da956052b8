package dev.linkport.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * AWS's EC2 request throttling: one token bucket per account, region and action bucket, with the
 * burst sizes and refill rates AWS documents for EC2 (CreateVpcEndpoint 4 + 0.3/s, endpoint service
 * configurations and accept/reject 10 + 1/s, other mutating calls 50 + 5/s, Describe* 100 + 20/s).
 */
final class Throttle {

    /** The bucket an action draws from. */
    enum Bucket {
        ENDPOINT(4, 0.3),
        SERVICE_CONFIGURATION(10, 1),
        CONNECTION(10, 1),
        MUTATING(50, 5),
        DESCRIBE(100, 20);

        final int burst;
        final double refillPerSecond;

        Bucket(int burst, double refillPerSecond) {
            this.burst = burst;
            this.refillPerSecond = refillPerSecond;
        }
    }

    private final Clock clock;
    private final Map<String, double[]> buckets = new HashMap<>();

    Throttle(Clock clock) {
        this.clock = clock;
    }

    static Bucket bucketOf(String action) {
        return switch (action) {
            case "CreateVpcEndpoint", "ModifyVpcEndpoint", "DeleteVpcEndpoints" -> Bucket.ENDPOINT;
            case "CreateVpcEndpointServiceConfiguration", "ModifyVpcEndpointServiceConfiguration",
                    "DeleteVpcEndpointServiceConfigurations" -> Bucket.SERVICE_CONFIGURATION;
            case "AcceptVpcEndpointConnections", "RejectVpcEndpointConnections" -> Bucket.CONNECTION;
            default -> action.startsWith("Describe") || action.startsWith("Get") ? Bucket.DESCRIBE : Bucket.MUTATING;
        };
    }

    /** Takes one token for the action; false when the bucket is empty (the request is throttled). */
    synchronized boolean tryAcquire(String accountId, String region, String action) {
        Bucket bucket = bucketOf(action);
        // to the microsecond, as continuous as AWS's buckets: a client that paces itself exactly is never throttled
        Instant instant = clock.instant();
        long now = instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
        double[] b = buckets.computeIfAbsent(accountId + "/" + region + "/" + bucket,
                k -> new double[] {bucket.burst, now});
        b[0] = Math.min(bucket.burst, b[0] + (now - b[1]) / 1e6 * bucket.refillPerSecond);
        b[1] = now;
        if (b[0] < 1) {
            return false;
        }
        b[0] -= 1;
        return true;
    }

    synchronized void reset() {
        buckets.clear();
    }
}
