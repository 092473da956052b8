package dev.linkport.worker;

import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * How far a job has come, kept with it between runs: polls (AWS is still working) and retries
 * (AWS failed transiently) are counted apart, so that waiting for AWS never counts as failing.
 *
 * @param runs       runs that talked to AWS before this one
 * @param polls      runs that found AWS still busy, since the last one that moved on
 * @param retries    transient failures in a row
 * @param startedAt  when the job's first run started; a job that is not done within the worker's time budget fails
 * @param lastAnswer what AWS last answered when it failed transiently, for the message of a job that runs out of time
 */
public record JobProgress(int runs, int polls, int retries, Instant startedAt, String lastAnswer)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** A job that has not run yet. */
    public static JobProgress first(Instant now) {
        return new JobProgress(0, 0, 0, now, null);
    }

    /** Whether this is the job's first run. */
    public boolean isFirst() {
        return runs == 0;
    }

    /** How long the job has been at it. */
    public Duration elapsed(Instant now) {
        return Duration.between(startedAt, now);
    }

    JobProgress polled() {
        return new JobProgress(runs + 1, polls + 1, 0, startedAt, lastAnswer);
    }

    JobProgress movedOn() {
        return new JobProgress(runs + 1, 0, 0, startedAt, lastAnswer);
    }

    JobProgress failedTransiently(String answer) {
        return new JobProgress(runs + 1, polls, retries + 1, startedAt, answer);
    }
}
