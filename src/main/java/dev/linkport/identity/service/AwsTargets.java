package dev.linkport.identity.service;

import dev.linkport.aws.AwsTarget;
import dev.linkport.identity.domain.AwsAccount;

/** How Linkport addresses a team's AWS account: the role it assumes there, with its ExternalId. */
public final class AwsTargets {

    private AwsTargets() {
    }

    public static AwsTarget of(AwsAccount account, String region, String actingUser) {
        return new AwsTarget(account.getAccountId(), region, account.getRoleArn(), account.getExternalId(), actingUser);
    }
}
