package dev.linkport.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.api.ApiClient.Response;
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
import dev.linkport.sandbox.SandboxLifecycle;
import dev.linkport.support.Ids;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/accounts/{accountId}/access-check} over real HTTP, against the sandbox. */
@LinkportIntegrationTest
class AccountAccessCheckApiIT {

    static final String OWNER_PASSWORD = "a-long-password-1";
    static final String MEMBER_PASSWORD = "a-long-password-2";

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired TeamService teams;
    @Autowired AccountService accounts;
    @Autowired UserService userService;
    @Autowired SandboxLifecycle sandbox;

    String owner;
    String member;
    AccountDetails account;
    String path;

    @BeforeEach
    void aTeamWithAnAccountWhoseRoleTrustsLinkport() {
        owner = Ids.teamName("owner");
        member = Ids.teamName("member");
        TeamSummary team = users.as("admin", () -> {
            userService.create(new CreateUser(owner, "Owner", null, OWNER_PASSWORD, false));
            userService.create(new CreateUser(member, "Member", null, MEMBER_PASSWORD, false));
            TeamSummary t = teams.createTeam(new CreateTeam(Ids.teamName("t"), "Team", null, false));
            teams.addMember(new AddMember(t.id(), owner, MembershipRole.OWNER));
            teams.addMember(new AddMember(t.id(), member, MembershipRole.MEMBER));
            return t;
        });
        String accountId = Ids.accountId();
        account = users.as(owner, () -> accounts.register(new RegisterAccount(team.id(), accountId,
                "prod-" + accountId, Set.of("us-east-1"), "arn:aws:iam::" + accountId + ":role/LinkportAccess")));
        sandbox.control().createAccount(accountId, "api-check", List.of("us-east-1"), account.externalId());
        path = "/api/v1/accounts/" + accountId + "/access-check";
    }

    @Test
    void anOwnerTestsAGoodRoleThenAMissingPermissionThenAWrongExternalId() {
        ApiClient api = ApiClient.basic(port, owner, OWNER_PASSWORD);

        Response good = api.post(path, null);
        assertThat(good.status()).as(good.toString()).isEqualTo(200);
        assertThat(good.text("outcome")).isEqualTo("OK");
        assertThat(good.text("accountId")).isEqualTo(account.accountId());
        assertThat(good.text("region")).isEqualTo("us-east-1");
        assertThat(field(good.json().get("steps"), "outcome")).containsOnly("PASSED").hasSize(5);

        sandbox.control().configureRole(account.accountId(), null, List.of("ec2:DescribeVpcEndpoints"));
        Response missing = api.post(path, null);
        assertThat(missing.status()).as(missing.toString()).isEqualTo(200);
        assertThat(missing.text("outcome")).isEqualTo("FAILED");
        assertThat(missing.text("summary")).isEqualTo(
                "Missing permission ec2:DescribeVpcEndpoints — attach the permissions policy");
        assertThat(field(missing.json().get("steps"), "explanation")).anySatisfy(text -> assertThat(text)
                .startsWith("Missing permission ec2:DescribeVpcEndpoints — attach the permissions policy shown below"));
        assertThat(missing.text("consumerPolicy")).contains("ec2:DescribeVpcEndpoints");

        sandbox.control().configureRole(account.accountId(), "not-" + account.externalId(), List.of());
        Response wrongId = api.post(path, null);
        assertThat(wrongId.text("outcome")).isEqualTo("FAILED");
        JsonNode assume = wrongId.json().get("steps").get(0);
        assertThat(assume.get("outcome").asString()).isEqualTo("FAILED");
        assertThat(assume.get("explanation").asString())
                .contains("the trust policy must require " + account.externalId());
        assertThat(assume.get("awsError").asString()).startsWith("AccessDenied:");
    }

    @Test
    void theCheckRefusesStrangersPlainMembersAndUnknownAccounts() {
        Response anonymous = ApiClient.anonymous(port).post(path, null);
        assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(401);

        Response plainMember = ApiClient.basic(port, member, MEMBER_PASSWORD).post(path, null);
        assertThat(plainMember.status()).as(plainMember.toString()).isEqualTo(403);
        assertThat(plainMember.contentType()).contains("application/problem+json");
        assertThat(plainMember.text("detail")).contains("owners");

        Response otherTeam = ApiClient.basic(port, "carol", "linkport-demo").post(path, null);
        assertThat(otherTeam.status()).as(otherTeam.toString()).isEqualTo(404);

        Response unknown = ApiClient.basic(port, owner, OWNER_PASSWORD)
                .post("/api/v1/accounts/" + Ids.accountId() + "/access-check", null);
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
    }

    private static List<String> field(JsonNode array, String name) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.get(name).asString()));
        return values;
    }
}
