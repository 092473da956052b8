package dev.linkport.worker;

import java.util.UUID;

/**
 * Asks the worker to do something about one thing, as soon as possible. Called inside the
 * transaction that records the decision: the job is stored in the same transaction, so a decision
 * and its job exist together or not at all, and the job starts once that transaction commits.
 * Asking twice for the same job is harmless.
 */
public interface Jobs {

    void schedule(JobKind kind, UUID id);

    /**
     * Asks for the job to run within {@code within}: schedules it, or brings it forward when it is
     * already scheduled for later (a poll that backed off while new work arrived for it).
     */
    void scheduleWithin(JobKind kind, UUID id, java.time.Duration within);
}
