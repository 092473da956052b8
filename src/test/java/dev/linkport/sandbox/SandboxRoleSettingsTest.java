package dev.linkport.sandbox;

import static dev.linkport.sandbox.SandboxFixture.CONSUMER;
import static dev.linkport.sandbox.SandboxFixture.PROVIDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

/** Per-account role settings: the ExternalId the trust policy requires and actions the role may not call. */
class SandboxRoleSettingsTest {

    private SandboxFixture sandbox = new SandboxFixture();

    @AfterEach
    void stop() throws Exception {
        sandbox.close();
    }

    @Test
    void byDefaultTheRoleRequiresTheDemoExternalIdAndAllowsEverything() {
        assertThat(sandbox.control().role(PROVIDER))
                .isEqualTo(new SandboxRole("arn:aws:iam::111111111111:role/LinkportAccess", "demo-111111111111",
                        List.of()));
        assertThat(sandbox.ec2(PROVIDER).describeVpcEndpoints().vpcEndpoints()).isEmpty();
        assertThat(sandbox.elb(PROVIDER).describeLoadBalancers().loadBalancers()).hasSize(2);
    }

    @Test
    void anotherRequiredExternalIdRefusesTheOldOneAndAMissingOneLikeSts() {
        sandbox.control().configureRole(CONSUMER, "linkport-0123abcd", null);
        StsClient sts = sandbox.sts(SandboxFixture.hostCredentials(), "us-east-1");
        String role = "arn:aws:iam::222222222222:role/LinkportAccess";

        for (String externalId : new String[] {"demo-222222222222", null}) {
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(role).externalId(externalId)
                    .roleSessionName("linkport")))
                    .isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::000000000000:root"
                                + " is not authorized to perform: sts:AssumeRole on resource: " + role);
                    });
        }
        assertThat(sts.assumeRole(r -> r.roleArn(role).externalId("linkport-0123abcd").roleSessionName("linkport"))
                .assumedRoleUser().arn()).isEqualTo("arn:aws:sts::222222222222:assumed-role/LinkportAccess/linkport");
    }

    @Test
    void aDeniedActionIsRefusedTheWayEachServiceRefusesItEvenForSessionsAssumedBefore() {
        AwsCredentialsProvider session = sandbox.assume(PROVIDER);
        sandbox.control().configureRole(PROVIDER, null,
                List.of("ec2:DescribeVpcEndpoints", "elasticloadbalancing:DescribeLoadBalancers"));
        String caller = "arn:aws:sts::111111111111:assumed-role/LinkportAccess/linkport-test";

        assertThatThrownBy(() -> sandbox.ec2(session, "us-east-1").describeVpcEndpoints())
                .isInstanceOfSatisfying(Ec2Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnauthorizedOperation");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("You are not authorized to perform "
                            + "this operation. User: " + caller + " is not authorized to perform: "
                            + "ec2:DescribeVpcEndpoints because no identity-based policy allows the "
                            + "ec2:DescribeVpcEndpoints action");
                });
        assertThatThrownBy(() -> sandbox.elb(session, "us-east-1").describeLoadBalancers())
                .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith("User: " + caller
                            + " is not authorized to perform: elasticloadbalancing:DescribeLoadBalancers");
                });
        // other actions, and other accounts, are untouched
        assertThat(sandbox.ec2(session, "us-east-1").describeVpcs().vpcs()).hasSize(1);
        assertThat(sandbox.ec2(CONSUMER).describeVpcEndpoints().vpcEndpoints()).isEmpty();

        sandbox.control().configureRole(PROVIDER, null, List.of());
        assertThat(sandbox.ec2(session, "us-east-1").describeVpcEndpoints().vpcEndpoints()).isEmpty();
    }

    @Test
    void theControlApiBreaksAndMendsARoleAndRefusesNonsense() throws Exception {
        var broken = sandbox.controlApi("POST", "/_sandbox/accounts/111111111111/role",
                "{\"externalId\": \"linkport-feed\", \"deniedActions\": [\"ec2:DescribeVpcs\"]}");
        assertThat(broken.statusCode()).as(broken.body()).isEqualTo(200);
        assertThat(broken.body()).contains("\"externalId\":\"linkport-feed\"")
                .contains("\"deniedActions\":[\"ec2:DescribeVpcs\"]");
        assertThat(sandbox.controlApi("GET", "/_sandbox/accounts/111111111111/role", null).body())
                .contains("linkport-feed");

        assertThat(sandbox.controlApi("POST", "/_sandbox/accounts/111111111111/role",
                "{\"deniedActions\": [\"DescribeVpcs\"]}").statusCode()).isEqualTo(400);
        assertThat(sandbox.controlApi("GET", "/_sandbox/accounts/444444444444/role", null).statusCode())
                .isEqualTo(400);

        var created = sandbox.controlApi("POST", "/_sandbox/accounts",
                "{\"accountId\": \"555555555555\", \"regions\": [\"us-east-1\"], \"externalId\": \"linkport-beef\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        assertThat(sandbox.control().role("555555555555").externalId()).isEqualTo("linkport-beef");
    }

    @Test
    void roleSettingsAreSavedWithTheWorldAndSurviveARestart() throws Exception {
        sandbox.close();
        Path dir = Files.createDirectories(Path.of("target", "sandbox-role-test"));
        Path state = dir.resolve("state-" + UUID.randomUUID() + ".json");
        try (SandboxServer first = SandboxServer.builder().port(0).settings(SandboxSettings.instant())
                .stateFile(state).start()) {
            first.control().configureRole(PROVIDER, "linkport-kept", List.of("ec2:DescribeVpcEndpoints"));
        }
        sandbox = new SandboxFixture(SandboxServer.builder().port(0).settings(SandboxSettings.instant())
                .stateFile(state).start());
        assertThat(sandbox.control().role(PROVIDER)).isEqualTo(new SandboxRole(
                "arn:aws:iam::111111111111:role/LinkportAccess", "linkport-kept", List.of("ec2:DescribeVpcEndpoints")));

        sandbox.control().reset();
        assertThat(sandbox.control().role(PROVIDER).deniedActions()).isEmpty();
    }
}
