package dev.linkport.worker.jobs;

import dev.linkport.platform.jobs.JobKind;
import java.util.UUID;

/**
 * One kind of background job about one thing (a listing, a request). A run must be idempotent:
 * a crash at any point followed by another run creates nothing twice. No AWS call may happen
 * inside a database transaction.
 */
public interface Job {

    JobKind kind();

    /**
     * Does the next piece of work.
     *
     * @param id      what the job is about
     * @param attempt how many runs of this job came before (0 for the first)
     */
    Step run(UUID id, int attempt);
}
