package dev.linkport.worker;

import java.time.Duration;

/**
 * What a job run decided: it is done, its next step can start at once (in the same execution), or
 * it must run again after a while (polling, backoff).
 */
public sealed interface Step {

    Step DONE = new Done();

    /** The run recorded what it did and the next step needs no wait: it starts now, as a new run. */
    Step NEXT = new Next();

    static Step again(Duration after) {
        return new Again(after);
    }

    record Done() implements Step {
    }

    record Next() implements Step {
    }

    record Again(Duration after) implements Step {
    }
}
