package dev.linkport.identity;

/** A user's role in a team. Owners manage the team's AWS accounts and members. */
public enum MembershipRole {
    OWNER, MEMBER
}
