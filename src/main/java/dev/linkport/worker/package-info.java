/**
 * The background worker: db-scheduler jobs that turn decisions into AWS calls, the recurring
 * reconciliation with AWS and the drift it finds, and the operations view of all of it for
 * platform admins.
 */
package dev.linkport.worker;
