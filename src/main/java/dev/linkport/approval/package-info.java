/**
 * Approvals: who may decide an endpoint request (platform admins; the owning team for the {@code
 * PROVIDER} policy; never the requester, four eyes) and the dashboard where they do.
 *
 * <p>Owns no table: the request and its lifecycle are the consumer module's, the policy the catalog's.
 */
package dev.linkport.approval;
