/**
 * The consumer's side: endpoint requests into the team's VPCs, their lifecycle and timeline.
 */
package dev.linkport.consumer;
