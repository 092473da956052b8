package dev.linkport.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkport.audit.service.AuditQueryService;
import dev.linkport.identity.MembershipRole;
import dev.linkport.identity.service.AccountCommands.RegisterAccount;
import dev.linkport.identity.service.AccountCommands.UpdateAccount;
import dev.linkport.identity.service.AccountDetails;
import dev.linkport.identity.service.AccountService;
import dev.linkport.identity.service.TeamCommands.AddMember;
import dev.linkport.identity.service.TeamCommands.CreateTeam;
import dev.linkport.identity.service.TeamService;
import dev.linkport.identity.service.TeamViews.TeamSummary;
import dev.linkport.identity.service.UserCommands.CreateUser;
import dev.linkport.identity.service.UserService;
import dev.linkport.platform.FieldError;
import dev.linkport.platform.ForbiddenException;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.NotFoundException;
import dev.linkport.platform.StaleEditException;
import dev.linkport.support.Ids;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.TestUsers;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@LinkportIntegrationTest
class AccountServiceIT {

    @Autowired TestUsers users;
    @Autowired TeamService teams;
    @Autowired AccountService accounts;
    @Autowired UserService userService;
    @Autowired AuditQueryService audit;

    TeamSummary team;
    String owner;
    String member;

    @BeforeEach
    void aTeamWithAnOwnerAndAPlainMember() {
        owner = Ids.teamName("owner");
        member = Ids.teamName("member");
        team = users.as("admin", () -> {
            userService.create(new CreateUser(owner, "Owner", null, "a-long-password-1", false));
            userService.create(new CreateUser(member, "Member", null, "a-long-password-2", false));
            TeamSummary t = teams.createTeam(new CreateTeam(Ids.teamName("t"), "Team", null, false));
            teams.addMember(new AddMember(t.id(), owner, MembershipRole.OWNER));
            teams.addMember(new AddMember(t.id(), member, MembershipRole.MEMBER));
            return t;
        });
    }

    @Test
    void anOwnerRegistersAnAccountAndGetsAnExternalIdAndPolicies() {
        String accountId = Ids.accountId();
        AccountDetails account = users.as(owner, () -> accounts.register(register(team, accountId)));

        assertThat(account.accountId()).isEqualTo(accountId);
        assertThat(account.externalId()).startsWith("linkport-").hasSize(9 + 32);
        assertThat(account.trustPolicy()).contains(account.externalId()).contains("sts:ExternalId");
        assertThat(account.consumerPolicy()).contains("ec2:CreateVpcEndpoint")
                .contains("aws:RequestTag/linkport:team").contains("\"" + team.name() + "\"");
        assertThat(account.providerPolicy()).contains("ec2:CreateVpcEndpointServiceConfiguration")
                .doesNotContain("\"ec2:CreateVpcEndpoint\"");
        assertThat(users.as(member, () -> accounts.accountsOf(team.id()))).extracting(AccountDetails::accountId)
                .containsExactly(accountId);
        assertThat(users.as("admin", () -> audit.forTarget("AWS_ACCOUNT", accountId)))
                .extracting(AuditQueryService.AuditRow::action).containsExactly("ACCOUNT_REGISTERED");
    }

    @Test
    void aMemberWhoIsNotAnOwnerCannotRegisterAccounts() {
        assertThatThrownBy(() -> users.as(member, () -> accounts.register(register(team, Ids.accountId()))))
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("owners");
    }

    @Test
    void anOwnerCannotRegisterAccountsForAnotherTeam() {
        TeamSummary other = users.as("admin", () -> teams.createTeam(new CreateTeam(Ids.teamName("o"), "Other", null, false)));
        assertThatThrownBy(() -> users.as(owner, () -> accounts.register(register(other, Ids.accountId()))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> users.as("alice", () -> accounts.register(register(team, Ids.accountId()))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void everyInvalidFieldGetsAMessageThatSaysWhatIsWrong() {
        RegisterAccount bad = new RegisterAccount(team.id(), "12345", " ", Set.of("moon-1"), "arn:aws:iam::role");
        assertThatThrownBy(() -> users.as(owner, () -> accounts.register(bad)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactlyInAnyOrder("accountId", "displayName", "regions", "roleArn"))
                .hasMessageContaining("exactly 12 digits")
                .hasMessageContaining("us-east-1")
                .hasMessageContaining("arn:aws:iam::111122223333:role/LinkportAccess");
    }

    @Test
    void theRoleMustLiveInTheAccountBeingRegistered() {
        String accountId = Ids.accountId();
        RegisterAccount wrongRole = new RegisterAccount(team.id(), accountId, "prod", Set.of("us-east-1"),
                "arn:aws:iam::123456789012:role/LinkportAccess");
        assertThatThrownBy(() -> users.as(owner, () -> accounts.register(wrongRole)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("roleArn",
                                "The role must be in account " + accountId + ", not 123456789012")));
    }

    @Test
    void anAccountIdRegisteredTwiceIsRefused() {
        String accountId = Ids.accountId();
        users.run(owner, () -> accounts.register(register(team, accountId)));
        assertThatThrownBy(() -> users.as(owner, () -> accounts.register(register(team, accountId))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("accountId"))
                .hasMessageContaining("already registered");
        // The demo account of another team: refused without revealing which team has it.
        assertThatThrownBy(() -> users.as(owner, () -> accounts.register(register(team, "111111111111"))))
                .hasMessageContaining("already registered by another team");
    }

    @Test
    void aStaleConcurrentEditFailsWithAMessageInsteadOfOverwriting() {
        AccountDetails original = users.as(owner, () -> accounts.register(register(team, Ids.accountId())));
        // Two people opened the same version; the first saves.
        users.run(owner, () -> accounts.update(new UpdateAccount(original.id(), original.version(), "renamed-by-first",
                Set.of("us-east-1"), original.roleArn())));
        // The second saves on top of the version they read: refused, with a message for people.
        assertThatThrownBy(() -> users.as("admin", () -> accounts.update(new UpdateAccount(original.id(),
                original.version(), "renamed-by-second", Set.of("eu-west-1"), original.roleArn()))))
                .isInstanceOf(StaleEditException.class)
                .hasMessage("Account " + original.accountId()
                        + " was changed by someone else after you opened it. Reload it and make your change again.");
        assertThat(users.as(owner, () -> accounts.account(original.id())).displayName()).isEqualTo("renamed-by-first");
    }

    private static RegisterAccount register(TeamSummary team, String accountId) {
        return new RegisterAccount(team.id(), accountId, "prod-" + accountId, Set.of("us-east-1"),
                "arn:aws:iam::" + accountId + ":role/LinkportAccess");
    }
}
