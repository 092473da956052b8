package dev.linkport.sandbox;

import static dev.linkport.sandbox.SandboxFixture.OTHER;
import static dev.linkport.sandbox.SandboxFixture.PROVIDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

/**
 * Target groups as the real ELBv2 client reads them: target type per group, a load balancer's groups by its ARN,
 * and each target's zone, which is {@code all} for IP addresses outside the VPC (the on-premises pattern).
 */
class SandboxTargetGroupsTest {

    private final SandboxFixture sandbox = new SandboxFixture();

    @AfterEach
    void close() throws Exception {
        sandbox.close();
    }

    @Test
    void eachSeededLoadBalancerHasATargetGroupOfItsTargetType() {
        ElasticLoadBalancingV2Client elb = sandbox.elb(PROVIDER);
        String api = arnOf(elb, "payments-api");
        String ledger = arnOf(elb, "payments-ledger");

        List<TargetGroup> all = elb.describeTargetGroups().targetGroups();
        assertThat(all).extracting(TargetGroup::targetGroupName, TargetGroup::targetTypeAsString,
                        TargetGroup::protocolAsString)
                .containsExactly(tuple("payments-api-instances", "instance", "TCP"),
                        tuple("payments-ledger-pods", "ip", "TCP"));
        assertThat(elb.describeTargetGroups(r -> r.loadBalancerArn(ledger)).targetGroups())
                .singleElement().satisfies(g -> {
                    assertThat(g.loadBalancerArns()).containsExactly(ledger);
                    assertThat(g.targetGroupArn()).matches("arn:aws:elasticloadbalancing:us-east-1:111111111111:"
                            + "targetgroup/payments-ledger-pods/[0-9a-f]{16}");
                    assertThat(g.port()).isEqualTo(9443);
                });
        List<TargetHealthDescription> instances = elb.describeTargetHealth(r -> r.targetGroupArn(
                elb.describeTargetGroups(q -> q.loadBalancerArn(api)).targetGroups().getFirst().targetGroupArn()))
                .targetHealthDescriptions();
        assertThat(instances).extracting(d -> d.target().availabilityZone())
                .containsExactly("us-east-1a", "us-east-1b");
        assertThat(instances).allSatisfy(d -> {
            assertThat(d.target().id()).matches("i-0[0-9a-f]{16}");
            assertThat(d.targetHealth().stateAsString()).isEqualTo("healthy");
        });
    }

    @Test
    void ipTargetsInTheVpcAreInTheirSubnetsZoneAndThoseOnPremisesInZoneAll() {
        ElasticLoadBalancingV2Client payments = sandbox.elb(PROVIDER);
        String ledgerGroup = payments.describeTargetGroups(r -> r.names("payments-ledger-pods")).targetGroups()
                .getFirst().targetGroupArn();
        assertThat(payments.describeTargetHealth(r -> r.targetGroupArn(ledgerGroup)).targetHealthDescriptions())
                .extracting(d -> d.target().availabilityZone())
                .containsExactly("us-east-1a", "us-east-1b", "us-east-1c");

        ElasticLoadBalancingV2Client analytics = sandbox.elb(OTHER);
        String warehouse = arnOf(analytics, "warehouse-onprem");
        TargetGroup dc = analytics.describeTargetGroups(r -> r.loadBalancerArn(warehouse)).targetGroups().getFirst();
        assertThat(dc.targetTypeAsString()).isEqualTo("ip");
        assertThat(analytics.describeTargetHealth(r -> r.targetGroupArn(dc.targetGroupArn())).targetHealthDescriptions())
                .extracting(d -> d.target().id(), d -> d.target().port(), d -> d.target().availabilityZone())
                .containsExactly(tuple("10.200.10.21", 5433, "all"), tuple("10.200.10.22", 5433, "all"));
    }

    @Test
    void aTargetGroupAddedThroughTheControlShowsItsTypeAndRefusesPublicAddresses() {
        String nlb = sandbox.control().createLoadBalancer(PROVIDER, "us-east-1", "mainframe", List.of("a", "b"));
        String group = sandbox.control().createTargetGroup(nlb, "mainframe-dc", "ip", 443,
                List.of("192.168.40.7", "100.64.1.9"));
        String alb = sandbox.control().createTargetGroup(nlb, "mainframe-alb", "alb", 443, List.of(
                "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/front/0123456789abcdef"));

        ElasticLoadBalancingV2Client elb = sandbox.elb(PROVIDER);
        assertThat(elb.describeTargetGroups(r -> r.loadBalancerArn(nlb)).targetGroups())
                .extracting(TargetGroup::targetGroupArn, TargetGroup::targetTypeAsString)
                .containsExactly(tuple(group, "ip"), tuple(alb, "alb"));
        assertThat(elb.describeTargetHealth(r -> r.targetGroupArn(group)).targetHealthDescriptions())
                .extracting(TargetHealthDescription::target).extracting(TargetDescription::availabilityZone)
                .containsOnly("all");
        assertThatThrownBy(() -> sandbox.control().createTargetGroup(nlb, "public", "ip", 443, List.of("8.8.8.8")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not private");
        assertThatThrownBy(() -> sandbox.control().createTargetGroup(nlb, "lambda", "lambda", 443, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownLoadBalancersAndTargetGroupsAreRefusedAsAwsRefusesThem() {
        ElasticLoadBalancingV2Client elb = sandbox.elb(PROVIDER);
        String foreign = arnOf(sandbox.elb(OTHER), "warehouse-onprem");
        assertThatThrownBy(() -> elb.describeTargetGroups(r -> r.loadBalancerArn(foreign)))
                .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("LoadBalancerNotFound"));
        assertThatThrownBy(() -> elb.describeTargetGroups(r -> r.names("nope")))
                .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TargetGroupNotFound"));
        String theirs = sandbox.elb(OTHER).describeTargetGroups().targetGroups().getFirst().targetGroupArn();
        assertThatThrownBy(() -> elb.describeTargetHealth(r -> r.targetGroupArn(theirs)))
                .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TargetGroupNotFound"));
    }

    private static String arnOf(ElasticLoadBalancingV2Client elb, String name) {
        return elb.describeLoadBalancers(r -> r.names(name)).loadBalancers().getFirst().loadBalancerArn();
    }
}
