/**
 * The audit log: every decision and state change, append-only, written in the transaction of the change.
 *
 * <p>The database refuses updates and deletes; platform admins read, filter and export it.
 */
package dev.linkport.audit;
