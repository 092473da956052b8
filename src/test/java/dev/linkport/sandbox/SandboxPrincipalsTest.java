package dev.linkport.sandbox;

import static dev.linkport.sandbox.SandboxFixture.CONSUMER;
import static dev.linkport.sandbox.SandboxFixture.PROVIDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.ServiceConfiguration;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Who the sandbox lets connect to an endpoint service, as AWS decides it: an account root allows every principal of
 * the account, but only in the partition of the region; a role allows only sessions of that role.
 */
class SandboxPrincipalsTest {

    private final SandboxFixture sandbox = new SandboxFixture();

    @AfterEach
    void stop() throws Exception {
        sandbox.close();
    }

    @Test
    void inAGovCloudRegionOnlyTheAccountRootOfTheAwsUsGovPartitionLetsTheConsumerConnect() {
        String region = "us-gov-west-1";
        sandbox.control().createAccount(PROVIDER, null, List.of(region));
        sandbox.control().createAccount(CONSUMER, null, List.of(region));
        String nlb = sandbox.control().createLoadBalancer(PROVIDER, region, "gov-api", List.of("a", "b", "c"));
        Ec2Client provider = sandbox.ec2(assume("aws-us-gov", PROVIDER, "LinkportAccess"), region);
        Ec2Client consumer = sandbox.ec2(assume("aws-us-gov", CONSUMER, "LinkportAccess"), region);
        ServiceConfiguration service = provider.createVpcEndpointServiceConfiguration(r -> r
                .networkLoadBalancerArns(nlb).acceptanceRequired(false)).serviceConfiguration();

        allow(provider, service, "arn:aws:iam::" + CONSUMER + ":root");
        assertThatThrownBy(() -> createEndpoint(consumer, service))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("InvalidServiceName"));

        allow(provider, service, "arn:aws-us-gov:iam::" + CONSUMER + ":root");
        assertThat(createEndpoint(consumer, service)).startsWith("vpce-");
        assertThat(provider.describeVpcEndpointServicePermissions(r -> r.serviceId(service.serviceId()))
                .allowedPrincipals()).anySatisfy(p -> {
                    assertThat(p.principal()).isEqualTo("arn:aws-us-gov:iam::" + CONSUMER + ":root");
                    assertThat(p.principalTypeAsString()).isEqualTo("Account");
                });
    }

    @Test
    void aRolePrincipalLetsOnlySessionsOfThatRoleCreateEndpoints() {
        String appRole = sandbox.control().createRole(CONSUMER, "teams/checkout-app");
        Ec2Client provider = sandbox.ec2(PROVIDER);
        Ec2Client asLinkportRole = sandbox.ec2(CONSUMER);
        Ec2Client asAppRole = sandbox.ec2(assume("aws", CONSUMER, "teams/checkout-app"), "us-east-1");
        String nlb = sandbox.elb(PROVIDER).describeLoadBalancers().loadBalancers().get(1).loadBalancerArn();
        ServiceConfiguration service = provider.createVpcEndpointServiceConfiguration(r -> r
                .networkLoadBalancerArns(nlb).acceptanceRequired(false)).serviceConfiguration();

        allow(provider, service, appRole);

        assertThat(provider.describeVpcEndpointServicePermissions(r -> r.serviceId(service.serviceId()))
                .allowedPrincipals()).singleElement()
                .satisfies(p -> assertThat(p.principalTypeAsString()).isEqualTo("Role"));
        assertThatThrownBy(() -> createEndpoint(asLinkportRole, service))
                .as("another role of the same account is not allowed")
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("InvalidServiceName"));
        assertThat(createEndpoint(asAppRole, service)).startsWith("vpce-");
    }

    @Test
    void aRoleTheAccountDoesNotHaveCannotBeAssumed() {
        assertThatThrownBy(() -> assume("aws", CONSUMER, "nobody-made-me"))
                .hasMessageContaining("is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::"
                        + CONSUMER + ":role/nobody-made-me");
    }

    private AwsCredentialsProvider assume(String partition, String account, String role) {
        Credentials c = sandbox.sts(SandboxFixture.hostCredentials(), "us-east-1").assumeRole(r -> r
                .roleArn("arn:" + partition + ":iam::" + account + ":role/" + role).externalId("demo-" + account)
                .roleSessionName("linkport-test")).credentials();
        return StaticCredentialsProvider.create(
                AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
    }

    private static void allow(Ec2Client provider, ServiceConfiguration service, String principal) {
        provider.modifyVpcEndpointServicePermissions(r -> r.serviceId(service.serviceId())
                .addAllowedPrincipals(principal));
    }

    /** An endpoint in one subnet of the consumer's first VPC; every zone is covered by the three-zone NLBs used. */
    private static String createEndpoint(Ec2Client consumer, ServiceConfiguration service) {
        String vpc = consumer.describeVpcs().vpcs().getFirst().vpcId();
        Subnet subnet = consumer.describeSubnets().subnets().stream()
                .filter(s -> s.vpcId().equals(vpc) && service.availabilityZoneIds().contains(s.availabilityZoneId()))
                .findFirst().orElseThrow();
        return consumer.createVpcEndpoint(r -> r.vpcEndpointType("Interface").vpcId(vpc)
                .serviceName(service.serviceName()).subnetIds(subnet.subnetId())).vpcEndpoint().vpcEndpointId();
    }

    private static String errorCode(Throwable e) {
        return ((Ec2Exception) e).awsErrorDetails().errorCode();
    }
}
