package dev.linkport.sandbox;

import static dev.linkport.sandbox.SandboxFixture.CONSUMER;
import static dev.linkport.sandbox.SandboxFixture.OTHER;
import static dev.linkport.sandbox.SandboxFixture.PROVIDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.ServiceConfiguration;

class SandboxThrottlingAndFaultsTest {

    private final SandboxFixture sandbox = new SandboxFixture(SandboxSettings.instant().throttling(true), null);

    @AfterEach
    void stop() throws Exception {
        sandbox.close();
    }

    private ServiceConfiguration openService() {
        Ec2Client provider = sandbox.ec2(PROVIDER);
        String nlb = sandbox.elb(PROVIDER).describeLoadBalancers().loadBalancers().get(1).loadBalancerArn();
        ServiceConfiguration service = provider.createVpcEndpointServiceConfiguration(r -> r
                .networkLoadBalancerArns(nlb).acceptanceRequired(false)).serviceConfiguration();
        provider.modifyVpcEndpointServicePermissions(r -> r.serviceId(service.serviceId()).addAllowedPrincipals("*"));
        return service;
    }

    private static void createEndpoint(Ec2Client ec2, ServiceConfiguration service) {
        String vpc = ec2.describeVpcs().vpcs().get(0).vpcId();
        ec2.createVpcEndpoint(r -> r.vpcEndpointType("Interface").vpcId(vpc).serviceName(service.serviceName()));
    }

    @Test
    void aBurstOfCreateVpcEndpointInOneAccountIsThrottledAfterFourAndRefillsAtAwsRate() {
        ServiceConfiguration service = openService();
        Ec2Client consumer = sandbox.ec2(CONSUMER);
        for (int i = 0; i < 4; i++) {
            createEndpoint(consumer, service);
        }

        assertThatThrownBy(() -> createEndpoint(consumer, service)).isInstanceOfSatisfying(Ec2Exception.class, e -> {
            assertThat(e.isThrottlingException()).isTrue();
            assertThat(e.statusCode()).isEqualTo(503);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("RequestLimitExceeded");
        });
        createEndpoint(sandbox.ec2(OTHER), service);

        sandbox.clock.advance(Duration.ofMillis(3334));
        createEndpoint(consumer, service);
        assertThat(consumer.describeVpcEndpoints().vpcEndpoints()).hasSize(5);
    }

    @Test
    void throttlingCanBeSwitchedOffThroughTheControlApi() throws Exception {
        ServiceConfiguration service = openService();
        Ec2Client consumer = sandbox.ec2(CONSUMER);
        assertThat(sandbox.controlApi("POST", "/_sandbox/throttling", "{\"enabled\":false}").body())
                .contains("\"throttling\":false");

        for (int i = 0; i < 8; i++) {
            createEndpoint(consumer, service);
        }
        assertThat(consumer.describeVpcEndpoints().vpcEndpoints()).hasSize(8);
    }

    @Test
    void anInjectedFaultAnswersTheActionWithTheErrorForAsManyTimesAsAsked() throws Exception {
        var injected = sandbox.controlApi("POST", "/_sandbox/faults",
                "{\"action\":\"DescribeVpcs\",\"errorCode\":\"InternalError\",\"httpStatus\":500,\"times\":1}");
        assertThat(injected.statusCode()).isEqualTo(200);
        Ec2Client ec2 = sandbox.ec2(PROVIDER);

        assertThatThrownBy(ec2::describeVpcs).isInstanceOfSatisfying(Ec2Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(500);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalError");
        });
        assertThat(ec2.describeVpcs().vpcs()).hasSize(1);
    }

    @Test
    void aFaultForOneAccountLeavesOtherAccountsAloneUntilCleared() throws Exception {
        sandbox.control().injectFault(new SandboxFault("DescribeSubnets", CONSUMER, "UnauthorizedOperation", 403,
                1.0, Duration.ZERO, 0));
        Ec2Client consumer = sandbox.ec2(CONSUMER);

        assertThatThrownBy(consumer::describeSubnets).isInstanceOfSatisfying(Ec2Exception.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnauthorizedOperation"));
        assertThat(sandbox.ec2(PROVIDER).describeSubnets().subnets()).hasSize(3);
        assertThat(sandbox.controlApi("GET", "/_sandbox/faults", null).body()).contains("UnauthorizedOperation");

        assertThat(sandbox.controlApi("DELETE", "/_sandbox/faults", null).statusCode()).isEqualTo(200);
        assertThat(consumer.describeSubnets().subnets()).hasSize(3);
    }

    @Test
    void anInjectedLatencyWithoutAnErrorDelaysTheAnswer() throws Exception {
        sandbox.controlApi("POST", "/_sandbox/faults", "{\"action\":\"DescribeVpcs\",\"latencyMillis\":300}");
        Ec2Client ec2 = sandbox.ec2(PROVIDER);

        long start = System.nanoTime();
        assertThat(ec2.describeVpcs().vpcs()).hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void anInjectedRequestLimitExceededLooksLikeAwsThrottling() {
        sandbox.control().injectFault(SandboxFault.error("AcceptVpcEndpointConnections", "RequestLimitExceeded", 0));
        ServiceConfiguration service = openService();

        assertThatThrownBy(() -> sandbox.ec2(PROVIDER).acceptVpcEndpointConnections(r -> r
                .serviceId(service.serviceId()).vpcEndpointIds("vpce-0123456789abcdef0")))
                .isInstanceOfSatisfying(Ec2Exception.class, e -> {
                    assertThat(e.isThrottlingException()).isTrue();
                    assertThat(e.statusCode()).isEqualTo(503);
                });
    }

    @Test
    void theSandboxCountsRequestsThrottledAnswersAndInjectedFaultsUntilReset() throws Exception {
        ServiceConfiguration service = openService();
        Ec2Client consumer = sandbox.ec2(CONSUMER);
        for (int i = 0; i < 5; i++) {
            try {
                createEndpoint(consumer, service);
            } catch (Ec2Exception throttled) {
                assertThat(throttled.awsErrorDetails().errorCode()).isEqualTo("RequestLimitExceeded");
            }
        }
        sandbox.control().injectFault(new SandboxFault("DescribeSubnets", null, "InternalError", 500, 1.0,
                Duration.ZERO, 1));
        assertThatThrownBy(consumer::describeSubnets).isInstanceOf(Ec2Exception.class);

        SandboxStats stats = sandbox.control().stats();
        assertThat(stats.requests("CreateVpcEndpoint")).isEqualTo(5);
        assertThat(stats.requests("DescribeSubnets")).isEqualTo(1);
        assertThat(stats.throttled()).isEqualTo(1);
        assertThat(stats.faultsInjected()).isEqualTo(1);
        assertThat(sandbox.controlApi("GET", "/_sandbox/stats", null).body())
                .contains("\"CreateVpcEndpoint\":5", "\"throttled\":1", "\"faultsInjected\":1");

        sandbox.control().reset();
        assertThat(sandbox.control().stats()).isEqualTo(new SandboxStats(java.util.Map.of(), 0, 0));
    }
}
