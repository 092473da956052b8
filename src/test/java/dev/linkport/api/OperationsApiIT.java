package dev.linkport.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.api.ApiClient.Response;
import dev.linkport.identity.ApiScope;
import dev.linkport.identity.service.ApiTokenService;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Jobs and drift through the REST API, for platform admins. */
@LinkportIntegrationTest
class OperationsApiIT {

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired ApiTokenService tokens;

    @Test
    void anAdminListsJobsByStateAndOpenDrift() {
        ApiClient admin = ApiClient.token(port, users, tokens, "admin", ApiScope.READ);

        Response all = admin.get("/api/v1/operations/jobs");
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        assertThat(all.json().get("total").asLong()).as("the recurring reconciliation is always there")
                .isGreaterThanOrEqualTo(1);
        assertThat(ApiSteps.items(all.json())).isNotEmpty().allSatisfy(job -> {
            assertThat(job.get("task").asString()).isNotBlank();
            assertThat(job.get("status").asString()).isIn("queued", "running", "retrying", "failed");
        });
        Response reconcile = admin.get("/api/v1/operations/jobs?kind=reconcile");
        assertThat(reconcile.json().get("total").asLong()).isEqualTo(1);
        assertThat(ApiSteps.items(reconcile.json())).singleElement().satisfies(job -> {
            assertThat(job.get("task").asString()).isEqualTo("reconcile");
            assertThat(job.get("recurring").asBoolean()).isTrue();
        });
        assertThat(admin.get("/api/v1/operations/jobs?kind=no-such-kind").json().get("total").asLong()).isZero();
        Response failed = admin.get("/api/v1/operations/jobs?state=failed");
        assertThat(failed.status()).isEqualTo(200);
        assertThat(ApiSteps.items(failed.json())).allSatisfy(job ->
                assertThat(job.get("status").asString()).isIn("failed", "retrying"));

        Response drift = admin.get("/api/v1/operations/drift?all=true&size=5");
        assertThat(drift.status()).as(drift.toString()).isEqualTo(200);
        assertThat(drift.json().get("size").asInt()).isEqualTo(5);
    }

    @Test
    void operationsAre401WithoutCredentialsAnd403ForSomeoneWhoIsNoAdminOrATokenWithoutTheAdminScope() {
        assertThat(ApiClient.anonymous(port).get("/api/v1/operations/jobs").status()).isEqualTo(401);
        assertThat(ApiClient.basic(port, "bob", ApiJourneyIT.PASSWORD).get("/api/v1/operations/drift").status())
                .isEqualTo(403);
        Response retry = ApiClient.token(port, users, tokens, "admin", ApiScope.READ)
                .post("/api/v1/operations/jobs/provision-endpoint/x/retry", null);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(403);
        assertThat(retry.text("requiredScope")).isEqualTo("admin");
    }

    @Test
    void retryingAJobThatDoesNotExistIs404AndABadStateIsA400() {
        ApiClient admin = ApiClient.basic(port, "admin", ApiJourneyIT.PASSWORD);
        Response retry = admin.post("/api/v1/operations/jobs/provision-endpoint/no-such-job/retry", null);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(404);
        assertThat(retry.contentType()).startsWith("application/problem+json");

        Response badState = admin.get("/api/v1/operations/jobs?state=sleeping");
        assertThat(badState.status()).isEqualTo(400);
        assertThat(badState.errorFields()).containsExactly("state");
        assertThat(admin.get("/api/v1/operations/jobs?kind=DROP%20TABLE").errorFields()).containsExactly("kind");
    }
}
