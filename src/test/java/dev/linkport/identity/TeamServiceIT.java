package dev.linkport.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkport.identity.MembershipRole;
import dev.linkport.identity.service.TeamCommands.AddMember;
import dev.linkport.identity.service.TeamCommands.CreateTeam;
import dev.linkport.identity.service.TeamCommands.UpdateTeam;
import dev.linkport.identity.service.TeamService;
import dev.linkport.identity.service.TeamViews.Member;
import dev.linkport.identity.service.TeamViews.TeamRow;
import dev.linkport.identity.service.TeamViews.TeamSummary;
import dev.linkport.identity.service.UserCommands.CreateUser;
import dev.linkport.identity.service.UserService;
import dev.linkport.identity.service.UserService.UserSummary;
import dev.linkport.platform.ConflictException;
import dev.linkport.platform.ForbiddenException;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.NotFoundException;
import dev.linkport.platform.StaleEditException;
import dev.linkport.support.Ids;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.TestUsers;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@LinkportIntegrationTest
class TeamServiceIT {

    @Autowired TestUsers users;
    @Autowired TeamService teams;
    @Autowired UserService userService;

    /** A new user, so that tests do not change the demo users' teams. */
    String newUser() {
        String name = Ids.teamName("u");
        users.run("admin", () -> userService.create(new CreateUser(name, "User " + name, null, "a-long-password-1", false)));
        return name;
    }

    @Test
    void onlyPlatformAdminsCreateAndEditTeams() {
        assertThatThrownBy(() -> users.as("alice", () -> teams.createTeam(new CreateTeam(Ids.teamName("x"), "X", null, false))))
                .isInstanceOf(ForbiddenException.class);
        TeamSummary payments = users.as("alice", () -> teams.team(teams.teams("", 0, 10).getFirst().id()));
        assertThat(payments.canManage()).isFalse();
        assertThatThrownBy(() -> users.as("alice", () -> teams.updateTeam(new UpdateTeam(payments.id(),
                payments.version(), "Renamed", null, true))))
                .isInstanceOf(ForbiddenException.class);

        TeamSummary created = users.as("admin", () -> teams.createTeam(new CreateTeam(Ids.teamName("new"), "New", null, false)));
        assertThat(created.canManage()).isTrue();
    }

