package dev.linkport.identity.service;

import java.util.List;
import java.util.UUID;

/**
 * An AWS account as its team sees it, with the IAM policies its role needs.
 *
 * @param trustPolicy      JSON for the role's trust policy (Linkport's principal + ExternalId)
 * @param providerPolicy   JSON for the role's least-privilege permission policy as a provider (endpoint services)
 * @param consumerPolicy   JSON for the role's least-privilege permission policy as a consumer (endpoints)
 * @param canManage        the caller may edit or remove it
 */
public record AccountDetails(UUID id, UUID teamId, String teamName, String accountId, String displayName,
                          List<String> regions, String roleArn, String externalId, String trustPolicy,
                          String providerPolicy, String consumerPolicy, boolean canManage, long version) {
}
