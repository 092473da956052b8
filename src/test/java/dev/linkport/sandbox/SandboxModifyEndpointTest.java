package dev.linkport.sandbox;

import static dev.linkport.sandbox.SandboxFixture.CONSUMER;
import static dev.linkport.sandbox.SandboxFixture.PROVIDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DnsEntry;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.ServiceConfiguration;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

/** ModifyVpcEndpoint in the sandbox, through the real SDK: AWS's checks, and modifying → available. */
class SandboxModifyEndpointTest {

    private final SandboxFixture sandbox = new SandboxFixture(
            SandboxSettings.instant().pendingToAvailable(Duration.ofSeconds(2)), null);
    private Ec2Client consumer;
    private List<Subnet> subnets;
    private List<SecurityGroup> groups;
    private ServiceConfiguration twoZones;
    private VpcEndpoint endpoint;

    @BeforeEach
    void anAvailableEndpointInTwoZones() {
        Ec2Client provider = sandbox.ec2(PROVIDER);
        consumer = sandbox.ec2(CONSUMER);
        String twoZoneNlb = sandbox.elb(PROVIDER).describeLoadBalancers().loadBalancers().get(0).loadBalancerArn();
        twoZones = provider.createVpcEndpointServiceConfiguration(r -> r.networkLoadBalancerArns(twoZoneNlb)
                .acceptanceRequired(false)).serviceConfiguration();
        provider.modifyVpcEndpointServicePermissions(r -> r.serviceId(twoZones.serviceId())
                .addAllowedPrincipals("arn:aws:iam::" + CONSUMER + ":root"));
        String vpc = consumer.describeVpcs().vpcs().get(0).vpcId();
        subnets = consumer.describeSubnets(r -> r.filters(f -> f.name("vpc-id").values(vpc))).subnets();
        groups = consumer.describeSecurityGroups(r -> r.filters(f -> f.name("vpc-id").values(vpc))).securityGroups();
        endpoint = consumer.createVpcEndpoint(r -> r.vpcEndpointType("Interface").vpcId(vpc)
                .serviceName(twoZones.serviceName()).subnetIds(subnetIn("use1-az1"))
                .securityGroupIds(groups.get(0).groupId())).vpcEndpoint();
        sandbox.clock.advance(Duration.ofSeconds(2));
        assertThat(described().stateAsString()).isEqualTo("available");
    }

    @AfterEach
    void stop() throws Exception {
        sandbox.close();
    }

    @Test
    void addingASubnetAndSwappingSecurityGroupsModifiesTheEndpointUntilItIsAvailableAgain() {
        consumer.modifyVpcEndpoint(r -> r.vpcEndpointId(endpoint.vpcEndpointId()).addSubnetIds(subnetIn("use1-az2"))
                .addSecurityGroupIds(groups.get(1).groupId()).removeSecurityGroupIds(groups.get(0).groupId()));

        VpcEndpoint modifying = described();
        assertThat(modifying.stateAsString()).isEqualTo("modifying");
        assertThat(modifying.subnetIds()).containsExactly(subnetIn("use1-az1"), subnetIn("use1-az2"));
        assertThat(modifying.groups()).extracting(g -> g.groupId()).containsExactly(groups.get(1).groupId());
        assertThat(modifying.networkInterfaceIds()).hasSize(2);
        assertThat(modifying.dnsEntries()).extracting(DnsEntry::dnsName).hasSize(3);

        sandbox.clock.advance(Duration.ofSeconds(2));
        assertThat(described().stateAsString()).isEqualTo("available");
    }

    @Test
    void removingASubnetDropsItsZonalNameAndAddingWhatTheEndpointHasChangesNothing() {
        consumer.modifyVpcEndpoint(r -> r.vpcEndpointId(endpoint.vpcEndpointId()).addSubnetIds(subnetIn("use1-az2")));
        sandbox.clock.advance(Duration.ofSeconds(2));
        consumer.modifyVpcEndpoint(r -> r.vpcEndpointId(endpoint.vpcEndpointId()).removeSubnetIds(subnetIn("use1-az1")));
        sandbox.clock.advance(Duration.ofSeconds(2));

        assertThat(described().subnetIds()).containsExactly(subnetIn("use1-az2"));
        assertThat(described().dnsEntries()).hasSize(2);

        consumer.modifyVpcEndpoint(r -> r.vpcEndpointId(endpoint.vpcEndpointId()).addSubnetIds(subnetIn("use1-az2")));
        assertThat(described().stateAsString()).isEqualTo("available");
    }

