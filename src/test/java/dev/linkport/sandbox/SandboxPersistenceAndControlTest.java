package dev.linkport.sandbox;

import static dev.linkport.sandbox.SandboxFixture.CONSUMER;
import static dev.linkport.sandbox.SandboxFixture.PROVIDER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ServiceConfiguration;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

class SandboxPersistenceAndControlTest {

    @TempDir
    Path dir;

    @Test
    void theWorldSurvivesARestartWithTheSameStateFile() throws Exception {
        Path stateFile = dir.resolve("state/sandbox.json");
        String serviceId;
        String endpointId;
        try (SandboxFixture first = new SandboxFixture(SandboxSettings.instant(), stateFile)) {
            Ec2Client provider = first.ec2(PROVIDER);
            String nlb = first.elb(PROVIDER).describeLoadBalancers().loadBalancers().get(1).loadBalancerArn();
            ServiceConfiguration service = provider.createVpcEndpointServiceConfiguration(r -> r
                    .networkLoadBalancerArns(nlb).privateDnsName("ledger.example.com")).serviceConfiguration();
            serviceId = service.serviceId();
            provider.modifyVpcEndpointServicePermissions(r -> r.serviceId(serviceId)
                    .addAllowedPrincipals("arn:aws:iam::222222222222:root"));
            Ec2Client consumer = first.ec2(CONSUMER);
            String vpc = consumer.describeVpcs().vpcs().get(0).vpcId();
            endpointId = consumer.createVpcEndpoint(r -> r.vpcEndpointType("Interface").vpcId(vpc)
                    .serviceName(service.serviceName())).vpcEndpoint().vpcEndpointId();
            first.control().publishTxtRecord("_check.example.com", "vpce:check");
        }
        assertThat(stateFile).exists();

        try (SandboxFixture second = new SandboxFixture(SandboxSettings.instant(), stateFile)) {
            ServiceConfiguration service = second.ec2(PROVIDER).describeVpcEndpointServiceConfigurations()
                    .serviceConfigurations().get(0);
            assertThat(service.serviceId()).isEqualTo(serviceId);
            assertThat(service.privateDnsName()).isEqualTo("ledger.example.com");
            assertThat(second.ec2(PROVIDER).describeVpcEndpointServicePermissions(r -> r.serviceId(serviceId))
                    .allowedPrincipals()).hasSize(1);
            List<VpcEndpoint> endpoints = second.ec2(CONSUMER).describeVpcEndpoints().vpcEndpoints();
            assertThat(endpoints).extracting(VpcEndpoint::vpcEndpointId).containsExactly(endpointId);
            assertThat(endpoints.get(0).stateAsString()).isEqualTo("pendingAcceptance");
            assertThat(second.control().txtRecords()).containsEntry("_check.example.com", "vpce:check");
        }
    }

    @Test
    void credentialsIssuedBeforeARestartStillActInTheirAccount() throws Exception {
        Path stateFile = dir.resolve("sandbox.json");
        AwsCredentialsProvider credentials;
        try (SandboxFixture first = new SandboxFixture(SandboxSettings.instant(), stateFile)) {
            credentials = first.assume(CONSUMER);
        }
        try (SandboxFixture second = new SandboxFixture(SandboxSettings.instant(), stateFile)) {
            assertThat(second.sts(credentials, "us-east-1").getCallerIdentity().account()).isEqualTo(CONSUMER);
        }
    }

    @Test
    void anUnreadableStateFileFallsBackToTheSeed() throws Exception {
        Path stateFile = dir.resolve("sandbox.json");
        Files.writeString(stateFile, "{ not json");
        try (SandboxFixture sandbox = new SandboxFixture(SandboxSettings.instant(), stateFile)) {
            assertThat(sandbox.ec2(PROVIDER).describeVpcs().vpcs()).hasSize(1);
        }
        assertThat(dir.resolve("sandbox.json.unreadable")).hasContent("{ not json");
    }

    @Test
    void resetThroughTheControlApiRestoresTheSeededWorld() throws Exception {
        try (SandboxFixture sandbox = new SandboxFixture()) {
            Ec2Client provider = sandbox.ec2(PROVIDER);
            String nlb = sandbox.elb(PROVIDER).describeLoadBalancers().loadBalancers().get(0).loadBalancerArn();
            provider.createVpcEndpointServiceConfiguration(r -> r.networkLoadBalancerArns(nlb));
            String vpcId = provider.describeVpcs().vpcs().get(0).vpcId();

            assertThat(sandbox.controlApi("POST", "/_sandbox/reset", null).statusCode()).isEqualTo(200);

            Ec2Client fresh = sandbox.ec2(PROVIDER);
            assertThat(fresh.describeVpcEndpointServiceConfigurations().serviceConfigurations()).isEmpty();
            assertThat(fresh.describeVpcs().vpcs().get(0).vpcId()).isEqualTo(vpcId);
        }
    }

    @Test
    void theControlApiSetsDelaysAddsAccountsAndLoadBalancersAndListsTxtRecords() throws Exception {
        try (SandboxFixture sandbox = new SandboxFixture()) {
            var settings = sandbox.controlApi("POST", "/_sandbox/settings", "{\"pendingToAvailableMillis\":1500}");
            assertThat(settings.body()).contains("\"pendingToAvailableMillis\":1500");
            assertThat(sandbox.control().settings().pendingToAvailable().toMillis()).isEqualTo(1500);

            assertThat(sandbox.controlApi("POST", "/_sandbox/accounts",
                    "{\"accountId\":\"444444444444\",\"name\":\"search\",\"regions\":[\"us-east-1\",\"us-west-2\"]}")
                    .statusCode()).isEqualTo(200);
            var lb = sandbox.controlApi("POST", "/_sandbox/load-balancers",
                    "{\"accountId\":\"444444444444\",\"region\":\"us-west-2\",\"name\":\"search-api\",\"zones\":[\"a\",\"c\"]}");
            assertThat(lb.body()).contains("arn:aws:elasticloadbalancing:us-west-2:444444444444:loadbalancer/net/search-api/");
            var newAccount = sandbox.elb(sandbox.assume("444444444444"), "us-west-2");
            assertThat(newAccount.describeLoadBalancers().loadBalancers()).singleElement()
                    .satisfies(l -> assertThat(l.availabilityZones()).extracting(z -> z.zoneName())
                            .containsExactly("us-west-2a", "us-west-2c"));

            sandbox.controlApi("POST", "/_sandbox/dns/txt", "{\"name\":\"_x.example.com.\",\"value\":\"\\\"vpce:y\\\"\"}");
            assertThat(sandbox.controlApi("GET", "/_sandbox/dns/txt", null).body())
                    .isEqualTo("[{\"name\":\"_x.example.com\",\"value\":\"vpce:y\"}]");
            assertThat(sandbox.controlApi("GET", "/_sandbox/nope", null).statusCode()).isEqualTo(404);
            assertThat(sandbox.controlApi("POST", "/_sandbox/dns/txt", "{\"name\":\"\"}").statusCode()).isEqualTo(400);
        }
    }
}
