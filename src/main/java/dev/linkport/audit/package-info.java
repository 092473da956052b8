/**
 * The audit log: every decision and state change in Linkport, append-only (the database refuses
 * updates and deletes), readable by platform admins.
 */
package dev.linkport.audit;
