package dev.linkport.sandbox;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** The faults currently injected, and the decision whether a call is hit. */
final class Faults {

    private static final class Entry {
        final SandboxFault fault;
        int remaining;

        Entry(SandboxFault fault) {
            this.fault = fault;
            this.remaining = fault.times();
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final RandomGenerator random = RandomGenerator.getDefault();

    synchronized void add(SandboxFault fault) {
        entries.add(new Entry(fault));
    }

    synchronized void clear() {
        entries.clear();
    }

    synchronized List<SandboxFault> list() {
        return entries.stream().map(e -> e.fault).toList();
    }

    /** The first matching fault that hits this call, using up one of its times. */
    synchronized Optional<SandboxFault> hit(String action, String accountId) {
        Iterator<Entry> it = entries.iterator();
        while (it.hasNext()) {
            Entry e = it.next();
            if (e.fault.matches(action, accountId) && (e.fault.rate() >= 1.0 || random.nextDouble() < e.fault.rate())) {
                if (e.fault.times() > 0 && --e.remaining <= 0) {
                    it.remove();
                }
                return Optional.of(e.fault);
            }
        }
        return Optional.empty();
    }
}
