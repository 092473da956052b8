package dev.linkport.worker;

import java.util.Objects;

/**
 * One kind of background job, named as db-scheduler stores it ({@code publish-service}). Each job
 * declares its kind as a constant, so that services can ask for it without depending on the job
 * itself.
 *
 * @param queue whether one job works through a queue of things (the approved requests of an account,
 *              the connections waiting for a service) that grows while it runs: asking for it then
 *              never goes unheard, even at the moment a run finds the queue empty and ends
 */
public record JobKind(String taskName, boolean queue) {

    public JobKind {
        Objects.requireNonNull(taskName, "taskName");
        if (!taskName.matches("[a-z][a-z-]*")) {
            throw new IllegalArgumentException("A job kind is a lower-case name with dashes: " + taskName);
        }
    }

    /** A job about one thing, asked for once. */
    public JobKind(String taskName) {
        this(taskName, false);
    }

    /** A job working through a queue (see {@link #queue()}). */
    public static JobKind queue(String taskName) {
        return new JobKind(taskName, true);
    }

    @Override
    public String toString() {
        return taskName;
    }
}
