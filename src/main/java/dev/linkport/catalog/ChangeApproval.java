package dev.linkport.catalog;

/**
 * Whether changes to a service's available endpoints (subnets, security groups, private DNS) need approval again,
 * weakest first. Lowering it needs an owner of the service's team or a platform admin
 * ({@code ApprovalPolicyChanges}).
 */
public enum ChangeApproval {
    /** Changes are applied at once. */
    NONE,
    /**
     * Changes wait for the people who decide the service's requests (its {@link ApprovalPolicy}); with the
     * {@code AUTO} policy they are applied at once.
     */
    SAME_AS_REQUESTS;

    /** Whether this setting lets changes through more easily than {@code other} (declaration order). */
    public boolean weakerThan(ChangeApproval other) {
        return ordinal() < other.ordinal();
    }

    /** Whether a change of an endpoint to a service with this setting and the policy waits for a decision. */
    public boolean changesWait(ApprovalPolicy policy) {
        return this == SAME_AS_REQUESTS && policy != ApprovalPolicy.AUTO;
    }
}
