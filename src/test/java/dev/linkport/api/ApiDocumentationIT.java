package dev.linkport.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.api.ApiClient.Response;
import dev.linkport.support.LinkportIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The OpenAPI description and Swagger UI load without signing in, and describe the API's paths. */
@LinkportIntegrationTest
class ApiDocumentationIT {

    @LocalServerPort int port;

    @Test
    void theOpenApiDocumentListsTheApiPathsAndNothingElse() throws Exception {
        Response docs = ApiClient.anonymous(port).get("/v3/api-docs");
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "api-docs.json"), docs.raw());

        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        assertThat(docs.json().get("paths").propertyNames()).contains(
                "/api/v1/accounts", "/api/v1/accounts/{accountId}/load-balancers", "/api/v1/accounts/{accountId}/vpcs",
                "/api/v1/accounts/{accountId}/subnets", "/api/v1/accounts/{accountId}/security-groups",
                "/api/v1/services", "/api/v1/services/{id}", "/api/v1/services/{id}/retry",
                "/api/v1/endpoint-requests", "/api/v1/endpoint-requests/{id}",
                "/api/v1/endpoint-requests/{id}/approve", "/api/v1/endpoint-requests/{id}/reject",
                "/api/v1/endpoint-requests/{id}/retry", "/api/v1/endpoint-requests/approve",
                "/api/v1/endpoint-requests/reject", "/api/v1/teams", "/api/v1/teams/{id}", "/api/v1/teams/{id}/members",
                "/api/v1/teams/{id}/members/{username}", "/api/v1/users", "/api/v1/users/{id}",
                "/api/v1/accounts/{accountId}", "/api/v1/audit", "/api/v1/audit.csv", "/api/v1/operations/jobs",
                "/api/v1/operations/jobs/{task}/{instance}/retry", "/api/v1/operations/drift")
                .allMatch(path -> path.startsWith("/api/"));
        assertThat(docs.json().at("/paths/~1api~1v1~1teams/post/x-required-scope").asString()).isEqualTo("admin");
        assertThat(docs.json().at("/paths/~1api~1v1~1teams/get/x-required-scope").asString()).isEqualTo("read");
        assertThat(docs.json().at("/paths/~1api~1v1~1endpoint-requests~1approve/post/description").asString())
                .contains("API token scope: `decide`");
        assertThat(docs.json().get("components").get("securitySchemes").propertyNames()).contains("apiToken");
    }

    @Test
    void swaggerUiLoadsWithoutSigningIn() {
        Response ui = ApiClient.anonymous(port).get("/swagger-ui/index.html");

        assertThat(ui.status()).as(ui.toString()).isEqualTo(200);
        assertThat(ui.raw()).containsIgnoringCase("swagger");
    }
}
