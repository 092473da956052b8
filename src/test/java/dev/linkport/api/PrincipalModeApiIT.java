package dev.linkport.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.api.ApiClient.Response;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.consumer.service.SubmitEndpointRequest;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.LoopFixture;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What approval allows, through the API: the owners set principalMode; a request names a role with field errors. */
@LinkportIntegrationTest
class PrincipalModeApiIT {

    static final String PASSWORD = "linkport-demo";

    @LocalServerPort int port;
    @Autowired LoopFixture loop;

    @Test
    void ownersSwitchAServiceToRoleModeAndARequestNamingAnotherAccountsRoleIsRefusedOnTheField() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.PROVIDER, "payments-api");
        String path = "/api/v1/services/" + service.id();
        ApiClient alice = ApiClient.basic(port, "alice", PASSWORD);
        ApiClient bob = ApiClient.basic(port, "bob", PASSWORD);
        assertThat(alice.get(path + "/settings").text("principalMode")).isEqualTo("ACCOUNT");

        assertThat(bob.send("PATCH", path, Map.of("principalMode", "ROLE")).status()).isEqualTo(403);
        Response edited = alice.send("PATCH", path, Map.of("principalMode", "ROLE"));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.text("principalMode")).as(edited.toString()).isEqualTo("ROLE");
        assertThat(bob.get(path).text("principalMode")).isEqualTo("ROLE");

        SubmitEndpointRequest r = loop.requestFor("bob", LoopFixture.BOB_ACCOUNT, service);
        Map<String, Object> body = ApiSteps.requestBody(service.id().toString(), r.accountId(), r.vpcId(),
                r.subnetIds(), r.securityGroupIds().getFirst());
        body.put("principalRoleArn", "arn:aws:iam::444455556666:role/checkout-app");
        Response refused = bob.post("/api/v1/endpoint-requests", body);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("principalRoleArn");

        body.put("principalRoleArn", "arn:aws:iam::" + LoopFixture.BOB_ACCOUNT + ":role/checkout-app");
        Response created = bob.post("/api/v1/endpoint-requests", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("principalRoleArn")).isEqualTo(body.get("principalRoleArn"));
    }
}
