package dev.linkport.worker.jobs;

import java.time.Duration;

/** What a job run decided: it is done, or it must run again after a while (polling, backoff). */
public sealed interface Step {

    Step DONE = new Done();

    static Step again(Duration after) {
        return new Again(after);
    }

    record Done() implements Step {
    }

    record Again(Duration after) implements Step {
    }
}
