package dev.linkport.sandbox;

import static dev.linkport.sandbox.SandboxFixture.CONSUMER;
import static dev.linkport.sandbox.SandboxFixture.OTHER;
import static dev.linkport.sandbox.SandboxFixture.PROVIDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateVpcEndpointRequest;
import software.amazon.awssdk.services.ec2.model.DnsEntry;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ServiceConfiguration;
import software.amazon.awssdk.services.ec2.model.ServiceDetail;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.UnsuccessfulItem;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.ec2.model.VpcEndpointConnection;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;

class SandboxPrivateLinkTest {

    private final SandboxFixture sandbox = new SandboxFixture();
    private Ec2Client provider;
    private Ec2Client consumer;
    private String twoZoneNlb;
    private String threeZoneNlb;
    private String consumerVpc;
    private List<Subnet> consumerSubnets;

    @BeforeEach
    void world() {
        provider = sandbox.ec2(PROVIDER);
        consumer = sandbox.ec2(CONSUMER);
        List<LoadBalancer> lbs = sandbox.elb(PROVIDER).describeLoadBalancers().loadBalancers();
        twoZoneNlb = lbs.get(0).loadBalancerArn();
        threeZoneNlb = lbs.get(1).loadBalancerArn();
        consumerVpc = consumer.describeVpcs().vpcs().get(0).vpcId();
        consumerSubnets = consumer.describeSubnets().subnets();
    }

    @AfterEach
    void stop() throws Exception {
        sandbox.close();
    }

    private ServiceConfiguration createService(boolean acceptanceRequired, String... nlbs) {
        return provider.createVpcEndpointServiceConfiguration(r -> r.networkLoadBalancerArns(nlbs)
                .acceptanceRequired(acceptanceRequired)).serviceConfiguration();
    }

    private void allow(ServiceConfiguration service, String principal) {
        provider.modifyVpcEndpointServicePermissions(r -> r.serviceId(service.serviceId())
                .addAllowedPrincipals(principal));
    }

    /** Subnet of the consumer in the AZ with the given zone id. */
    private String consumerSubnetIn(String zoneId) {
        return consumerSubnets.stream().filter(s -> s.availabilityZoneId().equals(zoneId)).findFirst().orElseThrow()
                .subnetId();
    }

    private VpcEndpoint createEndpoint(ServiceConfiguration service, Consumer<CreateVpcEndpointRequest.Builder> more) {
        return consumer.createVpcEndpoint(r -> {
            r.vpcEndpointType("Interface").vpcId(consumerVpc).serviceName(service.serviceName())
                    .subnetIds(consumerSubnetIn("use1-az1"), consumerSubnetIn("use1-az2"));
            more.accept(r);
        }).vpcEndpoint();
    }

    private VpcEndpoint consumerEndpoint(String id) {
        return consumer.describeVpcEndpoints(r -> r.vpcEndpointIds(id)).vpcEndpoints().get(0);
    }

    private List<VpcEndpointConnection> connections(ServiceConfiguration service) {
        return provider.describeVpcEndpointConnections(r -> r.filters(Filter.builder().name("service-id")
                .values(service.serviceId()).build())).vpcEndpointConnections();
    }

    private static String errorCode(Throwable e) {
        return ((Ec2Exception) e).awsErrorDetails().errorCode();
    }

    @Test
    void aServiceCoversTheZonesOfItsLoadBalancersByZoneIdAndHasAnAwsServiceName() {
        ServiceConfiguration service = createService(true, threeZoneNlb);

        assertThat(service.serviceId()).matches("vpce-svc-[0-9a-f]{17}");
        assertThat(service.serviceName()).isEqualTo("com.amazonaws.vpce.us-east-1." + service.serviceId());
        assertThat(service.serviceStateAsString()).isEqualTo("Available");
        assertThat(service.availabilityZoneIds()).containsExactly("use1-az1", "use1-az2", "use1-az3");
        assertThat(service.availabilityZones()).containsExactly("us-east-1a", "us-east-1b", "us-east-1c");
        assertThat(service.networkLoadBalancerArns()).containsExactly(threeZoneNlb);
        assertThat(service.acceptanceRequired()).isTrue();
        assertThat(service.baseEndpointDnsNames()).containsExactly(service.serviceId() + ".us-east-1.vpce.amazonaws.com");

        List<ServiceConfiguration> listed = provider.describeVpcEndpointServiceConfigurations(
                r -> r.serviceIds(service.serviceId())).serviceConfigurations();
        assertThat(listed).singleElement().satisfies(s -> assertThat(s.serviceName()).isEqualTo(service.serviceName()));
    }

