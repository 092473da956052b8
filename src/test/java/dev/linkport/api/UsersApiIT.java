package dev.linkport.api;

import static dev.linkport.api.ApiSteps.items;
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

/** Users through the REST API: platform admins find and create them; nobody else may. */
@LinkportIntegrationTest
class UsersApiIT {

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired ApiTokenService tokens;

    @Test
    void anAdminCreatesALocalUserFindsItAndReadsIt() {
        ApiClient admin = ApiClient.token(port, users, tokens, "admin", ApiScope.READ, ApiScope.ADMIN);
        String name = uniqueName("dora");

        Response created = admin.post("/api/v1/users", Map.of("username", name, "displayName", "Dora",
                "email", name + "@example.com", "password", "a-long-initial-password"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.location()).endsWith("/api/v1/users/" + created.text("id"));
        assertThat(created.raw()).doesNotContain("a-long-initial-password");

        Response found = admin.get("/api/v1/users?q=" + name);
        assertThat(found.json().get("total").asLong()).isEqualTo(1);
        assertThat(items(found.json())).extracting(u -> u.get("username").asString()).containsExactly(name);

        Response one = admin.get("/api/v1/users/" + created.text("id"));
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.text("displayName")).isEqualTo("Dora");
        assertThat(one.json().get("enabled").asBoolean()).isTrue();
    }

    @Test
    void withoutCredentialsUsersAre401() {
        assertThat(ApiClient.anonymous(port).get("/api/v1/users").status()).isEqualTo(401);
        assertThat(ApiClient.anonymous(port).post("/api/v1/users", Map.of()).status()).isEqualTo(401);
    }

    @Test
    void usersAre403ForSomeoneWhoIsNoAdminAndCreatingIsForbiddenToATokenWithoutAdminScope() {
        ApiClient bob = ApiClient.basic(port, "bob", ApiJourneyIT.PASSWORD);
        assertThat(bob.get("/api/v1/users").status()).isEqualTo(403);
        assertThat(bob.post("/api/v1/users", Map.of("username", uniqueName("eve"), "displayName", "Eve",
                "password", "a-long-initial-password")).status()).isEqualTo(403);

        Response readOnly = ApiClient.token(port, users, tokens, "admin", ApiScope.READ)
                .post("/api/v1/users", Map.of("username", uniqueName("eve"), "displayName", "Eve",
                        "password", "a-long-initial-password"));
        assertThat(readOnly.status()).as(readOnly.toString()).isEqualTo(403);
        assertThat(readOnly.text("requiredScope")).isEqualTo("admin");
    }

    @Test
    void anUnknownUserIs404() {
        Response response = ApiClient.basic(port, "admin", ApiJourneyIT.PASSWORD)
                .get("/api/v1/users/" + UUID.randomUUID());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anInvalidUserIsA400NamingEachField() {
        Response response = ApiClient.basic(port, "admin", ApiJourneyIT.PASSWORD).post("/api/v1/users",
                Map.of("username", "Bad Name", "displayName", "", "email", "not-an-address", "password", "short"));
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactlyInAnyOrder("username", "displayName", "email", "password");
    }

    @Test
    void anAdminDisablesAUserWhoseTokenStopsWorkingThenEnablesAndResetsTheirPassword() {
        ApiClient admin = ApiClient.token(port, users, tokens, "admin", ApiScope.READ, ApiScope.ADMIN);
        String name = uniqueName("fay");
        String id = admin.post("/api/v1/users", Map.of("username", name, "displayName", "Fay",
                "password", "a-long-initial-password")).text("id");
        ApiClient fay = ApiClient.basic(port, name, "a-long-initial-password");
        assertThat(fay.get("/api/v1/services").status()).isEqualTo(200);

        Response disabled = admin.post("/api/v1/users/" + id + "/disable", Map.of());
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
        assertThat(fay.get("/api/v1/services").status()).isEqualTo(401);

        Response enabled = admin.post("/api/v1/users/" + id + "/enable", Map.of());
        assertThat(enabled.json().get("enabled").asBoolean()).isTrue();
        assertThat(fay.get("/api/v1/services").status()).isEqualTo(200);

        Response reset = admin.post("/api/v1/users/" + id + "/password", Map.of("newPassword", "another-long-password"));
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        assertThat(fay.get("/api/v1/services").status()).isEqualTo(401);
        assertThat(ApiClient.basic(port, name, "another-long-password").get("/api/v1/services").status())
                .isEqualTo(200);
    }

    @Test
    void disablingEnablingAndResettingAreForAdminsAndNameTheirErrors() {
        String aliceId = idOf("alice");
        ApiClient bob = ApiClient.basic(port, "bob", ApiJourneyIT.PASSWORD);
        assertThat(bob.post("/api/v1/users/" + aliceId + "/disable", Map.of()).status()).isEqualTo(403);
        assertThat(ApiClient.anonymous(port).post("/api/v1/users/" + aliceId + "/enable", Map.of()).status())
                .isEqualTo(401);
        Response readOnly = ApiClient.token(port, users, tokens, "admin", ApiScope.READ)
                .post("/api/v1/users/" + aliceId + "/disable", Map.of());
        assertThat(readOnly.status()).isEqualTo(403);
        assertThat(readOnly.text("requiredScope")).isEqualTo("admin");

        ApiClient admin = ApiClient.basic(port, "admin", ApiJourneyIT.PASSWORD);
        assertThat(admin.post("/api/v1/users/" + UUID.randomUUID() + "/disable", Map.of()).status()).isEqualTo(404);
        Response shortPassword = admin.post("/api/v1/users/" + aliceId + "/password", Map.of("newPassword", "short"));
        assertThat(shortPassword.status()).as(shortPassword.toString()).isEqualTo(400);
        assertThat(shortPassword.errorFields()).containsExactly("newPassword");
        String adminId = idOf("admin");
        assertThat(admin.post("/api/v1/users/" + adminId + "/disable", Map.of()).status()).isEqualTo(409);
    }

    private String idOf(String username) {
        return items(ApiClient.basic(port, "admin", ApiJourneyIT.PASSWORD).get("/api/v1/users?size=100&q=" + username)
                .json()).stream().filter(u -> u.get("username").asString().equals(username))
                .map(u -> u.get("id").asString()).findFirst().orElseThrow();
    }
}
