package dev.linkport.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkport.identity.service.SignInRefusedException;
import dev.linkport.identity.service.SingleSignOnService;
import dev.linkport.identity.service.SingleSignOnService.SsoIdentity;
import dev.linkport.identity.service.TeamCommands.AddMember;
import dev.linkport.identity.service.TeamCommands.CreateTeam;
import dev.linkport.identity.service.TeamService;
import dev.linkport.identity.service.TeamViews.Member;
import dev.linkport.identity.service.UserAccountService;
import dev.linkport.identity.service.UserService;
import dev.linkport.platform.ConflictException;
import dev.linkport.platform.security.LinkportPrincipal;
import dev.linkport.support.Ids;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.TestUsers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The claim mapping of single sign-on as application-test.yaml configures it: groups {@code linkport-<team>-owners}
 * and {@code -members}, {@code linkport-admins}, and the explicit group {@code 0f4a7c1e-entra-object-id} → owner of
 * analytics.
 */
@LinkportIntegrationTest
class SingleSignOnServiceIT {

    static final String ISSUER = "https://idp.example/realms/company";

    @Autowired SingleSignOnService singleSignOn;
    @Autowired TeamService teams;
    @Autowired UserService userService;
    @Autowired UserAccountService accounts;
    @Autowired TestUsers users;

    String team() {
        String name = Ids.teamName("sso");
        users.run("admin", () -> teams.createTeam(new CreateTeam(name, "Team " + name, null, false)));
        return name;
    }

    LinkportPrincipal signIn(String subject, String username, List<String> groups) {
        return singleSignOn.signIn(new SsoIdentity(ISSUER, subject, Map.of("preferred_username", username + "@corp.example",
                "name", "Person " + username, "email", username + "@corp.example", "groups", groups)));
    }

    Map<String, Member> membershipsOf(LinkportPrincipal user, String... teamNames) {
        Map<String, Member> found = new java.util.HashMap<>();
        for (String name : teamNames) {
            UUID teamId = users.as("admin", () -> teams.teamNamed(name)).orElseThrow().id();
            users.as("admin", () -> teams.members(teamId, user.username(), 0, 10)).stream()
                    .filter(m -> m.userId().equals(user.userId())).findFirst().ifPresent(m -> found.put(name, m));
        }
        return found;
    }

    @Test
    void theFirstSignInCreatesAUserWithoutPasswordWithTheTeamsAndAdminFlagOfTheirGroups() {
        String payments = team();
        String checkout = team();
        String subject = UUID.randomUUID().toString();
        String name = "ann-" + subject.substring(0, 6);

        LinkportPrincipal ann = signIn(subject, name, List.of("linkport-" + payments + "-owners",
                "linkport-" + checkout + "-members", "linkport-admins", "linkport-no-such-team-owners", "staff"));

        assertThat(ann.username()).as("the part before @").isEqualTo(name);
        assertThat(ann.displayName()).isEqualTo("Person " + name);
        assertThat(ann.admin()).isTrue();
        assertThat(ann.getPassword()).isNull();
        Map<String, Member> memberships = membershipsOf(ann, payments, checkout);
        assertThat(memberships.get(payments).role()).isEqualTo(MembershipRole.OWNER);
        assertThat(memberships.get(payments).ssoGroup()).isEqualTo("linkport-" + payments + "-owners");
        assertThat(memberships.get(checkout).role()).isEqualTo(MembershipRole.MEMBER);
        assertThat(asSsoUser(ann, () -> userService.me()).localPassword()).isFalse();
    }

    @Test
    void everySignInMakesTheSsoMembershipsAndAdminFlagFollowTheGroups() {
        String payments = team();
        String checkout = team();
        String subject = UUID.randomUUID().toString();
        String name = "ben-" + subject.substring(0, 6);
        LinkportPrincipal first = signIn(subject, name, List.of("linkport-" + payments + "-members",
                "linkport-" + checkout + "-members", "linkport-admins"));

        LinkportPrincipal second = signIn(subject, name, List.of("linkport-" + payments + "-owners",
                "linkport-" + payments + "-members"));

        assertThat(second.userId()).as("the same user, by issuer and subject").isEqualTo(first.userId());
        assertThat(second.admin()).isFalse();
        Map<String, Member> memberships = membershipsOf(second, payments, checkout);
        assertThat(memberships.get(payments).role()).as("owner wins over member").isEqualTo(MembershipRole.OWNER);
        assertThat(memberships).as("no longer in checkout's group").doesNotContainKey(checkout);
    }

