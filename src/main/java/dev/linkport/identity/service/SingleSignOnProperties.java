package dev.linkport.identity.service;

import dev.linkport.identity.MembershipRole;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code linkport.sso.*}: how a single sign-on (OpenID Connect, configured by Spring Boot's
 * {@code spring.security.oauth2.client.*}) becomes a Linkport user. Applied at every sign-in.
 *
 * @param groupsClaim           the claim holding the user's groups or roles (a list, or a string of names separated
 *                              by commas or spaces); a dotted path reaches into nested claims, e.g.
 *                              {@code realm_access.roles}
 * @param usernameClaim         the claim that names a new user (its part before any {@code @}); then {@code email},
 *                              then the subject
 * @param adminGroups           groups whose members are platform admins; when empty, single sign-on leaves the admin
 *                              flag alone
 * @param teamGroupPattern      a regular expression a whole group name must match to grant a team membership, with a
 *                              named group {@code team} (the Linkport team's name) and optionally {@code role}
 *                              ({@code owner}/{@code owners} make an owner, {@code member}/{@code members} a member;
 *                              without it: member), e.g. {@code linkport-(?<team>[a-z0-9-]+)-(?<role>owners|members)}
 * @param groupMappings         explicit group → team and role mappings, for group names that follow no pattern
 *                              (e.g. Entra ID's group object ids)
 * @param endSessionUri         the provider's end-session endpoint, for signing out there too, when it is not
 *                              discovered from {@code issuer-uri}
 * @param postLogoutRedirectUri where the provider sends the browser after signing out ({@code {baseUrl}} is
 *                              Linkport's address); the provider must allow it for the client
 */
@ConfigurationProperties("linkport.sso")
public record SingleSignOnProperties(
        @DefaultValue("groups") String groupsClaim,
        @DefaultValue("preferred_username") String usernameClaim,
        @DefaultValue List<String> adminGroups,
        String teamGroupPattern,
        @DefaultValue List<GroupMapping> groupMappings,
        String endSessionUri,
        @DefaultValue("{baseUrl}/login") String postLogoutRedirectUri) {

    /** One group that makes its members owners or members of one team. */
    public record GroupMapping(String group, String team, @DefaultValue("member") MembershipRole role) {

        public GroupMapping {
            if (group == null || group.isBlank() || team == null || team.isBlank()) {
                throw new IllegalArgumentException("linkport.sso.group-mappings: each entry needs a group and a team");
            }
        }
    }

    public SingleSignOnProperties {
        adminGroups = adminGroups == null ? List.of() : List.copyOf(adminGroups);
        groupMappings = groupMappings == null ? List.of() : List.copyOf(groupMappings);
        if (teamGroupPattern != null && !teamGroupPattern.isBlank()) {
            try {
                if (!Pattern.compile(teamGroupPattern).pattern().contains("(?<team>")) {
                    throw new IllegalArgumentException("linkport.sso.team-group-pattern needs a named group "
                            + "(?<team>...) for the team's name: " + teamGroupPattern);
                }
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("linkport.sso.team-group-pattern is no regular expression: "
                        + e.getMessage(), e);
            }
        }
    }
}
