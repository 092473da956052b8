/**
 * The provider's console: owns allowed principals and the connections AWS reports for a team's
 * services, and retiring a service.
 *
 * <p>Its jobs (sync principals, accept and reject connections, the services' part of
 * reconciliation) live in {@code provider.jobs}; it lets an approved request's account connect
 * for the consumer module ({@code ConsumerPrincipals}).
 */
package dev.linkport.provider;
