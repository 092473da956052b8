package dev.linkport.sandbox;

import static dev.linkport.sandbox.SandboxFixture.CONSUMER;
import static dev.linkport.sandbox.SandboxFixture.OTHER;
import static dev.linkport.sandbox.SandboxFixture.PROVIDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.StsException;

class SandboxAccountsAndNetworksTest {

    private final SandboxFixture sandbox = new SandboxFixture();

    @AfterEach
    void stop() throws Exception {
        sandbox.close();
    }

    @Test
    void assumeRoleWithTheRightExternalIdGivesCredentialsThatActInTheTargetAccount() {
        StsClient sts = sandbox.sts(SandboxFixture.hostCredentials(), "us-east-1");
        AssumeRoleResponse response = sts.assumeRole(r -> r.roleArn("arn:aws:iam::111111111111:role/LinkportAccess")
                .externalId("demo-111111111111").roleSessionName("linkport").durationSeconds(900));

        assertThat(response.credentials().accessKeyId()).startsWith("ASIA").hasSize(20);
        assertThat(response.credentials().sessionToken()).isNotBlank();
        assertThat(response.credentials().expiration()).isEqualTo(sandbox.clock.instant().plusSeconds(900));
        assertThat(response.assumedRoleUser().arn())
                .isEqualTo("arn:aws:sts::111111111111:assumed-role/LinkportAccess/linkport");

        var identity = sandbox.sts(sandbox.assume(PROVIDER), "us-east-1").getCallerIdentity();
        assertThat(identity.account()).isEqualTo(PROVIDER);
        assertThat(identity.arn()).isEqualTo("arn:aws:sts::111111111111:assumed-role/LinkportAccess/linkport-test");
        assertThat(sts.getCallerIdentity().account()).isEqualTo("000000000000");
    }

