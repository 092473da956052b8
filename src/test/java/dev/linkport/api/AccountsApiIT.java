package dev.linkport.api;

import static dev.linkport.api.ApiSteps.items;
import static dev.linkport.api.ApiSteps.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.api.ApiClient.Response;
import dev.linkport.identity.ApiScope;
import dev.linkport.identity.service.AccountPolicies;
import dev.linkport.identity.service.ApiTokenService;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.TestUsers;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Registering AWS accounts through the REST API: the answer carries what the team's IAM role needs. */
@LinkportIntegrationTest
class AccountsApiIT {

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired ApiTokenService tokens;

    /** A 12-digit account id no other test uses (the demo accounts are 111…, 222…, 333…). */
    static String freshAccountId() {
        return "9" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
    }

    static Map<String, Object> registration(String team, String accountId) {
        return Map.of("team", team, "accountId", accountId, "displayName", "acct-" + accountId,
                "regions", List.of("us-east-1"), "roleArn", "arn:aws:iam::" + accountId + ":role/linkport");
    }

    @Test
    void registeringAnAccountAnswersItsExternalIdAndBothPoliciesWhichGetAndListShowToo() {
        ApiClient admin = ApiClient.token(port, users, tokens, "admin", ApiScope.READ, ApiScope.ADMIN);
        String team = uniqueName("team");
        admin.post("/api/v1/teams", Map.of("name", team, "displayName", "T"));
        String accountId = freshAccountId();

        Response registered = admin.post("/api/v1/accounts", registration(team, accountId));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.location()).endsWith("/api/v1/accounts/" + accountId);
        String externalId = registered.text("externalId");
        assertThat(externalId).startsWith("linkport-");
        JsonNode trust = ApiClient.JSON.readTree(registered.text("trustPolicy"));
        assertThat(trust.at("/Statement/0/Action").asString()).isEqualTo("sts:AssumeRole");
        assertThat(trust.at("/Statement/0/Condition/StringEquals/sts:ExternalId").asString()).isEqualTo(externalId);
        assertThat(registered.text("providerPolicy")).isEqualTo(AccountPolicies.providerPolicy(accountId, team,
                List.of("us-east-1")));
        assertThat(registered.text("consumerPolicy")).isEqualTo(AccountPolicies.consumerPolicy(accountId, team,
                List.of("us-east-1")));
        assertThat(registered.text("team")).isEqualTo(team);

        Response one = admin.get("/api/v1/accounts/" + accountId);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.text("externalId")).isEqualTo(externalId);
        assertThat(one.text("trustPolicy")).isEqualTo(registered.text("trustPolicy"));

        Response ofTeam = admin.get("/api/v1/accounts?team=" + team);
        assertThat(items(ofTeam.json())).extracting(a -> a.get("accountId").asString()).containsExactly(accountId);

        assertThat(admin.delete("/api/v1/accounts/" + accountId).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/accounts/" + accountId).status()).isEqualTo(404);
    }

    @Test
    void withoutCredentialsAccountsAre401() {
        ApiClient nobody = ApiClient.anonymous(port);
        assertThat(nobody.get("/api/v1/accounts/111111111111").status()).isEqualTo(401);
        assertThat(nobody.post("/api/v1/accounts", registration("payments", freshAccountId())).status())
                .isEqualTo(401);
        assertThat(nobody.delete("/api/v1/accounts/111111111111").status()).isEqualTo(401);
    }

    @Test
    void aMemberWhoIsNoOwnerAndATokenWithoutTheAdminScopeMayNotRegisterOrRemove() {
        ApiClient admin = ApiClient.basic(port, "admin", ApiJourneyIT.PASSWORD);
        String team = uniqueName("team");
        String teamId = admin.post("/api/v1/teams", Map.of("name", team, "displayName", "T")).text("id");
        String plainMember = ApiSteps.newUser(port, "member");
        admin.post("/api/v1/teams/" + teamId + "/members", Map.of("username", plainMember, "role", "member"));

        Response member = ApiClient.basic(port, plainMember, ApiJourneyIT.PASSWORD)
                .post("/api/v1/accounts", registration(team, freshAccountId()));
        assertThat(member.status()).as(member.toString()).isEqualTo(403);

        ApiClient aliceReadOnly = ApiClient.token(port, users, tokens, "alice", ApiScope.READ);
        assertThat(aliceReadOnly.get("/api/v1/accounts/111111111111").status()).isEqualTo(200);
        Response removal = aliceReadOnly.delete("/api/v1/accounts/111111111111");
        assertThat(removal.status()).as(removal.toString()).isEqualTo(403);
        assertThat(removal.text("requiredScope")).isEqualTo("admin");
    }

    @Test
    void anAccountOfAnotherTeamOrUnknownIs404() {
        ApiClient bob = ApiClient.basic(port, "bob", ApiJourneyIT.PASSWORD);
        assertThat(bob.get("/api/v1/accounts/111111111111").status()).isEqualTo(404);
        assertThat(bob.get("/api/v1/accounts/" + freshAccountId()).status()).isEqualTo(404);
        assertThat(bob.delete("/api/v1/accounts/111111111111").status()).isEqualTo(404);
        assertThat(bob.get("/api/v1/accounts?team=payments").status()).isEqualTo(404);
    }

    @Test
    void anInvalidRegistrationIsA400NamingEachField() {
        ApiClient admin = ApiClient.basic(port, "admin", ApiJourneyIT.PASSWORD);
        Response response = admin.post("/api/v1/accounts", Map.of("team", "payments", "accountId", "12",
                "displayName", "", "regions", List.of("mars-1"), "roleArn", "not-an-arn"));
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactlyInAnyOrder("accountId", "displayName", "regions", "roleArn");

        Response noTeam = admin.post("/api/v1/accounts", registration("no-such-team", freshAccountId()));
        assertThat(noTeam.status()).as(noTeam.toString()).isEqualTo(400);
        assertThat(noTeam.errorFields()).containsExactly("team");

        Response taken = admin.post("/api/v1/accounts", registration("checkout", "111111111111"));
        assertThat(taken.status()).as(taken.toString()).isEqualTo(400);
        assertThat(taken.errorFields()).containsExactly("accountId");
    }
}
