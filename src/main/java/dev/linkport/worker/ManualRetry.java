package dev.linkport.worker;

import java.util.UUID;

/**
 * Starts work that gave up again, when a platform admin asks for it in Operations: through its
 * owner, which moves the thing back with a timeline entry and an audit line. Every {@link AwsJob}
 * is one for its own kind; a module whose failures are recorded under another kind (one per request
 * of a job that works through a queue) declares one for it.
 */
public interface ManualRetry {

    /** The kind of job (or of work) failures this retries, as Operations lists them. */
    JobKind kind();

    /** Starts the work about {@code id} again; refuses when that makes no sense now. */
    void retryByHand(UUID id);
}