    @Test
    void membershipsAddedByHandStayAndTheTeamsPageLeavesSsoMembershipsToTheProvider() {
        String manual = team();
        String granted = team();
        String subject = UUID.randomUUID().toString();
        String name = "cid-" + subject.substring(0, 6);
        LinkportPrincipal cid = signIn(subject, name, List.of("linkport-" + granted + "-members"));
        users.run("admin", () -> teams.addMember(new AddMember(teams.teamNamed(manual).orElseThrow().id(), cid.username(),
                MembershipRole.MEMBER)));

        signIn(subject, name, List.of("linkport-" + manual + "-owners", "linkport-" + granted + "-members"));
        Map<String, Member> memberships = membershipsOf(cid, manual, granted);
        assertThat(memberships.get(manual).role()).as("added by hand: left alone").isEqualTo(MembershipRole.MEMBER);
        assertThat(memberships.get(manual).fromSingleSignOn()).isFalse();

        signIn(subject, name, List.of());
        memberships = membershipsOf(cid, manual, granted);
        assertThat(memberships).containsKey(manual).doesNotContainKey(granted);

        signIn(subject, name, List.of("linkport-" + granted + "-members"));
        Member sso = membershipsOf(cid, granted).get(granted);
        assertThatThrownBy(() -> users.run("admin", () -> teams.changeRole(sso.membershipId(), sso.version(),
                MembershipRole.OWNER))).isInstanceOf(ConflictException.class).hasMessageContaining("identity provider");
        assertThatThrownBy(() -> users.run("admin", () -> teams.removeMember(sso.membershipId(), sso.version())))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void anExplicitlyMappedGroupGrantsItsTeam() {
        String subject = UUID.randomUUID().toString();
        LinkportPrincipal dee = signIn(subject, "dee-" + subject.substring(0, 6), List.of("0f4a7c1e-entra-object-id"));
        assertThat(membershipsOf(dee, "analytics").get("analytics").role()).isEqualTo(MembershipRole.OWNER);
    }

    @Test
    void anIdentityNamedLikeALocalUserBecomesANewUserAndNeverSignsInAsTheLocalOne() {
        UUID alice = users.as("alice", () -> userService.me().userId());
        LinkportPrincipal other = signIn(UUID.randomUUID().toString(), "alice", List.of());
        assertThat(other.userId()).isNotEqualTo(alice);
        assertThat(other.username()).startsWith("alice-");
        assertThat(other.admin()).isFalse();
    }

    @Test
    void aDisabledUserCannotSignInThroughTheProvider() {
        String subject = UUID.randomUUID().toString();
        LinkportPrincipal eve = signIn(subject, "eve-" + subject.substring(0, 6), List.of());
        users.run("admin", () -> accounts.disable(eve.userId()));

        assertThatThrownBy(() -> signIn(subject, eve.username(), List.of("linkport-admins")))
                .isInstanceOf(SignInRefusedException.class).hasMessageContaining("disabled");
        users.run("admin", () -> accounts.enable(eve.userId()));
        assertThat(signIn(subject, eve.username(), List.of()).userId()).isEqualTo(eve.userId());
    }

    /** Runs as a user signed in through single sign-on (TestUsers knows only users with a password). */
    static <T> T asSsoUser(LinkportPrincipal user, java.util.concurrent.Callable<T> work) {
        org.springframework.security.core.context.SecurityContext previous =
                org.springframework.security.core.context.SecurityContextHolder.getContext();
        org.springframework.security.core.context.SecurityContext context =
                org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        context.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                .authenticated(user, null, user.getAuthorities()));
        org.springframework.security.core.context.SecurityContextHolder.setContext(context);
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
        }
    }
}