    @Test
    void aTeamNameIsValidatedAndUnique() {
        String name = Ids.teamName("dup");
        users.run("admin", () -> teams.createTeam(new CreateTeam(name, "Dup", null, false)));
        assertThatThrownBy(() -> users.as("admin", () -> teams.createTeam(new CreateTeam(name, "Dup", null, false))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> users.as("admin", () -> teams.createTeam(new CreateTeam("Bad Name!", "", null, false))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).hasSize(2))
                .hasMessageContaining("lower-case letters");
    }

    @Test
    void usersSeeOnlyTheirOwnTeamsAndAdminsSeeAll() {
        assertThat(users.as("bob", () -> teams.teams("", 0, 100))).extracting(TeamRow::name)
                .contains("checkout").doesNotContain("payments", "analytics");
        assertThat(users.as("admin", () -> teams.teams("", 0, 100))).extracting(TeamRow::name)
                .contains("payments", "checkout", "analytics");
        TeamRow payments = users.as("alice", () -> teams.teams("", 0, 10)).getFirst();
        assertThatThrownBy(() -> users.as("bob", () -> teams.members(payments.id(), "", 0, 10)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> users.as("bob", () -> teams.countMembers(payments.id(), "")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void teamPickersLoadNamesAPageAtATimeAndFilterAsPeopleType() {
        List<String> all = users.as("bob", () -> teams.teamNames("", 0, 10_000));
        assertThat(all).as("names are not secret: bob sees teams he is not in").contains("payments", "checkout");
        assertThat(users.as("bob", () -> teams.teamNames("", 1, 2))).isEqualTo(all.subList(1, 3));
        assertThat(users.as("bob", () -> teams.teamNames("PAYM", 0, 50))).contains("payments")
                .allMatch(name -> name.contains("paym"));
        assertThat(users.as("bob", () -> teams.teamNames("%", 0, 50))).as("% is a character, not a wildcard").isEmpty();
    }

    @Test
    void theTeamFilterMatchesNameOrDisplayNameAndNeverShowsAnotherTeam() {
        assertThat(users.as("admin", () -> teams.teams("PAY", 0, 100))).extracting(TeamRow::name)
                .contains("payments").doesNotContain("checkout", "analytics");
        assertThat(users.as("admin", () -> teams.countTeams("pay"))).isEqualTo(
                users.as("admin", () -> teams.teams("pay", 0, 1000)).size());
        // bob is not in payments: a filter naming it finds nothing, and a name lookup does not either
        assertThat(users.as("bob", () -> teams.teams("payments", 0, 100))).isEmpty();
        assertThat(users.as("bob", () -> teams.countTeams("payments"))).isZero();
        assertThat(users.as("bob", () -> teams.teamNamed("payments"))).isEmpty();
        assertThat(users.as("bob", () -> teams.teamNamed("checkout"))).map(TeamRow::name).contains("checkout");
        // like's wildcards match themselves
        assertThat(users.as("admin", () -> teams.teams("%", 0, 100))).isEmpty();
        assertThat(users.as("admin", () -> teams.teams("_", 0, 100))).isEmpty();
    }

    @Test
    void teamsAndMembersComeInPagesByNameAndTheMemberFilterMatchesUsernameOrDisplayName() {
        String prefix = Ids.teamName("pg");
        for (int i = 0; i < 5; i++) {
            String name = prefix + "-" + i;
            users.run("admin", () -> teams.createTeam(new CreateTeam(name, "Paged " + name, null, false)));
        }
        assertThat(users.as("admin", () -> teams.teams(prefix, 0, 2))).extracting(TeamRow::name)
                .containsExactly(prefix + "-0", prefix + "-1");
        assertThat(users.as("admin", () -> teams.teams(prefix, 4, 2))).extracting(TeamRow::name)
                .containsExactly(prefix + "-4");
        assertThat(users.as("admin", () -> teams.countTeams(prefix))).isEqualTo(5);

        TeamRow team = users.as("admin", () -> teams.teamNamed(prefix + "-0")).orElseThrow();
        String first = newUser();
        String second = newUser();
        users.run("admin", () -> teams.addMember(new AddMember(team.id(), first, MembershipRole.OWNER)));
        users.run("admin", () -> teams.addMember(new AddMember(team.id(), second, MembershipRole.MEMBER)));
        assertThat(users.as(first, () -> teams.members(team.id(), "", 0, 1))).extracting(Member::username)
                .containsExactly(first.compareTo(second) < 0 ? first : second);
        assertThat(users.as(first, () -> teams.members(team.id(), second.toUpperCase(), 0, 10)))
                .extracting(Member::username).containsExactly(second);
        assertThat(users.as(first, () -> teams.members(team.id(), "User " + first, 0, 10)))
                .extracting(Member::username).containsExactly(first);
        assertThat(users.as(first, () -> teams.countMembers(team.id(), ""))).isEqualTo(2);
        assertThat(users.as(first, () -> teams.team(team.id()).memberCount())).isEqualTo(2);
    }

    @Test
    void usersComeInPagesForAdminsOnlyAndAnybodyLooksPeopleUpByName() {
        String name = newUser();
        assertThat(users.as("admin", () -> userService.users(name, 0, 10))).extracting(UserSummary::username)
                .containsExactly(name);
        assertThat(users.as("admin", () -> userService.users("user " + name.toUpperCase(), 0, 10)))
                .extracting(UserSummary::username).containsExactly(name);
        assertThat(users.as("admin", () -> userService.countUsers(name))).isEqualTo(1);
        assertThat(users.as("admin", () -> userService.users("", 0, 2))).hasSize(2);
        assertThatThrownBy(() -> users.as("alice", () -> userService.users(name, 0, 10)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> users.as("alice", () -> userService.countUsers("")))
                .isInstanceOf(ForbiddenException.class);
        assertThat(users.as("alice", () -> userService.directory(name, 0, 10))).extracting(UserSummary::username)
                .containsExactly(name);
    }

    @Test
    void ownersManageMembersAndPlainMembersCannot() {
        String owner = newUser();
        String member = newUser();
        String other = newUser();
        TeamSummary team = users.as("admin", () -> teams.createTeam(new CreateTeam(Ids.teamName("m"), "M", null, false)));
        users.run("admin", () -> teams.addMember(new AddMember(team.id(), owner, MembershipRole.OWNER)));
        Member added = users.as(owner, () -> teams.addMember(new AddMember(team.id(), member, MembershipRole.MEMBER)));

        assertThatThrownBy(() -> users.as(member, () -> teams.addMember(new AddMember(team.id(), other, MembershipRole.MEMBER))))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> users.as(owner, () -> teams.addMember(new AddMember(team.id(), member, MembershipRole.MEMBER))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("already in");

        users.run(owner, () -> teams.removeMember(added.membershipId(), added.version()));
        assertThat(users.as(owner, () -> teams.members(team.id(), "", 0, 10))).extracting(Member::username)
                .containsExactly(owner);
    }

    @Test
    void aTeamKeepsAtLeastOneOwner() {
        String owner = newUser();
        TeamSummary team = users.as("admin", () -> teams.createTeam(new CreateTeam(Ids.teamName("o"), "O", null, false)));
        Member bob = users.as("admin", () -> teams.addMember(new AddMember(team.id(), owner, MembershipRole.OWNER)));
        assertThatThrownBy(() -> users.as("admin", () -> teams.changeRole(bob.membershipId(), bob.version(), MembershipRole.MEMBER)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("at least one owner");
        assertThatThrownBy(() -> users.as("admin", () -> { teams.removeMember(bob.membershipId(), bob.version()); return null; }))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aStaleTeamEditIsRefused() {
        TeamSummary team = users.as("admin", () -> teams.createTeam(new CreateTeam(Ids.teamName("s"), "S", null, false)));
        users.run("admin", () -> teams.updateTeam(new UpdateTeam(team.id(), team.version(), "First", null, false)));
        assertThatThrownBy(() -> users.as("admin", () -> teams.updateTeam(new UpdateTeam(team.id(), team.version(), "Second", null, false))))
                .isInstanceOf(StaleEditException.class).hasMessageContaining("changed by someone else");
    }
}
