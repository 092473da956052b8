package dev.linkport.aws.ratelimit;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Budgets of one JVM (tests, and tools that talk to AWS on their own). */
public final class InMemoryBucketStore implements BucketStore {

    private final Map<BucketKey, BucketState> states = new ConcurrentHashMap<>();

    @Override
    @SuppressWarnings("unchecked")
    public <T> T update(BucketKey key, BucketState fresh, Function<BucketState, Change<T>> change) {
        Object[] answer = new Object[1];
        states.compute(key, (k, current) -> {
            Change<T> c = change.apply(current == null ? fresh : current);
            answer[0] = c.answer();
            return c.next();
        });
        return (T) answer[0];
    }

    @Override
    public Map<BucketKey, BucketState> all() {
        Map<BucketKey, BucketState> copy = new TreeMap<>(Comparator.comparing(BucketKey::accountId)
                .thenComparing(BucketKey::region).thenComparing(BucketKey::bucket));
        copy.putAll(states);
        return copy;
    }
}
