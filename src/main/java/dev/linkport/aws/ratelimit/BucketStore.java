package dev.linkport.aws.ratelimit;

import java.util.Map;
import java.util.function.Function;

/**
 * Where budgets live. {@link #update} is atomic per key across everything that shares the store:
 * one JVM ({@link InMemoryBucketStore}) or every Linkport instance ({@link JdbcBucketStore}).
 */
public interface BucketStore {

    /** A new state and what to answer the caller. */
    record Change<T>(BucketState next, T answer) {
    }

    /**
     * Reads the budget (or {@code fresh} when there is none yet), applies {@code change} and stores its
     * result, atomically; returns the change's answer.
     */
    <T> T update(BucketKey key, BucketState fresh, Function<BucketState, Change<T>> change);

    /** Every budget as stored now. */
    Map<BucketKey, BucketState> all();
}
