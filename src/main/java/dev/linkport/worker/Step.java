package dev.linkport.worker;

import java.time.Duration;

/**
 * What a job run decided: it is done; its next step can start at once; it waits for AWS to finish
 * something and looks again later (a poll); or it made progress and goes on later.
 */
public sealed interface Step {

    Step DONE = new Done();

    /** The run recorded what it did and the next step needs no wait: it starts now, as a new run. */
    Step NEXT = new Next();

    /** AWS is still busy: look again after a while; counts as a poll. */
    static Step poll(Duration after) {
        return new Poll(after);
    }

    /** The job moved on and its next step is due after a while; polls start counting afresh. */
    static Step later(Duration after) {
        return new Later(after);
    }

    record Done() implements Step {
    }

    record Next() implements Step {
    }

    record Poll(Duration after) implements Step {
    }

    record Later(Duration after) implements Step {
    }

    /** The skeleton's own: AWS failed transiently; run again after a backoff. */
    record Retry(Duration after, String answer) implements Step {
    }

    /** The skeleton's own: Linkport's rate budget holds the call back until then; nothing counts. */
    record Deferred(Duration after) implements Step {
    }
}
