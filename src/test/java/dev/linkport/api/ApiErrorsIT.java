package dev.linkport.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.api.ApiClient.Response;
import dev.linkport.identity.service.ApiTokenService;
import dev.linkport.identity.service.ApiTokenService.CreatedApiToken;
import dev.linkport.sandbox.SandboxFault;
import dev.linkport.sandbox.SandboxLifecycle;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.TestUsers;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** How the REST API says no: problem JSON with an errors array, for every kind of refusal. */
@LinkportIntegrationTest
class ApiErrorsIT {

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired ApiTokenService tokens;
    @Autowired SandboxLifecycle sandbox;

    @Test
    void aRequestWithoutCredentialsGets401ProblemJson() {
        Response response = ApiClient.anonymous(port).get("/api/v1/services");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(401);
        assertThat(response.json().get("errors").isArray()).isTrue();
    }

    @Test
    void aRevokedTokenIsRefusedWith401WhileItWorkedBefore() {
        CreatedApiToken token = users.as("bob", () -> tokens.create("to-revoke"));
        ApiClient bob = ApiClient.bearer(port, token.secret());
        assertThat(bob.get("/api/v1/accounts").status()).isEqualTo(200);

        users.run("bob", () -> tokens.revoke(token.token().id()));

        Response refused = bob.get("/api/v1/accounts");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anUnknownTokenOrAWrongPasswordIsRefusedWith401() {
        assertThat(ApiClient.bearer(port, "lp_" + "x".repeat(43)).get("/api/v1/accounts").status()).isEqualTo(401);
        assertThat(ApiClient.bearer(port, "not-a-token").get("/api/v1/accounts").status()).isEqualTo(401);
        assertThat(ApiClient.basic(port, "bob", "wrong-password-" + UUID.randomUUID()).get("/api/v1/accounts").status())
                .isEqualTo(401);
    }

    @Test
    void malformedJsonIsA400WithAnErrorsArray() {
        Response response = bob().postRaw("/api/v1/endpoint-requests", "{\"serviceId\": ");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.errorFields()).isNotEmpty();
    }

    @Test
    void aValueOfTheWrongTypeIsA400NamingTheField() {
        Response badUuid = bob().postRaw("/api/v1/endpoint-requests", "{\"serviceId\": \"not-a-uuid\"}");
        assertThat(badUuid.status()).as(badUuid.toString()).isEqualTo(400);
        assertThat(badUuid.errorFields()).containsExactly("serviceId");

        Response badEnum = bob().post("/api/v1/services", Map.of("name", "x", "approvalPolicy", "SOMETIMES"));
        assertThat(badEnum.status()).as(badEnum.toString()).isEqualTo(400);
        assertThat(badEnum.errorFields()).containsExactly("approvalPolicy");

        Response badPathId = bob().get("/api/v1/endpoint-requests/123");
        assertThat(badPathId.status()).as(badPathId.toString()).isEqualTo(400);
        assertThat(badPathId.errorFields()).containsExactly("id");
    }

