/**
 * The background worker's runtime: owns the job table, job failures, drift findings and the Operations
 * view; the jobs themselves live in the modules whose data they change.
 *
 * <p>Jobs are stored in db-scheduler's table in the transaction of the decision that causes them
 * ({@link dev.linkport.worker.Jobs}), run once across all instances, and follow one skeleton
 * ({@link dev.linkport.worker.AwsJob}: load → call AWS outside a transaction → record in a
 * transaction → next step) and one retry rule ({@link dev.linkport.worker.RetryRule}). The
 * recurring reconciliation ({@link dev.linkport.worker.Reconciler}) runs the modules'
 * {@link dev.linkport.worker.Reconciliation} parts and keeps what they find in
 * {@link dev.linkport.worker.DriftFindings}.
 */
package dev.linkport.worker;
