package dev.linkport.worker;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Endpoint requests per hour, for the Operations charts; implemented by the module that owns requests (as
 * {@link Reconciliation} is), so that the worker's Operations page can show them without depending on it.
 */
public interface RequestStatistics {

    /** What happened to requests in one hour (UTC), by the state they reached. */
    record HourlyOutcomes(Instant hour, long approved, long rejected, long available, long failed) {

        public long total() {
            return approved + rejected + available + failed;
        }
    }

    /** The decisions (approvals and rejections) made in one hour, and how long after submission they came. */
    record HourlyDecisions(Instant hour, long decisions, Duration median, Duration average) {
    }

    /**
     * Per hour from {@code from} (inclusive) to {@code to} (exclusive): requests approved, rejected, made available
     * and failed. Hours with none are left out. Platform admins only.
     */
    List<HourlyOutcomes> outcomesPerHour(Instant from, Instant to);

    /**
     * Per hour from {@code from} (inclusive) to {@code to} (exclusive): the decisions made and the median and
     * average time from submission to decision. Hours without decisions are left out. Platform admins only.
     */
    List<HourlyDecisions> decisionsPerHour(Instant from, Instant to);
}
