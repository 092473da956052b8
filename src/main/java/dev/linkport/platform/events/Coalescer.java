package dev.linkport.platform.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Turns a burst of signals into few runs of an action: at most one run per interval. The first signal
 * after a quiet interval runs the action at once; signals within the interval after a run make one more
 * run at its end, so the last change of a burst is never left out. Time and scheduling are injected, so
 * a test decides when "later" is.
 */
public final class Coalescer {

    /** Runs a task after a delay (zero: as soon as possible), on some other thread. */
    @FunctionalInterface
    public interface Scheduler {
        void schedule(Runnable task, Duration delay);
    }

    private final Duration interval;
    private final Clock clock;
    private final Scheduler scheduler;
    private final Runnable action;
    private boolean scheduled;
    private Instant lastRun;

    public Coalescer(Duration interval, Clock clock, Scheduler scheduler, Runnable action) {
        this.interval = interval;
        this.clock = clock;
        this.scheduler = scheduler;
        this.action = action;
    }

    /** Something changed: the action runs at once, or at the end of the interval if it ran less than one ago. */
    public void signal() {
        Duration wait;
        synchronized (this) {
            if (scheduled) {
                return; // the run already scheduled will show this change too
            }
            scheduled = true;
            Instant now = clock.instant();
            wait = lastRun == null ? Duration.ZERO : Duration.between(now, lastRun.plus(interval));
            if (wait.isNegative()) {
                wait = Duration.ZERO;
            } else if (wait.compareTo(interval) > 0) {
                wait = interval; // the clock went back
            }
        }
        scheduler.schedule(this::run, wait);
    }

    private void run() {
        synchronized (this) {
            scheduled = false; // a signal from now on needs another run: this one may have read before its change
            lastRun = clock.instant();
        }
        action.run();
    }
}
