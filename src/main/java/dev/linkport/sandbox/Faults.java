package dev.linkport.sandbox;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The faults currently injected, and the decision whether a call is hit. A fault with a rate
 * below 1 hits evenly spread calls (rate 0.3: the 4th, 7th, 10th, ... matching call), so tests
 * that inject one are repeatable.
 */
final class Faults {

    private static final class Entry {
        final SandboxFault fault;
        int remaining;
        double credit;

        Entry(SandboxFault fault) {
            this.fault = fault;
            this.remaining = fault.times();
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    synchronized void add(SandboxFault fault) {
        entries.add(new Entry(fault));
    }

    synchronized void clear() {
        entries.clear();
    }

    synchronized List<SandboxFault> list() {
        return entries.stream().map(e -> e.fault).toList();
    }

    private static boolean hits(Entry e) {
        if (e.fault.rate() >= 1.0) {
            return true;
        }
        e.credit += e.fault.rate();
        if (e.credit >= 1.0) {
            e.credit -= 1.0;
            return true;
        }
        return false;
    }

    /** The first matching fault that hits this call, using up one of its times. */
    synchronized Optional<SandboxFault> hit(String action, String accountId) {
        Iterator<Entry> it = entries.iterator();
        while (it.hasNext()) {
            Entry e = it.next();
            if (e.fault.matches(action, accountId) && hits(e)) {
                if (e.fault.times() > 0 && --e.remaining <= 0) {
                    it.remove();
                }
                return Optional.of(e.fault);
            }
        }
        return Optional.empty();
    }
}
