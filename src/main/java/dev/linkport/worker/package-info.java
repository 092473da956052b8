/**
 * The background worker: db-scheduler jobs that turn decisions into AWS calls, and the
 * operations view of those jobs for platform admins.
 */
package dev.linkport.worker;
