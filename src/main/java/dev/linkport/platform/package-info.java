/**
 * Cross-cutting ground that every feature may use and that uses no feature: the embedded
 * database, the signed-in actor, Linkport's user-facing exceptions and small shared UI pieces.
 */
package dev.linkport.platform;
