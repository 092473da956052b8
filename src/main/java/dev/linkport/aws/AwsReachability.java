package dev.linkport.aws;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether AWS answers this instance, per region and account: every AWS call reports here whether AWS
 * answered (with a result or with an error of its own, throttling included) or could not be reached
 * (no connection, timeout) or failed on its side (HTTP 5xx).
 *
 * <p>A place that has been failing for {@link #SHOW_AFTER} or longer ({@link #SHOW_AFTER_FAILURES} calls or more),
 * without one answer in between, is an
 * {@link Outage}: the application's frame shows it to everyone, so that a request that stays in
 * {@code PROVISIONING} says why instead of spinning. Jobs are not affected by this: they retry on their own
 * and finish once AWS answers again, which clears the outage. A single 5xx among many answers never shows.
 */
public final class AwsReachability {

    private static final Logger log = LoggerFactory.getLogger(AwsReachability.class);

    /** How long a place must keep failing before it is shown as an outage. */
    public static final Duration SHOW_AFTER = Duration.ofSeconds(10);

    /** How many calls in a row must have failed: two failures of sparse calls are no outage. */
    public static final int SHOW_AFTER_FAILURES = 3;

    /**
     * A region of an account that AWS has not answered for a while.
     *
     * @param region      the AWS region
     * @param accountId   the account whose calls failed
     * @param since       the first failure since the last answer
     * @param lastFailure the latest failure
     * @param lastError   what the latest failure said (e.g. "Connection refused", "InternalError (HTTP 500)")
     * @param failures    failed calls since the last answer
     */
    public record Outage(String region, String accountId, Instant since, Instant lastFailure, String lastError,
                         int failures) {
    }

    private record Place(String region, String accountId) {
    }

    private final Map<Place, Outage> failing = new ConcurrentHashMap<>();
    private final Set<Place> shown = ConcurrentHashMap.newKeySet();
    private final Set<Runnable> listeners = new CopyOnWriteArraySet<>();
    private final Clock clock;

    public AwsReachability(Clock clock) {
        this.clock = clock;
    }

    /** AWS answered a call in the target's account and region (a result, or an error of AWS's own). */
    public void answered(AwsTarget target) {
        Place place = new Place(target.region(), target.accountId());
        if (failing.remove(place) != null && shown.remove(place)) {
            log.info("AWS answers again in {} for account {}", place.region(), place.accountId());
            changed();
        }
    }

    /** A call in the target's account and region reached no AWS, or AWS failed on its side. */
    public void unreachable(AwsTarget target, String error) {
        unreachable(target, error, clock.instant());
    }

    /** As {@link #unreachable(AwsTarget, String)}, for a call that failed at {@code at}. */
    public void unreachable(AwsTarget target, String error, Instant at) {
        Place place = new Place(target.region(), target.accountId());
        Outage outage = failing.merge(place, new Outage(place.region(), place.accountId(), at, at, error, 1),
                (old, one) -> new Outage(old.region(), old.accountId(), old.since(), at, error, old.failures() + 1));
        if (isOutage(outage, clock.instant()) && shown.add(place)) {
            log.warn("AWS has not answered in {} for account {} since {}: {}", place.region(), place.accountId(),
                    outage.since(), error);
            changed();
        }
    }

    /**
     * Records the outcome of a failed call: failures without an answer from AWS (no HTTP status) or with
     * AWS's own failure (5xx) make the place unreachable; anything else is an answer. Calls that Linkport
     * held back for its rate budget never reached AWS and say nothing.
     */
    public void failed(AwsTarget target, AwsGatewayException failure) {
        if (failure.deferred()) {
            return;
        }
        int status = failure.httpStatus();
        if (status == 0 || status >= 500) {
            unreachable(target, describe(failure));
        } else {
            answered(target);
        }
    }

    /** The places that have been failing for at least {@link #SHOW_AFTER}, longest first. */
    public List<Outage> outages() {
        Instant now = clock.instant();
        return failing.values().stream()
                .filter(o -> isOutage(o, now))
                .sorted(Comparator.comparing(Outage::since).thenComparing(Outage::region)
                        .thenComparing(Outage::accountId))
                .toList();
    }

    private static boolean isOutage(Outage outage, Instant now) {
        return outage.failures() >= SHOW_AFTER_FAILURES && !outage.since().plus(SHOW_AFTER).isAfter(now);
    }

    /** Calls {@code onChange} (on the thread of the AWS call) when an outage starts being shown or ends. */
    public AutoCloseable listen(Runnable onChange) {
        listeners.add(onChange);
        return () -> listeners.remove(onChange);
    }

    private void changed() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.warn("An AWS status listener failed", e);
            }
        }
    }

    private static String describe(AwsGatewayException failure) {
        String what = failure.errorCode().orElse(failure.awsMessage());
        return failure.httpStatus() > 0 ? what + " (HTTP " + failure.httpStatus() + ")" : what;
    }
}
