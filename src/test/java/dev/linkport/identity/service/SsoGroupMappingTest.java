package dev.linkport.identity.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkport.identity.MembershipRole;
import dev.linkport.identity.service.SingleSignOnProperties.GroupMapping;
import dev.linkport.identity.service.SsoGroupMapping.TeamGrant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SsoGroupMappingTest {

    static SingleSignOnProperties properties(String claim, List<String> admins, String pattern, List<GroupMapping> mappings) {
        return new SingleSignOnProperties(claim, "preferred_username", admins, pattern, mappings, null, "{baseUrl}/login");
    }

    @Test
    void aPatternWithTeamAndRoleGrantsOwnersAndMembersAndOwnerWins() {
        SsoGroupMapping mapping = new SsoGroupMapping(properties("groups", List.of(),
                "/?linkport-(?<team>[a-z0-9][a-z0-9-]*)-(?<role>owners|members)", List.of()));

        SsoGroupMapping.Grants grants = mapping.grants(List.of("linkport-pay-ments-members", "/linkport-pay-ments-owners",
                "linkport-checkout-members", "linkport-checkout-readers", "other"));

        assertThat(grants.admin()).as("no admin groups configured: leave the flag alone").isNull();
        assertThat(grants.teams()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "pay-ments", new TeamGrant(MembershipRole.OWNER, "/linkport-pay-ments-owners"),
                "checkout", new TeamGrant(MembershipRole.MEMBER, "linkport-checkout-members")));
    }

    @Test
    void aPatternWithoutRoleMakesMembersAndExplicitMappingsAddToIt() {
        SsoGroupMapping mapping = new SsoGroupMapping(properties("groups", List.of("platform"), "team-(?<team>.+)",
                List.of(new GroupMapping("3f2a-guid", "payments", MembershipRole.OWNER))));

        SsoGroupMapping.Grants grants = mapping.grants(List.of("team-checkout", "3f2a-guid", "platform"));

        assertThat(grants.admin()).isTrue();
        assertThat(grants.teams()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "checkout", new TeamGrant(MembershipRole.MEMBER, "team-checkout"),
                "payments", new TeamGrant(MembershipRole.OWNER, "3f2a-guid")));
        assertThat(mapping.grants(List.of("team-checkout")).admin()).isFalse();
    }

    @Test
    void groupsComeFromAListAStringOrANestedClaim() {
        assertThat(new SsoGroupMapping(properties("groups", List.of(), null, List.of()))
                .groupsIn(Map.of("groups", List.of("a", "b")))).containsExactly("a", "b");
        assertThat(new SsoGroupMapping(properties("roles", List.of(), null, List.of()))
                .groupsIn(Map.of("roles", "a, b c"))).containsExactly("a", "b", "c");
        assertThat(new SsoGroupMapping(properties("realm_access.roles", List.of(), null, List.of()))
                .groupsIn(Map.of("realm_access", Map.of("roles", List.of("x"))))).containsExactly("x");
        assertThat(new SsoGroupMapping(properties("cognito:groups", List.of(), null, List.of()))
                .groupsIn(Map.of("cognito:groups", List.of("y")))).containsExactly("y");
        assertThat(new SsoGroupMapping(properties("groups", List.of(), null, List.of())).groupsIn(Map.of())).isEmpty();
    }

    @Test
    void aPatternWithoutTeamIsRefusedAtStartUp() {
        assertThatThrownBy(() -> properties("groups", List.of(), "linkport-(.+)", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(?<team>");
        assertThatThrownBy(() -> properties("groups", List.of(), "linkport-(?<team>", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no regular expression");
    }
}
