package dev.linkport.api;

import static dev.linkport.api.ApiSteps.items;
import static dev.linkport.api.ApiSteps.newUser;
import static dev.linkport.api.ApiSteps.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.api.ApiClient.Response;
import dev.linkport.identity.ApiScope;
import dev.linkport.identity.service.ApiTokenService;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.TestUsers;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Teams and their members through the REST API: who may do what, and how a wrong input is answered. */
@LinkportIntegrationTest
class TeamsApiIT {

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired ApiTokenService tokens;

    @Test
    void anAdminTokenCreatesATeamAddsAnOwnerRenamesItAndManagesItsMembers() {
        ApiClient admin = ApiClient.token(port, users, tokens, "admin", ApiScope.READ, ApiScope.ADMIN);
        String name = uniqueName("team");
        String owner = newUser(port, "owner");
        String member = newUser(port, "member");

        Response created = admin.post("/api/v1/teams", Map.of("name", name, "displayName", "Team " + name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.location()).endsWith("/api/v1/teams/" + id);
        assertThat(created.text("name")).isEqualTo(name);

        Response added = admin.post("/api/v1/teams/" + id + "/members", Map.of("username", owner, "role", "owner"));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.text("role")).isEqualTo("OWNER");
        assertThat(admin.post("/api/v1/teams/" + id + "/members", Map.of("username", member, "role", "member"))
                .status()).isEqualTo(201);

        Response renamed = admin.send("PATCH", "/api/v1/teams/" + id, Map.of("displayName", "Renamed"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.text("displayName")).isEqualTo("Renamed");
        assertThat(renamed.text("name")).isEqualTo(name);

        Response members = admin.get("/api/v1/teams/" + id + "/members");
        assertThat(members.json().get("total").asLong()).isEqualTo(2);
        assertThat(items(members.json())).extracting(m -> m.get("username").asString()).containsExactlyInAnyOrder(owner, member);

        ApiClient asOwner = ApiClient.basic(port, owner, ApiJourneyIT.PASSWORD);
        Response promoted = asOwner.send("PUT", "/api/v1/teams/" + id + "/members/" + member, Map.of("role", "OWNER"));
        assertThat(promoted.status()).as(promoted.toString()).isEqualTo(200);
        assertThat(promoted.text("role")).isEqualTo("OWNER");
        assertThat(asOwner.delete("/api/v1/teams/" + id + "/members/" + member).status()).isEqualTo(204);
        assertThat(asOwner.get("/api/v1/teams/" + id + "/members/" + member).status()).isEqualTo(404);

        Response lastOwner = asOwner.delete("/api/v1/teams/" + id + "/members/" + owner);
        assertThat(lastOwner.status()).as(lastOwner.toString()).isEqualTo(409);

        Response mine = asOwner.get("/api/v1/teams?q=" + name);
        assertThat(items(mine.json())).extracting(t -> t.get("myRole").asString()).containsExactly("OWNER");
    }

    @Test
    void withoutCredentialsEveryTeamOperationIs401() {
        ApiClient nobody = ApiClient.anonymous(port);
        assertThat(nobody.get("/api/v1/teams").status()).isEqualTo(401);
        assertThat(nobody.post("/api/v1/teams", Map.of("name", "x")).status()).isEqualTo(401);
        assertThat(nobody.get("/api/v1/teams/" + UUID.randomUUID() + "/members").status()).isEqualTo(401);
    }

    @Test
    void creatingATeamIs403ForAUserWhoIsNoAdminAndForATokenWithoutTheAdminScope() {
        Response notAdmin = ApiClient.basic(port, "bob", ApiJourneyIT.PASSWORD)
                .post("/api/v1/teams", Map.of("name", uniqueName("team"), "displayName", "Bob's"));
        assertThat(notAdmin.status()).as(notAdmin.toString()).isEqualTo(403);
        assertThat(notAdmin.contentType()).startsWith("application/problem+json");

        Response readOnly = ApiClient.token(port, users, tokens, "admin", ApiScope.READ)
                .post("/api/v1/teams", Map.of("name", uniqueName("team"), "displayName", "Read only"));
        assertThat(readOnly.status()).as(readOnly.toString()).isEqualTo(403);
        assertThat(readOnly.text("requiredScope")).isEqualTo("admin");
    }

    @Test
    void aMemberWhoIsNoOwnerMayNotAddMembersAndAnOutsiderDoesNotSeeTheTeam() {
        ApiClient admin = ApiClient.basic(port, "admin", ApiJourneyIT.PASSWORD);
        String id = admin.post("/api/v1/teams", Map.of("name", uniqueName("team"), "displayName", "T")).text("id");
        String plainMember = newUser(port, "member");
        admin.post("/api/v1/teams/" + id + "/members", Map.of("username", plainMember, "role", "member"));

        Response member = ApiClient.basic(port, plainMember, ApiJourneyIT.PASSWORD)
                .post("/api/v1/teams/" + id + "/members", Map.of("username", "carol", "role", "member"));
        assertThat(member.status()).as(member.toString()).isEqualTo(403);

        Response outsider = ApiClient.basic(port, "carol", ApiJourneyIT.PASSWORD).get("/api/v1/teams/" + id);
        assertThat(outsider.status()).as(outsider.toString()).isEqualTo(404);
    }

    @Test
    void unknownTeamsAndMembersAre404() {
        ApiClient admin = ApiClient.basic(port, "admin", ApiJourneyIT.PASSWORD);
        String unknown = "/api/v1/teams/" + UUID.randomUUID();
        assertThat(admin.get(unknown).status()).isEqualTo(404);
        assertThat(admin.get(unknown + "/members").status()).isEqualTo(404);
        assertThat(admin.send("PATCH", unknown, Map.of("displayName", "x")).status()).isEqualTo(404);
        assertThat(admin.post(unknown + "/members", Map.of("username", "bob", "role", "member")).status())
                .isEqualTo(404);
        String payments = items(admin.get("/api/v1/teams?q=payments").json()).getFirst().get("id").asString();
        assertThat(admin.delete("/api/v1/teams/" + payments + "/members/nobody-here").status()).isEqualTo(404);
    }

    @Test
    void invalidTeamsAndMembersAreA400NamingEachField() {
        ApiClient admin = ApiClient.basic(port, "admin", ApiJourneyIT.PASSWORD);
        Response team = admin.post("/api/v1/teams", Map.of("name", "Not A Name!", "displayName", " "));
        assertThat(team.status()).as(team.toString()).isEqualTo(400);
        assertThat(team.errorFields()).containsExactlyInAnyOrder("name", "displayName");
        assertThat(team.raw()).contains("lower-case letters");

        String id = admin.post("/api/v1/teams", Map.of("name", uniqueName("team"), "displayName", "T")).text("id");
        Response badRole = admin.post("/api/v1/teams/" + id + "/members", Map.of("username", "bob", "role", "boss"));
        assertThat(badRole.status()).as(badRole.toString()).isEqualTo(400);
        assertThat(badRole.errorFields()).containsExactly("role");

        Response noUser = admin.post("/api/v1/teams/" + id + "/members", Map.of("username", "nobody-here",
                "role", "member"));
        assertThat(noUser.status()).as(noUser.toString()).isEqualTo(400);
        assertThat(noUser.errorFields()).containsExactly("username");

        Response badPage = admin.get("/api/v1/teams?size=0");
        assertThat(badPage.errorFields()).containsExactly("size");
    }
}
