package dev.linkport.aws;

/**
 * The session AWS granted when Linkport assumed a team's role.
 *
 * @param assumedRoleArn the session's ARN, {@code arn:aws:sts::<account>:assumed-role/<role>/<session>}
 */
public record AssumedRole(String assumedRoleArn) {
}
