package dev.linkport.catalog;

/**
 * Who decides an endpoint request for a service, weakest first: {@code AUTO} &lt; {@code PROVIDER} &lt;
 * {@code ADMIN}. Lowering a service's policy needs an owner of its team, lowering it from {@code ADMIN} a
 * platform admin ({@code ApprovalPolicyChanges}).
 */
public enum ApprovalPolicy {
    /** Approved at once. */
    AUTO,
    /** Members of the owning team (and platform admins). */
    PROVIDER,
    /** Platform admins only. */
    ADMIN;

    /** Whether this policy lets requests through more easily than {@code other} (declaration order). */
    public boolean weakerThan(ApprovalPolicy other) {
        return ordinal() < other.ordinal();
    }
}
