package dev.linkport.aws.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The rate budgets as metrics, tagged {@code account}, {@code region} and {@code bucket}, from the moment
 * this instance first uses a budget:
 * <ul>
 *   <li>{@code linkport.aws.budget.rate} — calls per second the budget refills at now (it drops when AWS
 *       throttles), and {@code linkport.aws.budget.rate.start} — what it starts at;</li>
 *   <li>{@code linkport.aws.budget.tokens} — calls that could go out at once now;</li>
 *   <li>{@code linkport.aws.budget.calls}, {@code .throttles}, {@code .deferrals} — counters; and
 *       {@code linkport.aws.budget.wait} — seconds callers were told to wait, in all.</li>
 * </ul>
 * The values are those of all instances together (the budgets are shared), read at most once a second.
 *
 * <p>What this instance's callers met, tagged {@code bucket} only (a handful of series, however many accounts):
 * <ul>
 *   <li>{@code linkport.aws.throttles} — throttling answers from AWS;</li>
 *   <li>{@code linkport.aws.rate.wait} — a timer of how long callers were held back for a token (waited in
 *       place, or told to come back later).</li>
 * </ul>
 */
public final class RateLimitMetrics implements RateLimiter.Listener {

    private static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final RateLimiter limiter;
    private final MeterRegistry registry;
    private volatile Map<BucketKey, RateLimiter.Budget> snapshot = Map.of();
    private volatile long readAt;

    public RateLimitMetrics(RateLimiter limiter, MeterRegistry registry) {
        this.limiter = limiter;
        this.registry = registry;
        for (ApiBucket bucket : ApiBucket.values()) { // every bucket shows, with zero, from the start
            throttleCounter(bucket);
            waitTimer(bucket);
        }
        limiter.listen(this);
    }

    @Override
    public void throttled(BucketKey key) {
        throttleCounter(key.bucket()).increment();
    }

    @Override
    public void heldBack(BucketKey key, Duration wait) {
        waitTimer(key.bucket()).record(wait);
    }

    private Counter throttleCounter(ApiBucket bucket) {
        return Counter.builder("linkport.aws.throttles")
                .description("Throttling answers from AWS to this instance's calls").tag("bucket", bucket.name())
                .register(registry);
    }

    private Timer waitTimer(ApiBucket bucket) {
        return Timer.builder("linkport.aws.rate.wait")
                .description("How long this instance's callers were held back for a rate-limit token")
                .tag("bucket", bucket.name()).register(registry);
    }

    @Override
    public void firstUse(BucketKey key) {
        Tags tags = Tags.of("account", key.accountId(), "region", key.region(), "bucket", key.bucket().name());
        gauge("linkport.aws.budget.rate", "Calls per second the budget refills at now", tags, key,
                RateLimiter.Budget::rate);
        gauge("linkport.aws.budget.rate.start", "Calls per second the budget starts at (share of AWS's rate)", tags,
                key, RateLimiter.Budget::startRate);
        gauge("linkport.aws.budget.tokens", "Calls that could go out at once now", tags, key,
                RateLimiter.Budget::tokens);
        counter("linkport.aws.budget.calls", "Tokens handed out", tags, key, b -> b.calls());
        counter("linkport.aws.budget.throttles", "RequestLimitExceeded answers from AWS", tags, key,
                b -> b.throttles());
        counter("linkport.aws.budget.deferrals", "Calls told to come back later", tags, key, b -> b.deferrals());
        counter("linkport.aws.budget.wait", "Seconds callers were told to wait, in all", tags, key,
                b -> b.deferred().toMillis() / 1000.0);
    }

    private void gauge(String name, String description, Tags tags, BucketKey key,
                       ToDoubleFunction<RateLimiter.Budget> value) {
        Gauge.builder(name, this, m -> m.value(key, value)).description(description).tags(tags).register(registry);
    }

    private void counter(String name, String description, Tags tags, BucketKey key,
                         ToDoubleFunction<RateLimiter.Budget> value) {
        FunctionCounter.builder(name, this, m -> m.value(key, value)).description(description).tags(tags)
                .register(registry);
    }

    private double value(BucketKey key, ToDoubleFunction<RateLimiter.Budget> value) {
        RateLimiter.Budget budget = budgets().get(key);
        return budget == null ? Double.NaN : value.applyAsDouble(budget);
    }

    private Map<BucketKey, RateLimiter.Budget> budgets() {
        long now = System.nanoTime();
        if (now - readAt > FRESH_NANOS) {
            snapshot = limiter.budgets().stream()
                    .collect(Collectors.toMap(RateLimiter.Budget::key, b -> b, (a, b) -> a));
            readAt = now;
        }
        return snapshot;
    }
}
