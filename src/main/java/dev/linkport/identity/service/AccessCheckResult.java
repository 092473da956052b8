package dev.linkport.identity.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What "Test access" found for an AWS account: whether Linkport could assume the role, then one read per
 * permission group, each explained in words a platform engineer acts on.
 *
 * @param id               the account's Linkport id
 * @param accountId        the 12-digit AWS account id
 * @param region           the region the reads went to (the account's first)
 * @param summary          one line: what works, or the first thing to fix
 * @param steps            AssumeRole first, then one read per permission group
 * @param trustPolicy      the trust policy the role needs, to compare with
 * @param providerPolicy   the provider permission policy to attach when a provider permission is missing
 * @param consumerPolicy   the consumer permission policy to attach when a consumer permission is missing
 */
public record AccessCheckResult(UUID id, String accountId, String region, String roleArn, Instant checkedAt,
                                Outcome outcome, String summary, List<Step> steps, String trustPolicy,
                                String providerPolicy, String consumerPolicy) {

    /** How a check ended. */
    public enum Outcome {
        /** Linkport can assume the role and read what it needs. */
        OK,
        /** Something in the role must change; the steps say what. */
        FAILED,
        /** AWS did not answer (throttled, unreachable, failing); nothing is known to be wrong. */
        TRY_AGAIN
    }

    /** How one step ended. */
    public enum StepOutcome {
        PASSED, FAILED, TRY_AGAIN,
        /** Not tried, because Linkport could not assume the role. */
        SKIPPED
    }

    /**
     * One step of the check.
     *
     * @param name        what was checked, e.g. "Consumer: interface endpoints"
     * @param permission  the IAM action it needs, e.g. {@code ec2:DescribeVpcEndpoints}
     * @param explanation what it means and what to do; empty when it passed
     * @param awsError    AWS's error code and message as AWS wrote them; empty when there was none
     */
    public record Step(String name, String permission, StepOutcome outcome, String explanation, String awsError) {
    }

    public AccessCheckResult {
        steps = List.copyOf(steps);
    }

    public boolean ok() {
        return outcome == Outcome.OK;
    }
}