    @Test
    void assumeRoleWithAWrongExternalIdOrAnUnknownRoleIsAccessDenied() {
        StsClient sts = sandbox.sts(SandboxFixture.hostCredentials(), "us-east-1");

        assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::111111111111:role/LinkportAccess")
                .externalId("demo-222222222222").roleSessionName("linkport")))
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("is not authorized to perform: sts:AssumeRole");
                });
        assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::444444444444:role/LinkportAccess")
                .externalId("demo-444444444444").roleSessionName("linkport")))
                .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
    }

    @Test
    void assumedCredentialsExpireOnTheSandboxClock() {
        AwsCredentialsProvider credentials = sandbox.assume(PROVIDER);
        Ec2Client ec2 = sandbox.ec2(credentials, "us-east-1");
        assertThat(ec2.describeVpcs().vpcs()).hasSize(1);

        sandbox.clock.advance(Duration.ofHours(1));

        assertThatThrownBy(ec2::describeVpcs).isInstanceOfSatisfying(Ec2Exception.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken"));
    }

    @Test
    void availabilityZoneNamesMapToDifferentZoneIdsPerAccount() {
        Map<String, String> provider = zoneIds(sandbox.ec2(PROVIDER));
        Map<String, String> consumer = zoneIds(sandbox.ec2(CONSUMER));

        assertThat(provider).containsEntry("us-east-1a", "use1-az1").containsEntry("us-east-1b", "use1-az2");
        assertThat(consumer).containsEntry("us-east-1a", "use1-az4").containsEntry("us-east-1b", "use1-az1");
        assertThat(zoneIds(sandbox.ec2(OTHER))).isNotEqualTo(provider).isNotEqualTo(consumer);
        assertThat(sandbox.ec2(CONSUMER).describeAvailabilityZones(r -> r.zoneIds("use1-az1"))
                .availabilityZones()).extracting(AvailabilityZone::zoneName).containsExactly("us-east-1b");
        assertThat(zoneIds(sandbox.ec2(CONSUMER, "eu-west-1"))).containsEntry("eu-west-1a", "euw1-az2").hasSize(3);
    }

    private static Map<String, String> zoneIds(Ec2Client ec2) {
        return ec2.describeAvailabilityZones().availabilityZones().stream()
                .collect(Collectors.toMap(AvailabilityZone::zoneName, AvailabilityZone::zoneId));
    }

    @Test
    void eachAccountSeesOnlyItsOwnVpcWithThreeSubnetsInThreeZonesAndItsSecurityGroups() {
        Ec2Client ec2 = sandbox.ec2(CONSUMER);
        DescribeVpcsResponse vpcs = ec2.describeVpcs();
        assertThat(vpcs.vpcs()).hasSize(1);
        String vpcId = vpcs.vpcs().get(0).vpcId();
        assertThat(vpcId).matches("vpc-[0-9a-f]{17}");
        assertThat(vpcs.vpcs().get(0).ownerId()).isEqualTo(CONSUMER);

        DescribeSubnetsResponse subnets = ec2.describeSubnets(r -> r.filters(Filter.builder().name("vpc-id")
                .values(vpcId).build()));
        assertThat(subnets.subnets()).extracting(Subnet::availabilityZone)
                .containsExactly("us-east-1a", "us-east-1b", "us-east-1c");
        assertThat(subnets.subnets()).extracting(Subnet::availabilityZoneId)
                .containsExactly("use1-az4", "use1-az1", "use1-az2");
        assertThat(subnets.subnets()).allSatisfy(s -> assertThat(s.subnetId()).matches("subnet-[0-9a-f]{17}"));

        var groups = ec2.describeSecurityGroups(r -> r.filters(Filter.builder().name("vpc-id").values(vpcId).build()));
        assertThat(groups.securityGroups()).extracting(g -> g.groupName()).containsExactly("default", "checkout-endpoints");
        assertThat(groups.securityGroups()).allSatisfy(g -> assertThat(g.groupId()).matches("sg-[0-9a-f]{17}"));

        assertThat(sandbox.ec2(PROVIDER).describeVpcs().vpcs().get(0).vpcId()).isNotEqualTo(vpcId);
        assertThatThrownBy(() -> sandbox.ec2(PROVIDER).describeVpcs(r -> r.vpcIds(vpcId)))
                .isInstanceOfSatisfying(Ec2Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidVpcID.NotFound"));
    }

    @Test
    void seededIdsAreStableAcrossSandboxes() throws Exception {
        String first = sandbox.ec2(PROVIDER).describeSubnets().subnets().get(0).subnetId();
        try (SandboxFixture other = new SandboxFixture()) {
            assertThat(other.ec2(PROVIDER).describeSubnets().subnets().get(0).subnetId()).isEqualTo(first);
        }
    }

    @Test
    void describeSubnetsPagesWithMaxResultsAndNextToken() {
        Ec2Client ec2 = sandbox.ec2(PROVIDER);
        var first = ec2.describeSubnets(r -> r.maxResults(2));
        assertThat(first.subnets()).hasSize(2);
        assertThat(first.nextToken()).isNotNull();
        var second = ec2.describeSubnets(r -> r.maxResults(2).nextToken(first.nextToken()));
        assertThat(second.subnets()).hasSize(1);
        assertThat(second.nextToken()).isNull();
        assertThat(ec2.describeSubnetsPaginator(r -> r.maxResults(5)).subnets()).hasSize(3);
    }

    @Test
    void theProviderAccountHasTwoInternalNetworkLoadBalancersSpanningTwoAndThreeZones() {
        ElasticLoadBalancingV2Client elb = sandbox.elb(PROVIDER);
        List<LoadBalancer> lbs = elb.describeLoadBalancers().loadBalancers();

        assertThat(lbs).extracting(LoadBalancer::loadBalancerName).containsExactly("payments-api", "payments-ledger");
        assertThat(lbs).allSatisfy(lb -> {
            assertThat(lb.loadBalancerArn()).matches(
                    "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/" + lb.loadBalancerName()
                            + "/[0-9a-f]{16}");
            assertThat(lb.typeAsString()).isEqualTo("network");
            assertThat(lb.schemeAsString()).isEqualTo("internal");
            assertThat(lb.state().codeAsString()).isEqualTo("active");
        });
        assertThat(lbs.get(0).availabilityZones()).extracting(z -> z.zoneName())
                .containsExactly("us-east-1a", "us-east-1b");
        assertThat(lbs.get(1).availabilityZones()).hasSize(3).allSatisfy(z -> assertThat(z.subnetId()).startsWith("subnet-"));

        assertThat(elb.describeLoadBalancers(r -> r.names("payments-ledger")).loadBalancers()).hasSize(1);
        assertThat(elb.describeLoadBalancers(r -> r.loadBalancerArns(lbs.get(0).loadBalancerArn())).loadBalancers())
                .extracting(LoadBalancer::loadBalancerName).containsExactly("payments-api");
        var page = elb.describeLoadBalancers(r -> r.pageSize(1));
        assertThat(page.loadBalancers()).hasSize(1);
        assertThat(elb.describeLoadBalancers(r -> r.pageSize(1).marker(page.nextMarker())).loadBalancers())
                .extracting(LoadBalancer::loadBalancerName).containsExactly("payments-ledger");
        assertThatThrownBy(() -> elb.describeLoadBalancers(r -> r.names("nope")))
                .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("LoadBalancerNotFound"));
        assertThat(sandbox.elb(CONSUMER).describeLoadBalancers().loadBalancers()).isEmpty();
    }
}
