package dev.linkport.support;

import dev.linkport.identity.MembershipRole;
import dev.linkport.identity.service.AccountCommands.RegisterAccount;
import dev.linkport.identity.service.AccountDetails;
import dev.linkport.identity.service.AccountService;
import dev.linkport.identity.service.TeamCommands.AddMember;
import dev.linkport.identity.service.TeamCommands.CreateTeam;
import dev.linkport.identity.service.TeamService;
import dev.linkport.identity.service.TeamViews.TeamSummary;
import dev.linkport.identity.service.UserCommands.CreateUser;
import dev.linkport.identity.service.UserService;
import dev.linkport.sandbox.SandboxControl;
import java.util.List;
import java.util.Set;

/**
 * A fresh provider team of its own for a test: a user who owns it (and can sign in), and an AWS account registered
 * for it that exists in the sandbox with a VPC, subnets in zones a–c and a role that trusts Linkport. Nothing of the
 * demo teams is touched.
 */
public final class ProviderTeamSeed {

    public static final String PASSWORD = "provider-password-1";
    public static final String REGION = "us-east-1";

    /** The team, its owner's user name and its account id. */
    public record ProviderTeam(TeamSummary team, String owner, String accountId) {
    }

    private final TestUsers users;
    private final UserService userService;
    private final TeamService teams;
    private final AccountService accounts;
    private final SandboxControl sandbox;

    public ProviderTeamSeed(TestUsers users, UserService userService, TeamService teams, AccountService accounts,
                            SandboxControl sandbox) {
        this.users = users;
        this.userService = userService;
        this.teams = teams;
        this.accounts = accounts;
        this.sandbox = sandbox;
    }

    /** A new team named after {@code prefix}, its owner and one account in {@link #REGION}. */
    public ProviderTeam create(String prefix) {
        String owner = Ids.teamName(prefix + "-owner");
        String accountId = Ids.accountId();
        TeamSummary team = users.as("admin", () -> {
            userService.create(new CreateUser(owner, "Owner of " + prefix, null, PASSWORD, false));
            TeamSummary created = teams.createTeam(new CreateTeam(Ids.teamName(prefix), prefix, null, true));
            teams.addMember(new AddMember(created.id(), owner, MembershipRole.OWNER));
            return created;
        });
        AccountDetails account = users.as(owner, () -> accounts.register(new RegisterAccount(team.id(), accountId,
                prefix + "-" + accountId, Set.of(REGION), "arn:aws:iam::" + accountId + ":role/LinkportAccess")));
        sandbox.createAccount(accountId, prefix, List.of(REGION), account.externalId());
        return new ProviderTeam(team, owner, accountId);
    }
}
