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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The audit log through the REST API: filtered pages as JSON and the same lines as CSV, for admins only. */
@LinkportIntegrationTest
class AuditApiIT {

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired ApiTokenService tokens;

    @Test
    void anAdminFindsTheLineOfATeamItCreatedByActionAndTeamAsJsonAndAsCsv() {
        ApiClient admin = ApiClient.token(port, users, tokens, "admin", ApiScope.READ, ApiScope.ADMIN);
        String team = uniqueName("audited");
        assertThat(admin.post("/api/v1/teams", Map.of("name", team, "displayName", "Audited")).status())
                .isEqualTo(201);
        String query = "?action=TEAM_CREATED&team=" + team + "&actor=admin&from=2020-01-01T00:00:00Z";

        Response page = admin.get("/api/v1/audit" + query);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.json().get("total").asLong()).isEqualTo(1);
        assertThat(items(page.json())).singleElement().satisfies(line -> {
            assertThat(line.get("action").asString()).isEqualTo("TEAM_CREATED");
            assertThat(line.get("team").asString()).isEqualTo(team);
            assertThat(line.get("actor").asString()).isEqualTo("admin");
        });

        Response csv = admin.get("/api/v1/audit" + query, "text/csv");
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.raw().split("\r\n");
        assertThat(lines[0]).isEqualTo("id,occurred_at,actor,action,target_type,target_id,target_label,team,before,"
                + "after,reason");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).contains(",admin,TEAM_CREATED,TEAM,").contains("," + team + ",");

        Response file = admin.get("/api/v1/audit.csv" + query);
        assertThat(file.contentType()).startsWith("text/csv");
        assertThat(file.raw()).isEqualTo(csv.raw());
    }

    @Test
    void theAuditLogIs401WithoutCredentialsAnd403ForSomeoneWhoIsNoAdmin() {
        assertThat(ApiClient.anonymous(port).get("/api/v1/audit").status()).isEqualTo(401);
        assertThat(ApiClient.anonymous(port).get("/api/v1/audit.csv").status()).isEqualTo(401);

        ApiClient bob = ApiClient.basic(port, "bob", ApiJourneyIT.PASSWORD);
        Response json = bob.get("/api/v1/audit");
        assertThat(json.status()).isEqualTo(403);
        assertThat(json.contentType()).startsWith("application/problem+json");
        Response csv = bob.get("/api/v1/audit", "text/csv");
        assertThat(csv.status()).as(csv.toString()).isEqualTo(403);
        assertThat(csv.raw()).doesNotContain("occurred_at");

        Response adminTokenWithoutRead = ApiClient.token(port, users, tokens, "admin", ApiScope.ADMIN)
                .get("/api/v1/audit");
        assertThat(adminTokenWithoutRead.status()).isEqualTo(403);
        assertThat(adminTokenWithoutRead.text("requiredScope")).isEqualTo("read");
    }

    @Test
    void badFiltersAreA400NamingEachParameter() {
        Response response = ApiClient.basic(port, "admin", ApiJourneyIT.PASSWORD)
                .get("/api/v1/audit?from=yesterday&to=2026-01-01&actor=" + "x".repeat(101));
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactlyInAnyOrder("from", "to", "actor");

        Response backwards = ApiClient.basic(port, "admin", ApiJourneyIT.PASSWORD)
                .get("/api/v1/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z");
        assertThat(backwards.errorFields()).containsExactly("to");
    }
}