    @Test
    void aLoadBalancerOfAnotherAccountOrAnUnknownOneIsRefused() {
        assertThatThrownBy(() -> sandbox.ec2(CONSUMER).createVpcEndpointServiceConfiguration(
                r -> r.networkLoadBalancerArns(twoZoneNlb)))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("InvalidParameter"));
        assertThatThrownBy(() -> provider.createVpcEndpointServiceConfiguration(r -> r.networkLoadBalancerArns(
                "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/nope/0123456789abcdef")))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("InvalidParameter"));
    }

    @Test
    void theSameClientTokenReturnsTheSameServiceAndDifferentParametersAreAMismatch() {
        ServiceConfiguration first = provider.createVpcEndpointServiceConfiguration(r -> r
                .networkLoadBalancerArns(twoZoneNlb).acceptanceRequired(true).clientToken("listing-42"))
                .serviceConfiguration();
        ServiceConfiguration again = provider.createVpcEndpointServiceConfiguration(r -> r
                .networkLoadBalancerArns(twoZoneNlb).acceptanceRequired(true).clientToken("listing-42"))
                .serviceConfiguration();

        assertThat(again.serviceId()).isEqualTo(first.serviceId());
        assertThat(provider.describeVpcEndpointServiceConfigurations().serviceConfigurations()).hasSize(1);
        assertThatThrownBy(() -> provider.createVpcEndpointServiceConfiguration(r -> r
                .networkLoadBalancerArns(threeZoneNlb).acceptanceRequired(true).clientToken("listing-42")))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("IdempotentParameterMismatch"));
    }

    @Test
    void aConsumerThatIsNotAnAllowedPrincipalCannotSeeTheServiceUntilItIsAllowed() {
        ServiceConfiguration service = createService(false, threeZoneNlb);

        assertThatThrownBy(() -> consumer.describeVpcEndpointServices(r -> r.serviceNames(service.serviceName())))
                .satisfies(e -> {
                    assertThat(errorCode(e)).isEqualTo("InvalidServiceName");
                    assertThat(e).hasMessageContaining("The Vpc Endpoint Service '" + service.serviceName()
                            + "' does not exist");
                });
        assertThatThrownBy(() -> createEndpoint(service, r -> { }))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("InvalidServiceName"));
        assertThat(consumer.describeVpcEndpointServices().serviceDetails()).isEmpty();

        allow(service, "arn:aws:iam::222222222222:root");

        ServiceDetail detail = consumer.describeVpcEndpointServices(r -> r.serviceNames(service.serviceName()))
                .serviceDetails().get(0);
        assertThat(detail.owner()).isEqualTo(PROVIDER);
        assertThat(detail.availabilityZoneIds()).containsExactly("use1-az1", "use1-az2", "use1-az3");
        assertThat(detail.availabilityZones()).containsExactly("us-east-1b", "us-east-1c", "us-east-1d");
        assertThat(provider.describeVpcEndpointServicePermissions(r -> r.serviceId(service.serviceId()))
                .allowedPrincipals()).singleElement().satisfies(p -> {
                    assertThat(p.principal()).isEqualTo("arn:aws:iam::222222222222:root");
                    assertThat(p.principalTypeAsString()).isEqualTo("Account");
                });
        assertThatThrownBy(() -> sandbox.ec2(OTHER).describeVpcEndpointServices(
                r -> r.serviceNames(service.serviceName())))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("InvalidServiceName"));

        provider.modifyVpcEndpointServicePermissions(r -> r.serviceId(service.serviceId())
                .removeAllowedPrincipals("arn:aws:iam::222222222222:root"));
        assertThatThrownBy(() -> consumer.describeVpcEndpointServices(r -> r.serviceNames(service.serviceName())))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("InvalidServiceName"));
    }

    @Test
    void anAllowedRoleArnOrTheWildcardAlsoLetsTheConsumerIn() {
        ServiceConfiguration service = createService(false, threeZoneNlb);
        allow(service, "arn:aws:iam::222222222222:role/LinkportAccess");
        assertThat(consumer.describeVpcEndpointServices(r -> r.serviceNames(service.serviceName())).serviceDetails())
                .hasSize(1);

        allow(service, "*");
        assertThat(sandbox.ec2(OTHER).describeVpcEndpointServices(r -> r.serviceNames(service.serviceName()))
                .serviceDetails()).hasSize(1);
    }

    @Test
    void aSubnetInAZoneTheServiceDoesNotCoverIsRefused() {
        ServiceConfiguration service = createService(false, twoZoneNlb);
        allow(service, "arn:aws:iam::222222222222:root");
        String subnetInAz4 = consumerSubnetIn("use1-az4");

        assertThatThrownBy(() -> consumer.createVpcEndpoint(r -> r.vpcEndpointType("Interface").vpcId(consumerVpc)
                .serviceName(service.serviceName()).subnetIds(subnetInAz4)))
                .satisfies(e -> {
                    assertThat(errorCode(e)).isEqualTo("InvalidParameter");
                    assertThat(e).hasMessageContaining("The VPC endpoint service " + service.serviceName()
                            + " does not support the availability zone of the subnet: " + subnetInAz4 + ".");
                });
    }

    @Test
    void unknownVpcSubnetOrSecurityGroupAreRefusedWithAwsErrorCodes() {
        ServiceConfiguration service = createService(false, threeZoneNlb);
        allow(service, "arn:aws:iam::222222222222:root");

        assertThatThrownBy(() -> consumer.createVpcEndpoint(r -> r.vpcEndpointType("Interface")
                .vpcId("vpc-0123456789abcdef0").serviceName(service.serviceName())))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("InvalidVpcID.NotFound"));
        assertThatThrownBy(() -> createEndpoint(service, r -> r.subnetIds("subnet-0123456789abcdef0")))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("InvalidSubnetID.NotFound"));
        assertThatThrownBy(() -> createEndpoint(service, r -> r.securityGroupIds("sg-0123456789abcdef0")))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("InvalidGroup.NotFound"));
    }

    @Test
    void withAcceptanceRequiredAnEndpointWaitsForTheProviderAndBecomesAvailableAfterTheDelay() {
        sandbox.control().settings().pendingToAvailable(Duration.ofSeconds(10));
        ServiceConfiguration service = createService(true, threeZoneNlb);
        allow(service, "arn:aws:iam::222222222222:root");

        VpcEndpoint endpoint = createEndpoint(service, r -> r.clientToken("request-1"));
        assertThat(endpoint.vpcEndpointId()).matches("vpce-[0-9a-f]{17}");
        assertThat(endpoint.stateAsString()).isEqualTo("pendingAcceptance");
        assertThat(connections(service)).singleElement().satisfies(c -> {
            assertThat(c.vpcEndpointId()).isEqualTo(endpoint.vpcEndpointId());
            assertThat(c.vpcEndpointOwner()).isEqualTo(CONSUMER);
            assertThat(c.vpcEndpointStateAsString()).isEqualTo("pendingAcceptance");
        });

        List<UnsuccessfulItem> unsuccessful = provider.acceptVpcEndpointConnections(r -> r
                .serviceId(service.serviceId()).vpcEndpointIds(endpoint.vpcEndpointId(), "vpce-0000000000000dead"))
                .unsuccessful();
        assertThat(unsuccessful).singleElement().satisfies(u -> {
            assertThat(u.resourceId()).isEqualTo("vpce-0000000000000dead");
            assertThat(u.error().code()).isEqualTo("InvalidVpcEndpointId.NotFound");
        });
        assertThat(consumerEndpoint(endpoint.vpcEndpointId()).stateAsString()).isEqualTo("pending");

        sandbox.clock.advance(Duration.ofSeconds(9));
        assertThat(consumerEndpoint(endpoint.vpcEndpointId()).stateAsString()).isEqualTo("pending");
        sandbox.clock.advance(Duration.ofSeconds(1));
        assertThat(consumerEndpoint(endpoint.vpcEndpointId()).stateAsString()).isEqualTo("available");
        assertThat(connections(service).get(0).vpcEndpointStateAsString()).isEqualTo("available");
    }

    @Test
    void withoutAcceptanceAnEndpointGoesFromPendingToAvailable() {
        ServiceConfiguration service = createService(false, threeZoneNlb);
        allow(service, "arn:aws:iam::222222222222:root");

        VpcEndpoint endpoint = createEndpoint(service, r -> { });

        assertThat(endpoint.stateAsString()).isEqualTo("pending");
        assertThat(consumerEndpoint(endpoint.vpcEndpointId()).stateAsString()).isEqualTo("available");
    }

    @Test
    void theSameClientTokenReturnsTheSameEndpointAndDifferentParametersAreAMismatch() {
        ServiceConfiguration service = createService(true, threeZoneNlb);
        allow(service, "arn:aws:iam::222222222222:root");

        VpcEndpoint first = createEndpoint(service, r -> r.clientToken("request-7"));
        VpcEndpoint again = createEndpoint(service, r -> r.clientToken("request-7"));

        assertThat(again.vpcEndpointId()).isEqualTo(first.vpcEndpointId());
        assertThat(consumer.describeVpcEndpoints().vpcEndpoints()).hasSize(1);
        assertThatThrownBy(() -> createEndpoint(service, r -> r.clientToken("request-7")
                .subnetIds(consumerSubnetIn("use1-az1"))))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("IdempotentParameterMismatch"));
    }

    @Test
    void aRejectedEndpointStaysRejected() {
        ServiceConfiguration service = createService(true, threeZoneNlb);
        allow(service, "arn:aws:iam::222222222222:root");
        VpcEndpoint endpoint = createEndpoint(service, r -> { });

        assertThat(provider.rejectVpcEndpointConnections(r -> r.serviceId(service.serviceId())
                .vpcEndpointIds(endpoint.vpcEndpointId())).unsuccessful()).isEmpty();

        sandbox.clock.advance(Duration.ofMinutes(5));
        assertThat(consumerEndpoint(endpoint.vpcEndpointId()).stateAsString()).isEqualTo("rejected");
        assertThat(connections(service).get(0).vpcEndpointStateAsString()).isEqualTo("rejected");
    }

    @Test
    void aDeletedEndpointGoesThroughDeletingAndDeletedAndThenDisappears() {
        sandbox.control().settings().deletingToDeleted(Duration.ofSeconds(2)).deletedRetention(Duration.ofSeconds(30));
        ServiceConfiguration service = createService(false, threeZoneNlb);
        allow(service, "arn:aws:iam::222222222222:root");
        VpcEndpoint endpoint = createEndpoint(service, r -> { });

        List<UnsuccessfulItem> unsuccessful = consumer.deleteVpcEndpoints(r -> r
                .vpcEndpointIds(endpoint.vpcEndpointId(), "vpce-0000000000000beef")).unsuccessful();
        assertThat(unsuccessful).extracting(UnsuccessfulItem::resourceId).containsExactly("vpce-0000000000000beef");
        assertThat(consumerEndpoint(endpoint.vpcEndpointId()).stateAsString()).isEqualTo("deleting");

        sandbox.clock.advance(Duration.ofSeconds(2));
        assertThat(consumerEndpoint(endpoint.vpcEndpointId()).stateAsString()).isEqualTo("deleted");
        assertThat(connections(service).get(0).vpcEndpointStateAsString()).isEqualTo("deleted");

        sandbox.clock.advance(Duration.ofSeconds(30));
        assertThat(consumer.describeVpcEndpoints().vpcEndpoints()).isEmpty();
        assertThatThrownBy(() -> consumerEndpoint(endpoint.vpcEndpointId()))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("InvalidVpcEndpointId.NotFound"));
    }

    @Test
    void dnsEntriesHaveAwsRegionalAndZonalFormats() {
        ServiceConfiguration service = createService(false, threeZoneNlb);
        allow(service, "arn:aws:iam::222222222222:root");
        VpcEndpoint endpoint = createEndpoint(service, r -> { });

        String id = endpoint.vpcEndpointId();
        String base = "\\." + service.serviceId() + "\\.us-east-1\\.vpce\\.amazonaws\\.com";
        List<DnsEntry> entries = consumerEndpoint(id).dnsEntries();
        assertThat(entries).hasSize(3);
        assertThat(entries.get(0).dnsName()).matches(id + "-[a-z0-9]{8}" + base);
        String suffix = entries.get(0).dnsName().substring(id.length() + 1, id.length() + 9);
        assertThat(entries.subList(1, 3)).extracting(DnsEntry::dnsName).containsExactly(
                id + "-" + suffix + "-us-east-1b." + service.serviceId() + ".us-east-1.vpce.amazonaws.com",
                id + "-" + suffix + "-us-east-1c." + service.serviceId() + ".us-east-1.vpce.amazonaws.com");
        assertThat(entries).allSatisfy(e -> assertThat(e.hostedZoneId()).isEqualTo("Z7HUB22UULQXV"));
        assertThat(connections(service).get(0).dnsEntries()).isEqualTo(entries);
    }

    @Test
    void aServiceWithActiveConnectionsCannotBeDeletedUntilTheyAreRejected() {
        ServiceConfiguration service = createService(false, threeZoneNlb);
        allow(service, "arn:aws:iam::222222222222:root");
        VpcEndpoint endpoint = createEndpoint(service, r -> { });

        assertThat(provider.deleteVpcEndpointServiceConfigurations(r -> r.serviceIds(service.serviceId()))
                .unsuccessful()).singleElement().satisfies(u -> {
                    assertThat(u.resourceId()).isEqualTo(service.serviceId());
                    assertThat(u.error().code()).isEqualTo("ExistingVpcEndpointConnections");
                });

        provider.rejectVpcEndpointConnections(r -> r.serviceId(service.serviceId())
                .vpcEndpointIds(endpoint.vpcEndpointId()));
        assertThat(provider.deleteVpcEndpointServiceConfigurations(r -> r.serviceIds(service.serviceId()))
                .unsuccessful()).isEmpty();
        assertThat(provider.describeVpcEndpointServiceConfigurations().serviceConfigurations()).isEmpty();
    }

    @Test
    void modifyingTheServiceChangesAcceptanceLoadBalancersZonesAndRegions() {
        ServiceConfiguration service = createService(true, twoZoneNlb);

        provider.modifyVpcEndpointServiceConfiguration(r -> r.serviceId(service.serviceId()).acceptanceRequired(false)
                .addNetworkLoadBalancerArns(threeZoneNlb).removeNetworkLoadBalancerArns(twoZoneNlb)
                .addSupportedRegions("eu-west-1").addSupportedIpAddressTypes("ipv6"));

        ServiceConfiguration modified = provider.describeVpcEndpointServiceConfigurations(
                r -> r.serviceIds(service.serviceId())).serviceConfigurations().get(0);
        assertThat(modified.acceptanceRequired()).isFalse();
        assertThat(modified.networkLoadBalancerArns()).containsExactly(threeZoneNlb);
        assertThat(modified.availabilityZoneIds()).containsExactly("use1-az1", "use1-az2", "use1-az3");
        assertThat(modified.supportedRegions()).extracting(r -> r.region()).containsExactly("us-east-1", "eu-west-1");
        assertThat(modified.supportedIpAddressTypesAsStrings()).containsExactly("ipv4", "ipv6");
    }

    @Test
    void privateDnsIsVerifiedOnlyOnceTheTxtRecordIsPublishedAndVerificationIsStarted() throws Exception {
        ServiceConfiguration service = provider.createVpcEndpointServiceConfiguration(r -> r
                .networkLoadBalancerArns(threeZoneNlb).acceptanceRequired(false)
                .privateDnsName("api.payments.example.com")).serviceConfiguration();
        var config = service.privateDnsNameConfiguration();
        assertThat(config.stateAsString()).isEqualTo("pendingVerification");
        assertThat(config.type()).isEqualTo("TXT");
        assertThat(config.name()).matches("_[a-z0-9]{20}");
        assertThat(config.value()).matches("vpce:[a-z0-9]{20}");

        provider.startVpcEndpointServicePrivateDnsVerification(r -> r.serviceId(service.serviceId()));
        assertThat(dnsState(service)).isEqualTo("failed");

        var published = sandbox.controlApi("POST", "/_sandbox/dns/txt",
                "{\"name\":\"" + config.name() + ".payments.example.com\",\"value\":\"" + config.value() + "\"}");
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(dnsState(service)).isEqualTo("failed");

        provider.startVpcEndpointServicePrivateDnsVerification(r -> r.serviceId(service.serviceId()));
        assertThat(dnsState(service)).isEqualTo("verified");

        allow(service, "arn:aws:iam::222222222222:root");
        assertThat(consumer.describeVpcEndpointServices(r -> r.serviceNames(service.serviceName())).serviceDetails()
                .get(0).privateDnsNameVerificationStateAsString()).isEqualTo("verified");
        VpcEndpoint endpoint = createEndpoint(service, r -> r.privateDnsEnabled(true));
        assertThat(endpoint.privateDnsEnabled()).isTrue();
        assertThat(endpoint.dnsEntries()).extracting(DnsEntry::dnsName).contains("api.payments.example.com");
    }

    @Test
    void privateDnsCannotBeEnabledForAnUnverifiedName() {
        ServiceConfiguration service = provider.createVpcEndpointServiceConfiguration(r -> r
                .networkLoadBalancerArns(threeZoneNlb).privateDnsName("api.payments.example.com"))
                .serviceConfiguration();
        allow(service, "arn:aws:iam::222222222222:root");

        assertThatThrownBy(() -> createEndpoint(service, r -> r.privateDnsEnabled(true)))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("InvalidParameter"));
    }

    private String dnsState(ServiceConfiguration service) {
        return provider.describeVpcEndpointServiceConfigurations(r -> r.serviceIds(service.serviceId()))
                .serviceConfigurations().get(0).privateDnsNameConfiguration().stateAsString();
    }

    @Test
    void aConsumerInAnotherRegionConnectsWhenTheServiceSupportsItsRegion() {
        ServiceConfiguration service = provider.createVpcEndpointServiceConfiguration(r -> r
                .networkLoadBalancerArns(threeZoneNlb).acceptanceRequired(false).supportedRegions("eu-west-1"))
                .serviceConfiguration();
        allow(service, "arn:aws:iam::222222222222:root");
        Ec2Client euConsumer = sandbox.ec2(CONSUMER, "eu-west-1");
        String euVpc = euConsumer.describeVpcs().vpcs().get(0).vpcId();
        String euSubnet = euConsumer.describeSubnets().subnets().get(0).subnetId();

        assertThatThrownBy(() -> euConsumer.createVpcEndpoint(r -> r.vpcEndpointType("Interface").vpcId(euVpc)
                .serviceName(service.serviceName()).subnetIds(euSubnet)))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("InvalidServiceName"));

        assertThat(euConsumer.describeVpcEndpointServices(r -> r.serviceNames(service.serviceName())
                .serviceRegions("us-east-1")).serviceDetails()).singleElement()
                .satisfies(d -> assertThat(d.serviceRegion()).isEqualTo("us-east-1"));
        VpcEndpoint endpoint = euConsumer.createVpcEndpoint(r -> r.vpcEndpointType("Interface").vpcId(euVpc)
                .serviceName(service.serviceName()).subnetIds(euSubnet).serviceRegion("us-east-1")).vpcEndpoint();

        assertThat(endpoint.serviceRegion()).isEqualTo("us-east-1");
        assertThat(endpoint.dnsEntries().get(0).dnsName()).endsWith(".eu-west-1.vpce.amazonaws.com");
        assertThat(connections(service)).singleElement()
                .satisfies(c -> assertThat(c.vpcEndpointRegion()).isEqualTo("eu-west-1"));
    }

    @Test
    void aRemoteServiceIsOfferedInTheZonesOfTheConsumersRegionThatServeCrossRegionEndpointsAndNowhereElse() {
        ServiceConfiguration service = provider.createVpcEndpointServiceConfiguration(r -> r
                .networkLoadBalancerArns(twoZoneNlb).acceptanceRequired(false).supportedRegions("eu-west-1"))
                .serviceConfiguration();
        allow(service, "arn:aws:iam::222222222222:root");
        Ec2Client euConsumer = sandbox.ec2(CONSUMER, "eu-west-1");
        String euVpc = euConsumer.describeVpcs().vpcs().get(0).vpcId();
        List<Subnet> euSubnets = euConsumer.describeSubnets().subnets();

        ServiceDetail offered = euConsumer.describeVpcEndpointServices(r -> r.serviceNames(service.serviceName())
                .serviceRegions("us-east-1")).serviceDetails().get(0);

        // the consumer's own zone IDs in eu-west-1, not the provider's use1-… zones of the load balancer
        assertThat(offered.availabilityZoneIds()).containsExactlyInAnyOrder("euw1-az1", "euw1-az2");
        assertThat(offered.availabilityZones()).hasSize(2);
        String unserved = euSubnets.stream().filter(s -> s.availabilityZoneId().equals("euw1-az3"))
                .map(Subnet::subnetId).findFirst().orElseThrow();
        assertThatThrownBy(() -> euConsumer.createVpcEndpoint(r -> r.vpcEndpointType("Interface").vpcId(euVpc)
                .serviceName(service.serviceName()).subnetIds(unserved).serviceRegion("us-east-1")))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("InvalidParameter"))
                .hasMessageContaining("does not support the availability zone of the subnet: " + unserved);
        List<String> served = euSubnets.stream().filter(s -> !s.availabilityZoneId().equals("euw1-az3"))
                .map(Subnet::subnetId).toList();
        VpcEndpoint endpoint = euConsumer.createVpcEndpoint(r -> r.vpcEndpointType("Interface").vpcId(euVpc)
                .serviceName(service.serviceName()).subnetIds(served).serviceRegion("us-east-1")).vpcEndpoint();
        assertThat(endpoint.subnetIds()).containsExactlyInAnyOrderElementsOf(served);
    }

    @Test
    void aConsumerInARegionTheServiceDoesNotSupportIsToldTheServiceDoesNotExist() {
        ServiceConfiguration service = provider.createVpcEndpointServiceConfiguration(r -> r
                .networkLoadBalancerArns(twoZoneNlb).acceptanceRequired(false).supportedRegions("eu-central-1"))
                .serviceConfiguration();
        allow(service, "arn:aws:iam::222222222222:root");
        Ec2Client euConsumer = sandbox.ec2(CONSUMER, "eu-west-1");
        String euVpc = euConsumer.describeVpcs().vpcs().get(0).vpcId();
        String euSubnet = euConsumer.describeSubnets().subnets().get(0).subnetId();

        assertThatThrownBy(() -> euConsumer.describeVpcEndpointServices(r -> r.serviceNames(service.serviceName())
                .serviceRegions("us-east-1")))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("InvalidServiceName"));
        assertThatThrownBy(() -> euConsumer.createVpcEndpoint(r -> r.vpcEndpointType("Interface").vpcId(euVpc)
                .serviceName(service.serviceName()).subnetIds(euSubnet).serviceRegion("us-east-1")))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("InvalidServiceName"));
    }
}
