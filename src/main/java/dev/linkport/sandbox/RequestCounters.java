package dev.linkport.sandbox;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The sandbox's counters behind {@link SandboxStats}. Thread-safe. */
final class RequestCounters {

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final LongAdder throttled = new LongAdder();
    private final LongAdder faultsInjected = new LongAdder();

    void request(String action) {
        requests.computeIfAbsent(action == null || action.isEmpty() ? "(none)" : action, a -> new LongAdder())
                .increment();
    }

    void throttled() {
        throttled.increment();
    }

    void faultInjected() {
        faultsInjected.increment();
    }

    SandboxStats snapshot() {
        Map<String, Long> counts = new TreeMap<>();
        requests.forEach((action, count) -> counts.put(action, count.sum()));
        return new SandboxStats(counts, throttled.sum(), faultsInjected.sum());
    }

    void reset() {
        requests.clear();
        throttled.reset();
        faultsInjected.reset();
    }
}
