package dev.linkport.aws.sdk;

import dev.linkport.aws.AwsCalls;
import dev.linkport.aws.AwsGatewayException;
import dev.linkport.aws.AwsGatewayException.Kind;
import dev.linkport.aws.AwsReachability;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.ratelimit.ApiBucket;
import dev.linkport.aws.ratelimit.Backoff;
import dev.linkport.aws.ratelimit.RateLimiter;
import dev.linkport.aws.ratelimit.TimeSource;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs one AWS call: takes a token from the (account, region, bucket) budget before <em>every</em> attempt,
 * tells the budget when AWS throttles (so the rate adapts), and turns the final failure into an
 * {@link AwsGatewayException}. The SDK clients retry nothing themselves, so this is the only place attempts
 * happen and every one of them is counted.
 *
 * <p>Where callers may wait ({@link AwsCalls#mayWait()}) a call waits for its token and retries transient
 * failures with {@link Backoff}. Where they may not (the worker), it tries once: no token means
 * {@link AwsGatewayException#deferred}, and a transient failure is the caller's to reschedule.
 *
 * <p>Every attempt's outcome also goes to {@link AwsReachability}, which tells people when AWS stops answering,
 * and to {@link AwsCallMetrics}.
 */
public final class AwsCallExecutor {

    private static final Logger log = LoggerFactory.getLogger(AwsCallExecutor.class);

    private final RateLimiter limiter;
    private final Backoff backoff;
    private final TimeSource time;
    private final AwsReachability reachability;
    private final AwsCallMetrics metrics;

    public AwsCallExecutor(RateLimiter limiter, Backoff backoff, TimeSource time) {
        this(limiter, backoff, time, new AwsReachability(Clock.systemUTC()));
    }

    public AwsCallExecutor(RateLimiter limiter, Backoff backoff, TimeSource time, AwsReachability reachability) {
        this(limiter, backoff, time, reachability, AwsCallMetrics.NONE);
    }

    public AwsCallExecutor(RateLimiter limiter, Backoff backoff, TimeSource time, AwsReachability reachability,
                           AwsCallMetrics metrics) {
        this.limiter = limiter;
        this.backoff = backoff;
        this.time = time;
        this.reachability = reachability;
        this.metrics = metrics;
    }

    /**
     * Calls {@code call} until it succeeds, fails permanently, or runs out of attempts.
     *
     * @param action the AWS action's name, for errors and logs
     */
    public <T> T call(AwsTarget target, String action, ApiBucket bucket, Supplier<T> call) {
        if (!AwsCalls.mayWait()) {
            return once(target, action, bucket, call);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                Duration waited = limiter.acquire(target.accountId(), target.region(), bucket);
                if (waited.compareTo(Duration.ofSeconds(1)) > 0) {
                    log.debug("{} in {}/{} waited {} for a {} token", action, target.accountId(), target.region(),
                            waited, bucket);
                }
            } catch (InterruptedException e) {
                throw interrupted(target, action, e);
            }
            AwsGatewayException failure;
            long started = time.nanoTime();
            try {
                T result = call.get();
                answered(target, action, started);
                return result;
            } catch (SdkException | UncheckedIOException e) {
                failure = failed(e, target, action, bucket, started);
            }
            if (failure.isPermanent() || !backoff.mayRetry(attempt)) {
                throw failure;
            }
            Duration delay = backoff.delayBeforeRetry(attempt);
            log.info("{} in {}/{} failed transiently ({}); attempt {} of {} in {}", action, target.accountId(),
                    target.region(), failure.errorCode().orElse(failure.awsMessage()), attempt + 1,
                    backoff.maxAttempts(), delay);
            try {
                time.sleep(delay);
            } catch (InterruptedException e) {
                throw interrupted(target, action, e);
            }
        }
    }

    /** One attempt, only if the budget has a token now. */
    private <T> T once(AwsTarget target, String action, ApiBucket bucket, Supplier<T> call) {
        Duration wait = limiter.tryAcquire(target.accountId(), target.region(), bucket);
        if (wait.isPositive()) {
            throw AwsGatewayException.deferred(target.accountId(), target.region(), action, wait);
        }
        long started = time.nanoTime();
        try {
            T result = call.get();
            answered(target, action, started);
            return result;
        } catch (SdkException | UncheckedIOException e) {
            throw failed(e, target, action, bucket, started);
        }
    }

    private void answered(AwsTarget target, String action, long started) {
        metrics.attempted(action, AwsCallMetrics.Outcome.OK, time.nanoTime() - started);
        reachability.answered(target);
    }

    private AwsGatewayException failed(RuntimeException e, AwsTarget target, String action, ApiBucket bucket,
                                       long started) {
        AwsGatewayException failure = AwsErrorClassifier.classify(e, target, action);
        metrics.attempted(action, AwsCallMetrics.Outcome.of(failure), time.nanoTime() - started);
        reachability.failed(target, failure);
        if (failure.throttled()) {
            limiter.throttled(target.accountId(), target.region(), bucket);
        }
        return failure;
    }

    private static AwsGatewayException interrupted(AwsTarget target, String action, InterruptedException e) {
        Thread.currentThread().interrupt();
        return new AwsGatewayException(Kind.TRANSIENT, null, "interrupted while waiting to call AWS",
                target.accountId(), target.region(), action, 0, e);
    }
}
