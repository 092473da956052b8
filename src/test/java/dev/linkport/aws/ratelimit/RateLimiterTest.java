package dev.linkport.aws.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RateLimiterTest {

    private static final String ACCOUNT = "111111111111";
    private static final String REGION = "eu-central-1";

    private final FakeTime time = new FakeTime();
    private final RateLimiter limiter = new RateLimiter(0.8, time);

    @ParameterizedTest
    @EnumSource(ApiBucket.class)
    void callsIssuedNeverExceedWhatTheBucketAllowsOverAnyWindow(ApiBucket bucket) throws InterruptedException {
        Random gaps = new Random(42);
        List<Long> issuedAt = new ArrayList<>();
        for (int call = 0; call < 300; call++) {
            if (gaps.nextInt(4) == 0) {
                // now and then the caller is idle for a while, so the bucket partly refills
                time.advance(Duration.ofMillis(gaps.nextInt(3_000)));
            }
            limiter.acquire(ACCOUNT, REGION, bucket);
            issuedAt.add(time.nanoTime());
        }

        double burst = limiter.burst(bucket);
        double perNano = limiter.refillPerSecond(bucket) / 1e9;
        for (int first = 0; first < issuedAt.size(); first++) {
            for (int last = first; last < issuedAt.size(); last++) {
                long window = issuedAt.get(last) - issuedAt.get(first);
                int calls = last - first + 1;
                assertThat((double) calls)
                        .as("calls %d..%d within %d ns", first, last, window)
                        .isLessThanOrEqualTo(burst + window * perNano + 1e-6)
                        .isLessThanOrEqualTo(bucket.awsBurst() + window * bucket.awsRefillPerSecond() / 1e9);
            }
        }
    }

    @Test
    void aCallBeyondTheBurstWaitsForItsTokenInsteadOfFailing() throws InterruptedException {
        int burst = limiter.burst(ApiBucket.VPC_ENDPOINTS);
        for (int call = 0; call < burst; call++) {
            assertThat(limiter.acquire(ACCOUNT, REGION, ApiBucket.VPC_ENDPOINTS)).isZero();
        }

        Duration waited = limiter.acquire(ACCOUNT, REGION, ApiBucket.VPC_ENDPOINTS);

        // 0.8 × 0.3 tokens per second: one token takes 1/0.24 s, refilling from a second after the first call on
        assertThat(waited).isBetween(Duration.ofMillis(5_166), Duration.ofMillis(5_167));
        assertThat(time.sleeps()).containsExactly(waited);
    }

    @Test
    void waitingCallersQueueUpOneRefillIntervalApart() throws InterruptedException {
        for (int call = 0; call < limiter.burst(ApiBucket.DESCRIBE); call++) {
            limiter.acquire(ACCOUNT, REGION, ApiBucket.DESCRIBE);
        }
        long before = time.nanoTime();

        for (int call = 0; call < 16; call++) {
            limiter.acquire(ACCOUNT, REGION, ApiBucket.DESCRIBE);
        }

        // 16 calls at 16 per second (80 % of 20) take one second, once refilling has started (a second after the
        // first call: AWS may see that call that much later)
        assertThat(Duration.ofNanos(time.nanoTime() - before)).isBetween(Duration.ofMillis(1_999),
                Duration.ofMillis(2_001));
    }

    @Test
    void accountsRegionsAndBucketsHaveTheirOwnBuckets() throws InterruptedException {
        for (int call = 0; call < limiter.burst(ApiBucket.VPC_ENDPOINTS); call++) {
            limiter.acquire(ACCOUNT, REGION, ApiBucket.VPC_ENDPOINTS);
        }

        assertThat(limiter.acquire("222222222222", REGION, ApiBucket.VPC_ENDPOINTS)).isZero();
        assertThat(limiter.acquire(ACCOUNT, "us-east-1", ApiBucket.VPC_ENDPOINTS)).isZero();
        assertThat(limiter.acquire(ACCOUNT, REGION, ApiBucket.DESCRIBE)).isZero();
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void aFullBucketHoldsNoMoreThanItsBurstAfterAnIdleHour() throws InterruptedException {
        time.advance(Duration.ofHours(1));
        int burst = limiter.burst(ApiBucket.ENDPOINT_CONNECTIONS);

        for (int call = 0; call < burst; call++) {
            limiter.acquire(ACCOUNT, REGION, ApiBucket.ENDPOINT_CONNECTIONS);
        }
        assertThat(time.sleeps()).isEmpty();
        assertThat(limiter.acquire(ACCOUNT, REGION, ApiBucket.ENDPOINT_CONNECTIONS)).isPositive();
    }

    @Test
    void limitsAreEightyPercentOfAwsPublishedBuckets() {
        assertThat(limiter.burst(ApiBucket.VPC_ENDPOINTS)).isEqualTo(3);
        assertThat(limiter.refillPerSecond(ApiBucket.VPC_ENDPOINTS)).isCloseTo(0.24, within());
        assertThat(limiter.burst(ApiBucket.ENDPOINT_SERVICE_CONFIGURATIONS)).isEqualTo(8);
        assertThat(limiter.refillPerSecond(ApiBucket.ENDPOINT_SERVICE_CONFIGURATIONS)).isCloseTo(0.8, within());
        assertThat(limiter.burst(ApiBucket.ENDPOINT_CONNECTIONS)).isEqualTo(8);
        assertThat(limiter.burst(ApiBucket.OTHER_MUTATING)).isEqualTo(40);
        assertThat(limiter.refillPerSecond(ApiBucket.OTHER_MUTATING)).isCloseTo(4, within());
        assertThat(limiter.burst(ApiBucket.DESCRIBE)).isEqualTo(80);
        assertThat(limiter.refillPerSecond(ApiBucket.DESCRIBE)).isCloseTo(16, within());
    }

    @Test
    void aFractionAboveAwsLimitsIsRefused() {
        assertThatThrownBy(() -> new RateLimiter(1.2, time)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiter(0, time)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tryAcquireNeverWaitsAndSaysWhenToComeBack() {
        int burst = limiter.burst(ApiBucket.VPC_ENDPOINTS);
        for (int call = 0; call < burst; call++) {
            assertThat(limiter.tryAcquire(ACCOUNT, REGION, ApiBucket.VPC_ENDPOINTS)).isZero();
        }

        Duration comeBack = limiter.tryAcquire(ACCOUNT, REGION, ApiBucket.VPC_ENDPOINTS);

        // refilling starts a second after the first call, then a token takes 1/0.24 s
        assertThat(comeBack).isBetween(Duration.ofMillis(5_166), Duration.ofMillis(5_167));
        assertThat(time.sleeps()).isEmpty();
        // asking again changes nothing: no token was reserved for the caller who was sent away
        time.advance(Duration.ofMillis(5_000));
        assertThat(limiter.tryAcquire(ACCOUNT, REGION, ApiBucket.VPC_ENDPOINTS)).isPositive();
        time.advance(Duration.ofMillis(167));
        assertThat(limiter.tryAcquire(ACCOUNT, REGION, ApiBucket.VPC_ENDPOINTS)).isZero();
        assertThat(limiter.budgets()).singleElement().satisfies(b -> {
            assertThat(b.calls()).isEqualTo(burst + 1);
            assertThat(b.deferrals()).isEqualTo(2);
        });
    }

    @Test
    void aThrottleHalvesTheRateAndEveryCallAfterwardsGivesBackAFiftieth() {
        RateLimiter full = new RateLimiter(1.0, time);
        double start = full.refillPerSecond(ApiBucket.DESCRIBE);
        full.tryAcquire(ACCOUNT, REGION, ApiBucket.DESCRIBE);

        full.throttled(ACCOUNT, REGION, ApiBucket.DESCRIBE);

        assertThat(rate(full, ApiBucket.DESCRIBE)).isCloseTo(start / 2, within());
        // the tokens held are given up: the next call waits for a token at the halved rate (refilling from a
        // second after the first call on)
        assertThat(full.tryAcquire(ACCOUNT, REGION, ApiBucket.DESCRIBE)).isEqualTo(Duration.ofMillis(1_100));
        time.advance(Duration.ofMillis(1_100));
        assertThat(full.tryAcquire(ACCOUNT, REGION, ApiBucket.DESCRIBE)).isZero();
        assertThat(rate(full, ApiBucket.DESCRIBE)).isCloseTo(start * (0.5 + RateLimiter.RECOVERY_PER_CALL), within());

        for (int call = 0; call < 100; call++) {
            time.advance(full.tryAcquire(ACCOUNT, REGION, ApiBucket.DESCRIBE));
            full.tryAcquire(ACCOUNT, REGION, ApiBucket.DESCRIBE);
        }
        assertThat(rate(full, ApiBucket.DESCRIBE)).as("never above the start").isCloseTo(start, within());
    }

    @Test
    void theRateNeverFallsBelowItsFloorHoweverOftenAwsThrottles() {
        RateLimiter full = new RateLimiter(1.0, time);
        for (int throttle = 0; throttle < 20; throttle++) {
            full.throttled(ACCOUNT, REGION, ApiBucket.VPC_ENDPOINTS);
        }

        assertThat(rate(full, ApiBucket.VPC_ENDPOINTS)).isCloseTo(0.3 * RateLimiter.FLOOR, within());
        assertThat(full.budgets()).singleElement().extracting(RateLimiter.Budget::throttles).isEqualTo(20L);
    }

    @Test
    void withoutAdaptationAThrottleOnlyEmptiesTheBucket() {
        RateLimiter fixed = new RateLimiter(1.0, false, time, new InMemoryBucketStore());
        fixed.throttled(ACCOUNT, REGION, ApiBucket.VPC_ENDPOINTS);

        assertThat(rate(fixed, ApiBucket.VPC_ENDPOINTS)).isCloseTo(0.3, within());
        assertThat(fixed.tryAcquire(ACCOUNT, REGION, ApiBucket.VPC_ENDPOINTS)).isPositive();
    }

    @Test
    void theDefaultShareIsAwsPublishedRate() {
        RateLimiter full = new RateLimiter(1.0, time);
        for (ApiBucket bucket : ApiBucket.values()) {
            assertThat(full.burst(bucket)).isEqualTo(bucket.awsBurst());
            assertThat(full.refillPerSecond(bucket)).isCloseTo(bucket.awsRefillPerSecond(), within());
        }
    }

    private static double rate(RateLimiter limiter, ApiBucket bucket) {
        return limiter.budgets().stream().filter(b -> b.key().bucket() == bucket).findFirst().orElseThrow().rate();
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }
}
