package dev.linkport.identity.domain;

/**
 * Who granted a team membership, so that neither overwrites the other: the Teams page (and the API) manage
 * {@link #MANUAL} memberships; single sign-on manages {@link #SSO} ones, making them follow the identity
 * provider's groups at every sign-in.
 */
public enum MembershipSource {
    MANUAL, SSO
}
