package dev.linkport.aws.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkport.aws.AwsCalls;
import dev.linkport.aws.AwsGatewayException;
import dev.linkport.aws.AwsReachability;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.ratelimit.ApiBucket;
import dev.linkport.aws.ratelimit.Backoff;
import dev.linkport.aws.ratelimit.FakeTime;
import dev.linkport.aws.ratelimit.RateLimitMetrics;
import dev.linkport.aws.ratelimit.RateLimiter;
import dev.linkport.aws.sdk.AwsCallMetrics.Outcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

/** Every attempt of an AWS call counts once in {@code linkport.aws.calls}, with what came of it. */
class AwsCallMetricsTest {

    private static final AwsTarget TARGET = AwsTarget.system("222222222222", "us-east-1",
            "arn:aws:iam::222222222222:role/LinkportAccess", "demo-222222222222");

    private final FakeTime time = new FakeTime();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RateLimiter limiter = new RateLimiter(1.0, time);
    private final AwsCallExecutor executor = new AwsCallExecutor(limiter,
            new Backoff(3, Duration.ofMillis(100), Duration.ofSeconds(1), new Random(3)), time,
            new AwsReachability(Clock.systemUTC()), new AwsCallMetrics(meters));

    @Test
    void eachAttemptIsCountedByActionAndOutcomeRetriesIncluded() {
        new RateLimitMetrics(limiter, meters);
        AtomicInteger attempts = new AtomicInteger();

        executor.call(TARGET, "DescribeVpcs", ApiBucket.DESCRIBE, () -> {
            if (attempts.incrementAndGet() == 1) {
                throw awsError("RequestLimitExceeded", 503);
            }
            if (attempts.get() == 2) {
                time.sleep(Duration.ofMillis(40)); // the attempt takes 40 ms of (fake) time
                throw awsError("InternalError", 500);
            }
            return "vpcs";
        });

        assertThat(calls("DescribeVpcs", "throttled")).isEqualTo(1);
        assertThat(calls("DescribeVpcs", "server_error")).isEqualTo(1);
        assertThat(calls("DescribeVpcs", "ok")).isEqualTo(1);
        assertThat(meters.get("linkport.aws.calls").tags("action", "DescribeVpcs", "outcome", "server_error").timer()
                .totalTime(TimeUnit.MILLISECONDS)).isEqualTo(40);
        // the throttle counts for its bucket, and the budget held the retry back for a token
        assertThat(meters.get("linkport.aws.throttles").tag("bucket", "DESCRIBE").counter().count()).isEqualTo(1);
        assertThat(meters.get("linkport.aws.throttles").tag("bucket", "VPC_ENDPOINTS").counter().count()).isZero();
        assertThat(meters.get("linkport.aws.rate.wait").tag("bucket", "DESCRIBE").timer().count()).isPositive();
    }

    @Test
    void aRefusalIsAClientErrorAndNoAnswerIsUnreachable() {
        assertThatThrownBy(() -> executor.call(TARGET, "CreateVpcEndpoint", ApiBucket.VPC_ENDPOINTS, () -> {
            throw awsError("InvalidVpcID.NotFound", 400);
        })).isInstanceOf(AwsGatewayException.class);
        assertThatThrownBy(() -> AwsCalls.withoutWaiting(() -> executor.call(TARGET, "DescribeVpcEndpoints",
                ApiBucket.DESCRIBE, () -> {
                    throw new UncheckedIOException(new IOException("connection refused"));
                }))).isInstanceOf(AwsGatewayException.class);

        assertThat(calls("CreateVpcEndpoint", "client_error")).isEqualTo(1);
        assertThat(calls("DescribeVpcEndpoints", "unreachable")).isEqualTo(1);
    }

    @Test
    void aCallHeldBackForItsBudgetIsNoAttempt() {
        for (int i = 0; i < limiter.burst(ApiBucket.VPC_ENDPOINTS); i++) {
            AwsCalls.withoutWaiting(() -> executor.call(TARGET, "CreateVpcEndpoint", ApiBucket.VPC_ENDPOINTS, () -> "ok"));
        }
        assertThatThrownBy(() -> AwsCalls.withoutWaiting(() -> executor.call(TARGET, "CreateVpcEndpoint",
                ApiBucket.VPC_ENDPOINTS, () -> "ok"))).isInstanceOfSatisfying(AwsGatewayException.class,
                e -> assertThat(e.deferred()).isTrue());

        assertThat(calls("CreateVpcEndpoint", "ok")).isEqualTo(limiter.burst(ApiBucket.VPC_ENDPOINTS));
        assertThat(meters.find("linkport.aws.calls").timers()).hasSize(1);
    }

    @Test
    void outcomesFollowThrottlingThenTheHttpStatus() {
        assertThat(Outcome.of(failure("Throttling", 400, AwsGatewayException.Kind.TRANSIENT))).isEqualTo(Outcome.THROTTLED);
        assertThat(Outcome.of(failure(null, 429, AwsGatewayException.Kind.TRANSIENT))).isEqualTo(Outcome.THROTTLED);
        assertThat(Outcome.of(failure("ServiceUnavailable", 503, AwsGatewayException.Kind.TRANSIENT)))
                .isEqualTo(Outcome.SERVER_ERROR);
        assertThat(Outcome.of(failure("NotImplemented", 501, AwsGatewayException.Kind.PERMANENT)))
                .isEqualTo(Outcome.SERVER_ERROR);
        assertThat(Outcome.of(failure("UnauthorizedOperation", 403, AwsGatewayException.Kind.PERMANENT)))
                .isEqualTo(Outcome.CLIENT_ERROR);
        assertThat(Outcome.of(failure(null, 0, AwsGatewayException.Kind.TRANSIENT))).isEqualTo(Outcome.UNREACHABLE);
        assertThat(Outcome.of(failure(null, 0, AwsGatewayException.Kind.PERMANENT))).isEqualTo(Outcome.CLIENT_ERROR);
        assertThat(Outcome.UNREACHABLE.tag()).isEqualTo("unreachable");
    }

    private double calls(String action, String outcome) {
        var timer = meters.find("linkport.aws.calls").tags("action", action, "outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    private static AwsGatewayException failure(String code, int status, AwsGatewayException.Kind kind) {
        return new AwsGatewayException(kind, code, "m", "222222222222", "us-east-1", "DescribeVpcs", status, null);
    }

    private static Ec2Exception awsError(String code, int status) {
        return (Ec2Exception) Ec2Exception.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code + " happened").build())
                .statusCode(status)
                .build();
    }
}
