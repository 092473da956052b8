package dev.linkport.sandbox;

import static dev.linkport.sandbox.SandboxFixture.CONSUMER;
import static dev.linkport.sandbox.SandboxFixture.PROVIDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateVpcEndpointRequest;
import software.amazon.awssdk.services.ec2.model.DnsEntry;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.ServiceConfiguration;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;

/** IPv6 in the sandbox as AWS has it: dual-stack VPCs and NLBs, service IP types, endpoint IP and DNS record types. */
class SandboxIpv6Test {

    private final SandboxFixture sandbox = new SandboxFixture();
    private Ec2Client provider;
    private Ec2Client consumer;
    private String dualStackNlb;

    @BeforeEach
    void world() {
        provider = sandbox.ec2(PROVIDER);
        consumer = sandbox.ec2(CONSUMER);
        dualStackNlb = sandbox.elb(PROVIDER).describeLoadBalancers().loadBalancers().get(0).loadBalancerArn();
    }

    @AfterEach
    void stop() throws Exception {
        sandbox.close();
    }

    @Test
    void theDemoVpcsInUsEast1AreDualStackWhileSubnetsAddedLaterStayIpv4Only() {
        Vpc vpc = consumer.describeVpcs().vpcs().get(0);
        String vpcRange = vpc.ipv6CidrBlockAssociationSet().get(0).ipv6CidrBlock();
        assertThat(vpcRange).matches("2600:1f18:[0-9a-f]{4}:[0-9a-f]{2}00::/56");
        assertThat(consumer.describeSubnets().subnets()).hasSize(3).allSatisfy(s -> {
            assertThat(s.cidrBlock()).isNotNull();
            assertThat(s.ipv6CidrBlockAssociationSet()).singleElement().satisfies(a -> {
                assertThat(a.ipv6CidrBlock()).startsWith(vpcRange.substring(0, vpcRange.indexOf("00::/56"))).endsWith("::/64");
                assertThat(a.ipv6CidrBlockState().stateAsString()).isEqualTo("associated");
            });
        });
        assertThat(sandbox.elb(PROVIDER).describeLoadBalancers().loadBalancers())
                .extracting(LoadBalancer::ipAddressTypeAsString).containsOnly("dualstack");

        String added = sandbox.control().addSubnet(CONSUMER, "us-east-1", "us-east-1a");
        Subnet ipv4Only = consumer.describeSubnets(r -> r.subnetIds(added)).subnets().get(0);
        assertThat(ipv4Only.ipv6CidrBlockAssociationSet()).isEmpty();
    }

    @Test
    void aServiceSupportsIpv6OnlyWhenEveryLoadBalancerIsDualStack() {
        String ipv4Nlb = sandbox.control().createLoadBalancer(PROVIDER, "us-east-1", "v4-only", List.of("a", "b"),
                "ipv4");
        assertThat(sandbox.elb(PROVIDER).describeLoadBalancers(r -> r.loadBalancerArns(ipv4Nlb)).loadBalancers()
                .get(0).ipAddressTypeAsString()).isEqualTo("ipv4");

        assertThatThrownBy(() -> provider.createVpcEndpointServiceConfiguration(r -> r.networkLoadBalancerArns(ipv4Nlb)
                .supportedIpAddressTypes("ipv4", "ipv6")))
                .isInstanceOfSatisfying(Ec2Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameter");
                    assertThat(e.awsErrorDetails().errorMessage()).contains(ipv4Nlb, "dualstack");
                });
        ServiceConfiguration v4 = provider.createVpcEndpointServiceConfiguration(r -> r.networkLoadBalancerArns(ipv4Nlb))
                .serviceConfiguration();
        assertThat(v4.supportedIpAddressTypesAsStrings()).containsExactly("ipv4");
        assertThatThrownBy(() -> provider.modifyVpcEndpointServiceConfiguration(r -> r.serviceId(v4.serviceId())
                .addSupportedIpAddressTypes("ipv6"))).isInstanceOf(Ec2Exception.class);

