package dev.linkport.identity.service;

import dev.linkport.identity.MembershipRole;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an identity provider's claims into what a user is in Linkport, by {@link SingleSignOnProperties}: platform
 * admin or not, and a role in each team a group names. A user in an owners' and a members' group of one team is an
 * owner.
 */
final class SsoGroupMapping {

    /**
     * What the groups grant.
     *
     * @param admin null when no admin groups are configured (single sign-on then leaves the admin flag alone)
     * @param teams team name → role and the group that granted it
     */
    record Grants(Boolean admin, Map<String, TeamGrant> teams) {
    }

    record TeamGrant(MembershipRole role, String group) {
    }

    private final SingleSignOnProperties properties;
    private final Pattern teamPattern;

    SsoGroupMapping(SingleSignOnProperties properties) {
        this.properties = properties;
        String pattern = properties.teamGroupPattern();
        this.teamPattern = pattern == null || pattern.isBlank() ? null : Pattern.compile(pattern);
    }

    Grants grants(Collection<String> groups) {
        Boolean admin = properties.adminGroups().isEmpty() ? null
                : groups.stream().anyMatch(properties.adminGroups()::contains);
        Map<String, TeamGrant> teams = new LinkedHashMap<>();
        for (String group : groups) {
            for (SingleSignOnProperties.GroupMapping m : properties.groupMappings()) {
                if (m.group().equals(group)) {
                    grant(teams, m.team().trim(), m.role(), group);
                }
            }
            if (teamPattern != null) {
                Matcher matcher = teamPattern.matcher(group);
                if (matcher.matches()) {
                    MembershipRole role = role(matcher);
                    if (role != null) {
                        grant(teams, matcher.group("team"), role, group);
                    }
                }
            }
        }
        return new Grants(admin, teams);
    }

    private static void grant(Map<String, TeamGrant> teams, String team, MembershipRole role, String group) {
        TeamGrant before = teams.get(team);
        if (before == null || (before.role() == MembershipRole.MEMBER && role == MembershipRole.OWNER)) {
            teams.put(team, new TeamGrant(role, group));
        }
    }

    private static MembershipRole role(Matcher matcher) {
        String role;
        try {
            role = matcher.group("role");
        } catch (IllegalArgumentException noRoleGroup) {
            return MembershipRole.MEMBER;
        }
        if (role == null) {
            return MembershipRole.MEMBER;
        }
        return switch (role.toLowerCase(Locale.ROOT)) {
            case "owner", "owners" -> MembershipRole.OWNER;
            case "member", "members" -> MembershipRole.MEMBER;
            default -> null;
        };
    }

    /**
     * The groups in the claims: the claim named by {@code linkport.sso.groups-claim}, or the nested claim its dotted
     * path leads to; a list of names, or one string of names separated by commas or white space.
     */
    List<String> groupsIn(Map<String, Object> claims) {
        Object value = claim(claims, properties.groupsClaim());
        List<String> groups = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            list.stream().filter(v -> v != null).map(String::valueOf).forEach(groups::add);
        } else if (value instanceof String s) {
            for (String part : s.split("[,\\s]+")) {
                if (!part.isBlank()) {
                    groups.add(part);
                }
            }
        }
        return groups;
    }

    static Object claim(Map<String, Object> claims, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        if (claims.containsKey(name)) {
            return claims.get(name);
        }
        Object current = claims;
        for (String part : name.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }
}
