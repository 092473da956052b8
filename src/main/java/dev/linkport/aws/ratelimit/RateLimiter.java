package dev.linkport.aws.ratelimit;

import dev.linkport.aws.ratelimit.BucketStore.Change;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client-side token buckets per (account, region, {@link ApiBucket}), starting at {@code share} of AWS's
 * burst and refill rate. The rate adapts to AWS's answers: it halves when AWS answers RequestLimitExceeded
 * (someone else uses the account's buckets too) and recovers a little with every token handed out, never
 * above the start and never below a quarter of it. Budgets live in a {@link BucketStore}: per JVM, or
 * shared by every Linkport instance through PostgreSQL.
 *
 * <p>Two ways to take a token: {@link #tryAcquire} never waits and says when to come back (the worker
 * reschedules its step for then); {@link #acquire} waits for its turn (a person waiting for a form).
 */
public final class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    /** The rate never drops below this share of the start rate, so a budget never stops. */
    static final double FLOOR = 0.25;
    /** How much of the start rate every token handed out gives back after a throttle. */
    static final double RECOVERY_PER_CALL = 0.02;
    /** How long after a full bucket's first token AWS may see that call (see {@link #taken}). */
    static final Duration FIRST_CALL_ALLOWANCE = Duration.ofSeconds(1);

    private final double share;
    private final boolean adaptive;
    private final TimeSource time;
    private final BucketStore store;
    private final Set<BucketKey> seen = ConcurrentHashMap.newKeySet();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    /**
     * Hears what happens to this instance's budgets, on the caller's thread, after the budget has changed:
     * metrics ({@link RateLimitMetrics}) and the hourly history of throttles ({@link ThrottleHistory}). A listener
     * that fails is logged and never fails the call.
     */
    public interface Listener {

        /** This instance uses the budget for the first time. */
        default void firstUse(BucketKey key) {
        }

        /** AWS answered RequestLimitExceeded (or another throttling error) to a call of this budget. */
        default void throttled(BucketKey key) {
        }

        /** A caller found no token: it waits ({@link #acquire}) or comes back ({@link #tryAcquire}) after {@code wait}. */
        default void heldBack(BucketKey key, Duration wait) {
        }
    }

    /** Budgets of this JVM alone, adapting to throttles. */
    public RateLimiter(double share, TimeSource time) {
        this(share, true, time, new InMemoryBucketStore());
    }

    /**
     * @param share    share of AWS's limits Linkport starts at (and never exceeds), in (0, 1]
     * @param adaptive whether the rate halves on AWS's throttling answers and recovers after them
     */
    public RateLimiter(double share, boolean adaptive, TimeSource time, BucketStore store) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("Rate-limit share must be in (0, 1]: " + share);
        }
        this.share = share;
        this.adaptive = adaptive;
        this.time = time;
        this.store = store;
    }

    /** Adds a listener; it hears at once of every budget this instance has already used. */
    public void listen(Listener listener) {
        listeners.add(listener);
        seen.forEach(key -> tell(l -> l.firstUse(key), listener));
    }

    private BucketKey key(String accountId, String region, ApiBucket bucket) {
        BucketKey key = new BucketKey(accountId, region, bucket);
        if (seen.add(key)) {
            tell(l -> l.firstUse(key));
        }
        return key;
    }

    private void tell(Consumer<Listener> event) {
        listeners.forEach(l -> tell(event, l));
    }

    private static void tell(Consumer<Listener> event, Listener listener) {
        try {
            event.accept(listener);
        } catch (RuntimeException e) {
            log.warn("A rate-limit listener failed: {}", e.toString());
        }
    }

    private Duration heldBack(BucketKey key, Duration wait) {
        if (wait.isPositive()) {
            tell(l -> l.heldBack(key, wait));
        }
        return wait;
    }

    /** Burst Linkport allows itself in {@code bucket}: {@code share} of AWS's, at least one call. */
    public int burst(ApiBucket bucket) {
        return Math.max(1, (int) Math.floor(bucket.awsBurst() * share));
    }

    /** Refill rate (calls per second) Linkport starts at, and never exceeds, in {@code bucket}. */
    public double refillPerSecond(ApiBucket bucket) {
        return bucket.awsRefillPerSecond() * share;
    }

    /**
     * Takes a token now if there is one; never waits.
     *
     * @return zero when a token was taken, otherwise how long until there will be one
     */
    public Duration tryAcquire(String accountId, String region, ApiBucket bucket) {
        BucketKey key = key(accountId, region, bucket);
        return heldBack(key, store.update(key, fresh(bucket), s -> {
            BucketState r = refill(s, bucket);
            if (r.tokens() >= 1) {
                return new Change<>(taken(r, bucket), Duration.ZERO);
            }
            Duration wait = untilAToken(r);
            return new Change<>(new BucketState(r.tokens(), r.rate(), r.refilledAt(), r.calls(), r.throttles(),
                    r.deferrals() + 1, r.deferredMillis() + wait.toMillis()), wait);
        }));
    }

    /**
     * Takes a token from the account's bucket, waiting as long as needed: callers queue up in arrival order.
     *
     * @return how long the caller waited
     * @throws InterruptedException if interrupted while waiting (the token is then lost, which only errs on the
     *                              safe side)
     */
    public Duration acquire(String accountId, String region, ApiBucket bucket) throws InterruptedException {
        BucketKey key = key(accountId, region, bucket);
        Duration wait = store.update(key, fresh(bucket), s -> {
            BucketState r = refill(s, bucket);
            Duration w = r.tokens() >= 1 ? Duration.ZERO : untilAToken(r);
            BucketState next = taken(r, bucket);
            return new Change<>(w.isZero() ? next : new BucketState(next.tokens(), next.rate(), next.refilledAt(),
                    next.calls(), next.throttles(), next.deferrals() + 1, next.deferredMillis() + w.toMillis()), w);
        });
        heldBack(key, wait);
        if (wait.isPositive()) {
            time.sleep(wait);
        }
        return wait;
    }

    /**
     * AWS answered RequestLimitExceeded: others use the account's bucket too. The rate halves (not below
     * {@link #FLOOR}) and the tokens still held are given up, so everybody backs off at once.
     */
    public void throttled(String accountId, String region, ApiBucket bucket) {
        BucketKey key = key(accountId, region, bucket);
        store.update(key, fresh(bucket), s -> {
            BucketState r = refill(s, bucket);
            double rate = adaptive ? Math.max(FLOOR * refillPerSecond(bucket), r.rate() / 2) : r.rate();
            return new Change<>(new BucketState(Math.min(r.tokens(), 0), rate, r.refilledAt(), r.calls(),
                    r.throttles() + 1, r.deferrals(), r.deferredMillis()), null);
        });
        tell(l -> l.throttled(key));
    }

    /** A budget as Operations shows it. */
    public record Budget(BucketKey key, double tokens, int burst, double rate, double startRate, long calls,
                         long throttles, long deferrals, Duration deferred) {
    }

    /** Every budget, refilled to now (nothing is written). */
    public List<Budget> budgets() {
        return store.all().entrySet().stream().map(e -> {
            ApiBucket bucket = e.getKey().bucket();
            BucketState s = refill(e.getValue(), bucket);
            return new Budget(e.getKey(), s.tokens(), burst(bucket), s.rate(), refillPerSecond(bucket), s.calls(),
                    s.throttles(), s.deferrals(), Duration.ofMillis(s.deferredMillis()));
        }).toList();
    }

    /** The budgets as stored, for tests and metrics. */
    Map<BucketKey, BucketState> stored() {
        return store.all();
    }

    private BucketState fresh(ApiBucket bucket) {
        return new BucketState(burst(bucket), refillPerSecond(bucket), time.micros(), 0, 0, 0, 0);
    }

    /** The budget with what refilled since it was last touched; a rate above the start (share lowered) drops to it. */
    private BucketState refill(BucketState s, ApiBucket bucket) {
        long now = time.micros();
        double rate = Math.min(s.rate(), refillPerSecond(bucket));
        long elapsed = Math.max(0, now - s.refilledAt());
        double tokens = Math.min(burst(bucket), s.tokens() + rate * elapsed / 1e6);
        return new BucketState(tokens, rate, Math.max(now, s.refilledAt()), s.calls(), s.throttles(), s.deferrals(),
                s.deferredMillis());
    }

    /**
     * One token fewer; after a throttle, every token handed out gives back a little of the start rate.
     *
     * <p>A token taken from a full bucket starts AWS's bucket draining too, but only when the call arrives
     * there: up to a request's latency later (more for the first call to an account, which assumes its role
     * first). Refilling from the moment the token is taken would run ahead of AWS by that latency, and a
     * later call that travels faster would find AWS's bucket a fraction short. So a bucket that starts
     * draining refills only from {@link #FIRST_CALL_ALLOWANCE} on: once per busy spell, it costs what that
     * much time refills and nothing per call.
     */
    private BucketState taken(BucketState s, ApiBucket bucket) {
        double start = refillPerSecond(bucket);
        double rate = adaptive ? Math.min(start, s.rate() + RECOVERY_PER_CALL * start) : s.rate();
        long refilledAt = s.tokens() >= burst(bucket)
                ? Math.max(s.refilledAt(), time.micros() + FIRST_CALL_ALLOWANCE.toNanos() / 1_000) : s.refilledAt();
        return new BucketState(s.tokens() - 1, rate, refilledAt, s.calls() + 1, s.throttles(), s.deferrals(),
                s.deferredMillis());
    }

    /**
     * How long until a bucket holding {@code tokens} holds a whole one, in whole milliseconds (the scheduler
     * counts in those) and never a hair short: token counts carry floating-point error (0.667 + 0.333 may be
     * 0.9999…), and a wait that ends just before the token is there meets an empty bucket at AWS.
     */
    private Duration untilAToken(BucketState s) {
        long notYet = Math.max(0, s.refilledAt() - time.micros()); // refilling starts later (see taken)
        return untilAToken(s.tokens(), s.rate()).plus(Duration.ofMillis((notYet + 999) / 1_000));
    }

    private static Duration untilAToken(double tokens, double perSecond) {
        long millis = (long) Math.ceil((1 - tokens) / perSecond * 1e3);
        while (tokens + perSecond * millis / 1e3 < 1) {
            millis++;
        }
        return Duration.ofMillis(millis);
    }
}