        ServiceConfiguration both = provider.createVpcEndpointServiceConfiguration(r -> r
                .networkLoadBalancerArns(dualStackNlb).supportedIpAddressTypes("ipv4", "ipv6")).serviceConfiguration();
        assertThat(both.supportedIpAddressTypesAsStrings()).containsExactly("ipv4", "ipv6");
    }

    @Test
    void aDualStackEndpointNeedsAServiceWithBothTypesAndSubnetsWithBothRanges() {
        ServiceConfiguration both = service("ipv4", "ipv6");
        ServiceConfiguration v4 = service("ipv4");
        List<String> dualStackSubnets = consumer.describeSubnets().subnets().stream()
                .filter(s -> both.availabilityZoneIds().contains(s.availabilityZoneId())).map(Subnet::subnetId).toList();

        VpcEndpoint endpoint = endpoint(both, dualStackSubnets, r -> r.ipAddressType("dualstack")
                .dnsOptions(o -> o.dnsRecordIpType("service-defined")));
        VpcEndpoint described = consumer.describeVpcEndpoints(r -> r.vpcEndpointIds(endpoint.vpcEndpointId()))
                .vpcEndpoints().get(0);
        assertThat(described.ipAddressTypeAsString()).isEqualTo("dualstack");
        assertThat(described.dnsOptions().dnsRecordIpTypeAsString()).isEqualTo("service-defined");
        assertThat(described.dnsEntries()).extracting(DnsEntry::dnsName).first().asString()
                .startsWith(endpoint.vpcEndpointId() + "-");
        assertThat(consumer.describeVpcEndpoints(r -> r.filters(f -> f.name("ip-address-type").values("dualstack")))
                .vpcEndpoints()).extracting(VpcEndpoint::vpcEndpointId).containsExactly(endpoint.vpcEndpointId());
        VpcEndpoint plain = endpoint(both, dualStackSubnets, r -> { });
        assertThat(plain.ipAddressTypeAsString()).isEqualTo("ipv4");
        assertThat(plain.dnsOptions().dnsRecordIpTypeAsString()).isEqualTo("ipv4");

        String ipv4Only = sandbox.control().addSubnet(CONSUMER, "us-east-1", "us-east-1a");
        assertRefused(() -> endpoint(both, List.of(ipv4Only), r -> r.ipAddressType("dualstack")), ipv4Only);
        assertRefused(() -> endpoint(both, List.of(ipv4Only), r -> r.ipAddressType("ipv6")), ipv4Only);
        assertRefused(() -> endpoint(both, dualStackSubnets, r -> r.ipAddressType("ipv6")), dualStackSubnets.get(0));
        assertRefused(() -> endpoint(v4, dualStackSubnets, r -> r.ipAddressType("dualstack")), "dualstack");
        assertRefused(() -> endpoint(both, dualStackSubnets, r -> r.ipAddressType("ipv4")
                .dnsOptions(o -> o.dnsRecordIpType("ipv6"))), "DnsRecordIpType");
    }

    private ServiceConfiguration service(String... ipTypes) {
        ServiceConfiguration s = provider.createVpcEndpointServiceConfiguration(r -> r.networkLoadBalancerArns(dualStackNlb)
                .acceptanceRequired(false).supportedIpAddressTypes(ipTypes)).serviceConfiguration();
        provider.modifyVpcEndpointServicePermissions(r -> r.serviceId(s.serviceId())
                .addAllowedPrincipals("arn:aws:iam::" + CONSUMER + ":root"));
        return s;
    }

    private VpcEndpoint endpoint(ServiceConfiguration service, List<String> subnets,
                                 Consumer<CreateVpcEndpointRequest.Builder> more) {
        String vpc = consumer.describeVpcs().vpcs().get(0).vpcId();
        return consumer.createVpcEndpoint(r -> {
            r.vpcEndpointType("Interface").vpcId(vpc).serviceName(service.serviceName()).subnetIds(subnets);
            more.accept(r);
        }).vpcEndpoint();
    }

    private static void assertRefused(Runnable call, String named) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(Ec2Exception.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameter");
            assertThat(e.awsErrorDetails().errorMessage()).contains(named);
        });
    }
}