    @Test
    void aSecondSubnetInAZoneAZoneTheServiceDoesNotCoverAndAnUnknownGroupAreRefusedAsAwsDoes() {
        Subnet az1 = subnets.stream().filter(s -> s.availabilityZoneId().equals("use1-az1")).findFirst().orElseThrow();
        String second = sandbox.control().addSubnet(CONSUMER, "us-east-1", az1.availabilityZone());

        assertThatThrownBy(() -> consumer.modifyVpcEndpoint(r -> r.vpcEndpointId(endpoint.vpcEndpointId())
                .addSubnetIds(second)))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("DuplicateSubnetsInSameZone"));
        String uncovered = subnets.stream().filter(s -> !List.of("use1-az1", "use1-az2")
                .contains(s.availabilityZoneId())).findFirst().orElseThrow().subnetId();
        assertThatThrownBy(() -> consumer.modifyVpcEndpoint(r -> r.vpcEndpointId(endpoint.vpcEndpointId())
                .addSubnetIds(uncovered)))
                .satisfies(e -> {
                    assertThat(errorCode(e)).isEqualTo("InvalidParameter");
                    assertThat(e).hasMessageContaining("does not support the availability zone of the subnet");
                });
        String otherRegionsGroup = sandbox.ec2(CONSUMER, "eu-west-1").describeSecurityGroups().securityGroups()
                .get(0).groupId();
        assertThatThrownBy(() -> consumer.modifyVpcEndpoint(r -> r.vpcEndpointId(endpoint.vpcEndpointId())
                .addSecurityGroupIds(otherRegionsGroup)))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("InvalidGroup.NotFound"));
        assertThatThrownBy(() -> consumer.modifyVpcEndpoint(r -> r.vpcEndpointId(endpoint.vpcEndpointId())
                .removeSubnetIds(subnetIn("use1-az1"))))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("InvalidParameter"));
        assertThatThrownBy(() -> consumer.modifyVpcEndpoint(r -> r.vpcEndpointId(endpoint.vpcEndpointId())
                .privateDnsEnabled(true)))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("InvalidParameter"));

        assertThat(described().subnetIds()).containsExactly(subnetIn("use1-az1"));
        assertThat(described().stateAsString()).isEqualTo("available");
    }

    @Test
    void anEndpointThatIsBeingModifiedOrDoesNotExistCannotBeModified() {
        consumer.modifyVpcEndpoint(r -> r.vpcEndpointId(endpoint.vpcEndpointId()).addSubnetIds(subnetIn("use1-az2")));

        assertThatThrownBy(() -> consumer.modifyVpcEndpoint(r -> r.vpcEndpointId(endpoint.vpcEndpointId())
                .removeSubnetIds(subnetIn("use1-az2"))))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("IncorrectState"));
        assertThatThrownBy(() -> sandbox.ec2(PROVIDER).modifyVpcEndpoint(r -> r.vpcEndpointId(endpoint.vpcEndpointId())
                .removeSubnetIds(subnetIn("use1-az2"))))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("InvalidVpcEndpointId.NotFound"));
    }

    private VpcEndpoint described() {
        return consumer.describeVpcEndpoints(r -> r.vpcEndpointIds(endpoint.vpcEndpointId())).vpcEndpoints().get(0);
    }

    private String subnetIn(String zoneId) {
        return subnets.stream().filter(s -> s.availabilityZoneId().equals(zoneId)).findFirst().orElseThrow().subnetId();
    }

    private static String errorCode(Throwable e) {
        return ((Ec2Exception) e).awsErrorDetails().errorCode();
    }
}
