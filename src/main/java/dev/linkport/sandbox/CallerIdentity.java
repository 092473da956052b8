package dev.linkport.sandbox;

import dev.linkport.platform.AwsIds;

/**
 * Who is calling, as the sandbox resolved it from the SigV4 credential scope.
 *
 * @param accountId   the account the call acts in
 * @param region      the region from the credential scope
 * @param arn         the caller's identity ARN (GetCallerIdentity)
 * @param userId      the caller's user id (GetCallerIdentity)
 * @param roleArn     the IAM role ARN when the credentials came from AssumeRole, else null
 */
record CallerIdentity(String accountId, String region, String arn, String userId, String roleArn) {

    /** The account's root principal in the partition of the region called ({@code aws}, {@code aws-cn}, {@code aws-us-gov}). */
    String rootArn() {
        return AwsIds.accountRoot(accountId, region);
    }
}
