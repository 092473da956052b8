/** The approval dashboard: endpoint requests waiting for a decision by the caller. */
package dev.linkport.approval;
