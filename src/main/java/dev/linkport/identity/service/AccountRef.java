package dev.linkport.identity.service;

import dev.linkport.aws.AwsTarget;
import dev.linkport.platform.AwsIds;
import java.util.Set;
import java.util.UUID;

/**
 * An AWS account registered in Linkport, as other modules need it: whose it is, its regions, and
 * how to reach it. An account never changes team; its role may change, so read it when you call AWS.
 *
 * @param id        Linkport's id of the account
 * @param accountId the 12-digit AWS account id
 */
public record AccountRef(UUID id, String accountId, UUID teamId, String teamName, Set<String> regions,
                         String roleArn, String externalId) {

    public AccountRef {
        regions = Set.copyOf(regions);
    }

    /** Where gateway calls for this account and region go, acting for {@code actingUser} (or Linkport, when null). */
    public AwsTarget target(String region, String actingUser) {
        return new AwsTarget(accountId, region, roleArn, externalId, actingUser);
    }

    /** The account's root principal in the region's partition, as AWS's allowed principals name it. */
    public String rootPrincipal(String region) {
        return AwsIds.accountRoot(accountId, region);
    }
}
