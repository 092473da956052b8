package dev.linkport.aws;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a gateway call goes: a team's AWS account in one region, reached by assuming the account's role.
 *
 * @param accountId  the 12-digit AWS account id
 * @param region     the AWS region, e.g. {@code eu-central-1}
 * @param roleArn    the IAM role Linkport assumes in that account
 * @param externalId the ExternalId the role's trust policy requires
 * @param actingUser the Linkport user on whose behalf the call is made, or {@code null} for the system;
 *                   it becomes part of the STS session name, so it shows in the account's CloudTrail
 */
public record AwsTarget(String accountId, String region, String roleArn, String externalId, String actingUser) {

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+");

    public AwsTarget {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(externalId, "externalId");
        if (!ACCOUNT_ID.matcher(accountId).matches()) {
            throw new IllegalArgumentException("AWS account id must be 12 digits: '" + accountId + "'");
        }
        if (!REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("Not an AWS region: '" + region + "'");
        }
        if (!ROLE_ARN.matcher(roleArn).matches()) {
            throw new IllegalArgumentException("Not an IAM role ARN: '" + roleArn + "'");
        }
        if (externalId.isBlank()) {
            throw new IllegalArgumentException("ExternalId must not be blank");
        }
        if (actingUser != null && actingUser.isBlank()) {
            actingUser = null;
        }
    }

    /** A target for work Linkport does on its own behalf (no acting user). */
    public static AwsTarget system(String accountId, String region, String roleArn, String externalId) {
        return new AwsTarget(accountId, region, roleArn, externalId, null);
    }

    /** The same account and region, acting for {@code user}. */
    public AwsTarget actingFor(String user) {
        return new AwsTarget(accountId, region, roleArn, externalId, user);
    }

    public Optional<String> actingUserName() {
        return Optional.ofNullable(actingUser);
    }

    @Override
    public String toString() {
        // The ExternalId is not a secret, but it has no business in logs either.
        return "AwsTarget[" + accountId + "/" + region + ", role=" + roleArn
                + (actingUser == null ? "" : ", user=" + actingUser) + "]";
    }
}