    @Test
    void invalidFieldsAreA400WithOneErrorPerField() {
        Response response = bob().post("/api/v1/endpoint-requests", Map.of("accountId", "12", "vpcId", "vpc-xyz"));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.errorFields()).contains("serviceId", "accountId", "region", "vpcId", "subnetIds",
                "justification");
        assertThat(response.raw()).contains("An AWS account id is exactly 12 digits");
    }

    @Test
    void aMissingQueryParameterAndABadScopeAreA400NamingTheParameter() {
        Response noRegion = bob().get("/api/v1/accounts/222222222222/vpcs");
        assertThat(noRegion.status()).as(noRegion.toString()).isEqualTo(400);
        assertThat(noRegion.errorFields()).containsExactly("region");

        Response badScope = bob().get("/api/v1/endpoint-requests?scope=everything");
        assertThat(badScope.status()).as(badScope.toString()).isEqualTo(400);
        assertThat(badScope.errorFields()).containsExactly("scope");

        Response badSize = bob().get("/api/v1/services?size=1000");
        assertThat(badSize.status()).as(badSize.toString()).isEqualTo(400);
        assertThat(badSize.errorFields()).containsExactly("size");
    }

    @Test
    void badFilterValuesOfTheRequestListAreA400NamingEachParameter() {
        Response mine = bob().get("/api/v1/endpoint-requests?scope=mine&state=SLEEPING&service=not-an-id&account=12&q="
                + "x".repeat(101));
        assertThat(mine.status()).as(mine.toString()).isEqualTo(400);
        assertThat(mine.errorFields()).containsExactlyInAnyOrder("state", "service", "account", "q");

        Response toDecide = bob().get("/api/v1/endpoint-requests?scope=to-decide&team=nope&waitingAtLeast=3 days"
                .replace(" ", "%20") + "&state=SUBMITTED");
        assertThat(toDecide.status()).as(toDecide.toString()).isEqualTo(400);
        assertThat(toDecide.errorFields()).containsExactlyInAnyOrder("team", "waitingAtLeast", "state");

        Response fine = bob().get("/api/v1/endpoint-requests?scope=mine&state=submitted&state=AVAILABLE&q=vpc");
        assertThat(fine.status()).as(fine.toString()).isEqualTo(200);
    }

    @Test
    void aBulkRejectionWithoutAReasonIsA400OnReason() {
        Response response = bob().post("/api/v1/endpoint-requests/reject",
                java.util.Map.of("ids", java.util.List.of(java.util.UUID.randomUUID().toString()), "reason", " "));
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactly("reason");
    }

    @Test
    void aRejectionWithoutAReasonIsA400OnReason() {
        Response response = ApiClient.basic(port, "admin", ApiJourneyIT.PASSWORD)
                .post("/api/v1/endpoint-requests/" + UUID.randomUUID() + "/reject", Map.of());

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactly("reason");
    }

    @Test
    void somethingThatDoesNotExistOrIsNotVisibleIsA404() {
        Response service = bob().get("/api/v1/services/" + UUID.randomUUID());
        assertThat(service.status()).isEqualTo(404);
        assertThat(service.contentType()).startsWith("application/problem+json");

        Response otherTeamsAccount = bob().get("/api/v1/accounts/111111111111/vpcs?region=us-east-1");
        assertThat(otherTeamsAccount.status()).as(otherTeamsAccount.toString()).isEqualTo(404);
    }

    @Test
    void anUnknownApiPathIsA404ProblemJson() {
        Response response = bob().get("/api/v1/no-such-thing");

        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void retryingAServiceThatDoesNotExistIsA404() {
        Response response = bob().post("/api/v1/services/" + UUID.randomUUID() + "/retry", null);

        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void awsRefusingAReadIsA502AndAwsThrottlingIsA503WithRetryAfter() {
        ApiClient carol = ApiClient.basic(port, "carol", ApiJourneyIT.PASSWORD);
        String vpcs = "/api/v1/accounts/333333333333/vpcs?region=us-east-1";
        try {
            sandbox.control().injectFault(new SandboxFault("DescribeVpcs", "333333333333", "UnauthorizedOperation",
                    403, 1.0, Duration.ZERO, 1));
            Response refused = carol.get(vpcs);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(502);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.text("detail")).contains("UnauthorizedOperation");

            sandbox.control().injectFault(SandboxFault.error("DescribeVpcs", "RequestLimitExceeded", 503));
            Response throttled = carol.get(vpcs);
            assertThat(throttled.status()).as(throttled.toString()).isEqualTo(503);
            assertThat(throttled.contentType()).startsWith("application/problem+json");
        } finally {
            sandbox.control().clearFaults();
        }
        assertThat(carol.get(vpcs).status()).isEqualTo(200);
    }

    private ApiClient bob() {
        return ApiClient.basic(port, "bob", ApiJourneyIT.PASSWORD);
    }
}
