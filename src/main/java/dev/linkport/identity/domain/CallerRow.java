package dev.linkport.identity.domain;

import dev.linkport.identity.MembershipRole;
import java.util.UUID;

/**
 * What authorizing a call needs to know of an enabled user, one row per team role: name, admin flag,
 * and a team with the role in it ({@code teamId} and {@code role} null for a user in no team).
 */
public record CallerRow(String username, boolean platformAdmin, UUID teamId, MembershipRole role) {
}
