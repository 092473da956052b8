/**
 * The consumer's side: owns endpoint requests into teams' VPCs, their lifecycle, timeline and provisioning.
 *
 * <p>Every state change goes through {@code EndpointLifecycle}; its jobs (provision, delete, the
 * endpoints' part of reconciliation) live in {@code consumer.jobs}. Other modules see requests
 * through {@code EndpointRequestService} and {@code ServiceRequests} and hear of their moves through
 * {@link dev.linkport.consumer.RequestMoved}.
 */
package dev.linkport.consumer;
