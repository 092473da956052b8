package dev.linkport.aws.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkport.aws.AwsCalls;
import dev.linkport.aws.AwsGatewayException;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.ratelimit.ApiBucket;
import dev.linkport.aws.ratelimit.Backoff;
import dev.linkport.aws.ratelimit.FakeTime;
import dev.linkport.aws.ratelimit.RateLimiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

class AwsCallExecutorTest {

    private static final AwsTarget TARGET = AwsTarget.system("222222222222", "us-east-1",
            "arn:aws:iam::222222222222:role/LinkportAccess", "demo-222222222222");
    private static final Duration MAX_DELAY = Duration.ofSeconds(2);

    private final FakeTime time = new FakeTime();
    private final RateLimiter limiter = new RateLimiter(0.8, time);
    private final AwsCallExecutor executor = new AwsCallExecutor(limiter,
            new Backoff(5, Duration.ofMillis(100), MAX_DELAY, new Random(11)), time);

    @Test
    void throttledAttemptsAreRetriedUntilOneSucceeds() {
        AtomicInteger attempts = new AtomicInteger();

        String result = executor.call(TARGET, "DescribeVpcs", ApiBucket.DESCRIBE, () -> {
            if (attempts.incrementAndGet() < 3) {
                throw awsError("RequestLimitExceeded", 503);
            }
            return "vpcs";
        });

        assertThat(result).isEqualTo("vpcs");
        assertThat(attempts).hasValue(3);
        // each retry waits for its backoff, then for a token: a throttle gives up the tokens the budget held
        List<Duration> sleeps = time.sleeps();
        assertThat(sleeps).hasSize(4);
        assertThat(List.of(sleeps.get(0), sleeps.get(2))).allSatisfy(d -> assertThat(d).isBetween(Duration.ZERO, MAX_DELAY));
        assertThat(List.of(sleeps.get(1), sleeps.get(3))).allSatisfy(d -> assertThat(d).isPositive());
    }

    @Test
    void everyAttemptTakesATokenFromTheSameBucket() {
        // VPC_ENDPOINTS allows a burst of 3: the 4th and 5th attempts must wait for refills
        List<Long> attemptTimes = new ArrayList<>();

        assertThatThrownBy(() -> executor.call(TARGET, "CreateVpcEndpoint", ApiBucket.VPC_ENDPOINTS, () -> {
            attemptTimes.add(time.nanoTime());
            throw awsError("RequestLimitExceeded", 503);
        })).isInstanceOf(AwsGatewayException.class);

        assertThat(attemptTimes).hasSize(5);
        double tokensPerNano = limiter.refillPerSecond(ApiBucket.VPC_ENDPOINTS) / 1e9;
        long span = attemptTimes.getLast() - attemptTimes.getFirst();
        assertThat(5.0).isLessThanOrEqualTo(limiter.burst(ApiBucket.VPC_ENDPOINTS) + span * tokensPerNano + 1e-6);
        // a call made right afterwards finds the bucket drained by the retries
        assertThat(catchWait()).isPositive();
    }

    @Test
    void withoutWaitingACallWithoutATokenIsDeferredAndNeverSleeps() {
        for (int call = 0; call < limiter.burst(ApiBucket.VPC_ENDPOINTS); call++) {
            AwsCalls.withoutWaiting(() -> executor.call(TARGET, "CreateVpcEndpoint", ApiBucket.VPC_ENDPOINTS, () -> "ok"));
        }
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> AwsCalls.withoutWaiting(() -> executor.call(TARGET, "CreateVpcEndpoint",
                ApiBucket.VPC_ENDPOINTS, attempts::incrementAndGet)))
                .isInstanceOfSatisfying(AwsGatewayException.class, e -> {
                    assertThat(e.deferred()).isTrue();
                    assertThat(e.isPermanent()).isFalse();
                    assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d).isPositive());
                });
        assertThat(attempts).as("AWS was not called").hasValue(0);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void withoutWaitingAThrottleComesBackAtOnceAndSlowsTheBudget() {
        double before = limiter.budgets().stream().mapToDouble(RateLimiter.Budget::rate).findFirst()
                .orElse(limiter.refillPerSecond(ApiBucket.DESCRIBE));
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> AwsCalls.withoutWaiting(() -> executor.call(TARGET, "DescribeVpcs",
                ApiBucket.DESCRIBE, () -> {
                    attempts.incrementAndGet();
                    throw awsError("RequestLimitExceeded", 503);
                })))
                .isInstanceOfSatisfying(AwsGatewayException.class, e -> {
                    assertThat(e.throttled()).isTrue();
                    assertThat(e.isPermanent()).isFalse();
                });
        assertThat(attempts).as("one attempt, no retry in place").hasValue(1);
        assertThat(time.sleeps()).isEmpty();
        assertThat(limiter.budgets()).singleElement().satisfies(b -> {
            assertThat(b.rate()).isCloseTo(before / 2, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(b.throttles()).isEqualTo(1);
        });
    }

    private Duration catchWait() {
        try {
            return limiter.acquire(TARGET.accountId(), TARGET.region(), ApiBucket.VPC_ENDPOINTS);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aPermanentFailureIsNotRetried() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> executor.call(TARGET, "CreateVpcEndpoint", ApiBucket.VPC_ENDPOINTS, () -> {
            attempts.incrementAndGet();
            throw awsError("InvalidVpcId.NotFound", 400);
        }))
                .isInstanceOfSatisfying(AwsGatewayException.class, failure -> {
                    assertThat(failure.isPermanent()).isTrue();
                    assertThat(failure.errorCode()).contains("InvalidVpcId.NotFound");
                    assertThat(failure.action()).isEqualTo("CreateVpcEndpoint");
                });
        assertThat(attempts).hasValue(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void retriesStopAfterMaxAttemptsWithATransientFailure() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> executor.call(TARGET, "DescribeVpcs", ApiBucket.DESCRIBE, () -> {
            attempts.incrementAndGet();
            throw awsError("InternalError", 500);
        })).isInstanceOfSatisfying(AwsGatewayException.class,
                failure -> assertThat(failure.isTransient()).isTrue());

        assertThat(attempts).hasValue(5);
        assertThat(time.sleeps()).hasSize(4).allSatisfy(delay -> assertThat(delay).isBetween(Duration.ZERO, MAX_DELAY));
    }

    @Test
    void anInterruptedWaitEndsTheCallAndKeepsTheInterruptFlag() {
        Thread.currentThread().interrupt();
        AwsCallExecutor interruptible = new AwsCallExecutor(limiter,
                new Backoff(3, Duration.ofSeconds(1), MAX_DELAY, new Random(1)),
                new dev.linkport.aws.ratelimit.TimeSource() {
                    @Override
                    public long nanoTime() {
                        return time.nanoTime();
                    }

                    @Override
                    public void sleep(Duration duration) throws InterruptedException {
                        throw new InterruptedException();
                    }
                });
        try {
            assertThatThrownBy(() -> interruptible.call(TARGET, "DescribeVpcs", ApiBucket.DESCRIBE, () -> {
                throw awsError("RequestLimitExceeded", 503);
            })).isInstanceOfSatisfying(AwsGatewayException.class,
                    failure -> assertThat(failure.isTransient()).isTrue());
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    private static Ec2Exception awsError(String code, int status) {
        return (Ec2Exception) Ec2Exception.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code + " happened").build())
                .statusCode(status)
                .build();
    }
}
