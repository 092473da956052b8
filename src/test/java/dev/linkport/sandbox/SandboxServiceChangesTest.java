package dev.linkport.sandbox;

import static dev.linkport.sandbox.SandboxFixture.PROVIDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.ServiceConfiguration;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;

/** What the sandbox does when a live endpoint service changes: its load balancers, and its private DNS state. */
class SandboxServiceChangesTest {

    private final SandboxFixture sandbox = new SandboxFixture();
    private Ec2Client provider;
    private String twoZoneNlb;
    private String threeZoneNlb;

    @BeforeEach
    void world() {
        provider = sandbox.ec2(PROVIDER);
        List<LoadBalancer> lbs = sandbox.elb(PROVIDER).describeLoadBalancers().loadBalancers();
        twoZoneNlb = lbs.get(0).loadBalancerArn();
        threeZoneNlb = lbs.get(1).loadBalancerArn();
    }

    @AfterEach
    void stop() throws Exception {
        sandbox.close();
    }

    @Test
    void aServiceIsOfferedInTheUnionOfItsLoadBalancersZonesAndKeepsAtLeastOne() {
        ServiceConfiguration service = create(twoZoneNlb);
        String zoneC = sandbox.control().createLoadBalancer(PROVIDER, "us-east-1", "zone-c", List.of("c"));

        modify(service, List.of(zoneC), List.of());
        assertThat(describe(service).availabilityZoneIds()).containsExactly("use1-az1", "use1-az2", "use1-az3");
        assertThat(describe(service).networkLoadBalancerArns()).containsExactlyInAnyOrder(twoZoneNlb, zoneC);

        modify(service, List.of(), List.of(twoZoneNlb));
        assertThat(describe(service).availabilityZoneIds()).containsExactly("use1-az3");
        assertThat(describe(service).networkLoadBalancerArns()).containsExactly(zoneC);

        assertThatThrownBy(() -> modify(service, List.of(), List.of(zoneC)))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("InvalidParameter"))
                .hasMessageContaining("at least one load balancer");
    }

    @Test
    void aLoadBalancerThatFrontsAnotherServiceOrDoesNotExistCannotBeAdded() {
        ServiceConfiguration first = create(twoZoneNlb);
        ServiceConfiguration second = create(threeZoneNlb);

        assertThatThrownBy(() -> modify(first, List.of(threeZoneNlb), List.of()))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("InvalidParameter"))
                .hasMessageContaining("already associated").hasMessageContaining(second.serviceId());
        assertThatThrownBy(() -> modify(first, List.of(
                "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/nope/0123456789abcdef"), List.of()))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("InvalidParameter"));
        assertThat(describe(first).networkLoadBalancerArns()).containsExactly(twoZoneNlb);
    }

    @Test
    void theControlApiChangesAPrivateDnsVerificationStateAsAwsWouldReportItAfterARecheck() throws Exception {
        ServiceConfiguration service = provider.createVpcEndpointServiceConfiguration(r -> r
                .networkLoadBalancerArns(twoZoneNlb).privateDnsName("api.ledger.example.com")).serviceConfiguration();
        String path = "/_sandbox/services/" + service.serviceId() + "/private-dns";

        HttpResponse<String> failed = sandbox.controlApi("POST", path, "{\"state\": \"failed\"}");

        assertThat(failed.statusCode()).isEqualTo(200);
        assertThat(failed.body()).contains("\"state\":\"failed\"");
        assertThat(describe(service).privateDnsNameConfiguration().stateAsString()).isEqualTo("failed");
        assertThat(sandbox.controlApi("GET", path, null).body()).contains("failed");
        sandbox.control().privateDnsState(service.serviceId(), "verified");
        assertThat(describe(service).privateDnsNameConfiguration().stateAsString()).isEqualTo("verified");
        assertThat(sandbox.controlApi("POST", path, "{\"state\": \"lost\"}").statusCode()).isEqualTo(400);
        ServiceConfiguration withoutName = create(threeZoneNlb);
        assertThat(sandbox.controlApi("POST", "/_sandbox/services/" + withoutName.serviceId() + "/private-dns",
                "{\"state\": \"failed\"}").statusCode()).isEqualTo(400);
    }

    private ServiceConfiguration create(String nlb) {
        return provider.createVpcEndpointServiceConfiguration(r -> r.networkLoadBalancerArns(nlb)).serviceConfiguration();
    }

    private void modify(ServiceConfiguration service, List<String> add, List<String> remove) {
        provider.modifyVpcEndpointServiceConfiguration(r -> {
            r.serviceId(service.serviceId());
            if (!add.isEmpty()) {
                r.addNetworkLoadBalancerArns(add);
            }
            if (!remove.isEmpty()) {
                r.removeNetworkLoadBalancerArns(remove);
            }
        });
    }

    private ServiceConfiguration describe(ServiceConfiguration service) {
        return provider.describeVpcEndpointServiceConfigurations(r -> r.serviceIds(service.serviceId()))
                .serviceConfigurations().getFirst();
    }

    private static String errorCode(Throwable e) {
        return ((Ec2Exception) e).awsErrorDetails().errorCode();
    }
}
