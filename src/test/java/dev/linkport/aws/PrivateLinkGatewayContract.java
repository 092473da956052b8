package dev.linkport.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.linkport.aws.AwsGatewayException.Kind;
import dev.linkport.aws.ratelimit.TimeSource;
import dev.linkport.aws.sdk.SdkPrivateLinkGateway;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.opentest4j.TestAbortedException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * What every AWS the gateway talks to must do: each operation of {@link PrivateLinkGateway}, through the real
 * SDK adapter, against an emulator a subclass starts and seeds. Subclasses declare which {@link Capability}s
 * their emulator has; tests needing others are skipped with a message that names the missing capability.
 */
@TestInstance(Lifecycle.PER_CLASS)
public abstract class PrivateLinkGatewayContract {

    /** What an emulator may or may not implement beyond the basics every subclass must support. */
    public enum Capability {
        /** Creates with a ClientToken already used return the first result instead of creating again. */
        CLIENT_TOKEN_IDEMPOTENCY,
        /** Consumer accounts see the services they are allowed to (DescribeVpcEndpointServices), others not. */
        CROSS_ACCOUNT_SERVICE_DISCOVERY,
        /**
         * Endpoints to a service that requires acceptance wait in {@code pendingAcceptance};
         * DescribeVpcEndpointConnections and Accept/RejectVpcEndpointConnections work.
         */
        ACCEPTANCE_WORKFLOW,
        /** Private DNS names start unverified with a TXT record; StartVpcEndpointServicePrivateDnsVerification works. */
        PRIVATE_DNS_VERIFICATION,
        /** Removing the private DNS name and changing supported IP address types take effect. */
        FULL_SERVICE_MODIFICATION,
        /** AssumeRole refuses a wrong ExternalId with AccessDenied. */
        EXTERNAL_ID_CHECK,
        /** Services and endpoints keep the tags of their TagSpecifications; describes return them. */
        TAGS_ON_CREATE
    }

    /**
     * The emulator and its world.
     *
     * @param provider                account with the network load balancers
     * @param consumer                account with a VPC, subnets in the load balancers' zones, a security group
     * @param outsider                a third account, never made an allowed principal
     * @param networkLoadBalancerArns at least one NLB of the provider (two let the modify test swap them)
     * @param consumerVpcId           the consumer's VPC to use, or {@code null} to take the first one with
     *                                subnets in the service's zones
     */
    protected record EmulatorWorld(URI endpoint, AwsTarget provider, AwsTarget consumer, AwsTarget outsider,
            List<String> networkLoadBalancerArns, String consumerVpcId) {
    }

    /** Starts the emulator and seeds it; skip (with an assumption) when it cannot run here. */
    protected abstract EmulatorWorld startEmulator() throws Exception;

    /** Stops the emulator; called even when starting it failed half way. */
    protected abstract void stopEmulator();

    protected abstract Set<Capability> capabilities();

    /**
     * The clock and sleeper of the gateway's rate limiter and backoff: the system's unless the emulator shares a
     * fake time with the gateway (then the gateway's waits pass at once and the emulator sees them pass too).
     */
    protected TimeSource timeSource() {
        return TimeSource.SYSTEM;
    }

    protected EmulatorWorld world;
    protected PrivateLinkGateway gateway;
    private SdkPrivateLinkGateway sdkGateway;

    /** Why the emulator cannot run here (from the subclass's assumption), or {@code null}. */
    private String unavailable;

    @BeforeAll
    void startGateway() throws Exception {
        try {
            world = startEmulator();
        } catch (TestAbortedException e) {
            // Reported per test below, so the reason shows in every runner's report (not only for the class).
            unavailable = String.valueOf(e.getMessage()).replaceFirst("^Assumption failed: ", "");
            return;
        }
        var properties = new AwsProperties(AwsProperties.Mode.AWS, world.endpoint(), null, null,
                world.provider().region(), new AwsProperties.Retry(3, Duration.ofMillis(50), Duration.ofMillis(500)),
                null, new AwsProperties.Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(30)));
        sdkGateway = SdkPrivateLinkGateway.create(properties,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLINKPORTTEST", "test-secret")),
                timeSource(), new Random());
        gateway = sdkGateway;
    }

    @BeforeEach
    void skipWhenTheEmulatorIsUnavailable() {
        Assumptions.assumeTrue(unavailable == null, () -> unavailable);
    }

    @AfterAll
    void stopGateway() {
        try {
            if (sdkGateway != null) {
                sdkGateway.close();
            }
        } finally {
            stopEmulator();
        }
    }

    private void assumeCapability(Capability capability) {
        assumeThat(capabilities()).as("%s does not emulate %s", getClass().getSimpleName(), capability)
                .contains(capability);
    }

    private static String token() {
        return "linkport-test-" + UUID.randomUUID();
    }

    /** Creates a service on the first NLB that allows the consumer account, returns it. */
    private EndpointService publishServiceForConsumer(boolean acceptanceRequired) {
        EndpointService service = gateway.createEndpointService(world.provider(), new EndpointServiceRequest(
                List.of(world.networkLoadBalancerArns().getFirst()), acceptanceRequired, null, Set.of(), Set.of(),
                token()));
        gateway.modifyServicePermissions(world.provider(), service.serviceId(),
                Set.of(rootOf(world.consumer())), Set.of());
        return service;
    }

    private static String rootOf(AwsTarget account) {
        return "arn:aws:iam::" + account.accountId() + ":root";
    }

    /** The consumer's VPC and its subnets in the service's zones (compared by zone ID). */
    private record Placement(String vpcId, List<String> subnetIds, List<String> securityGroupIds) {
    }

    private Placement placementFor(EndpointService service) {
        Set<String> zoneIds = service.availabilityZones().stream().map(AvailabilityZone::id)
                .collect(Collectors.toSet());
        List<String> vpcIds = world.consumerVpcId() != null ? List.of(world.consumerVpcId())
                : gateway.describeVpcs(world.consumer()).stream().map(Vpc::vpcId).toList();
        for (String vpcId : vpcIds) {
            List<String> subnets = gateway.describeSubnets(world.consumer(), vpcId).stream()
                    .filter(subnet -> zoneIds.contains(subnet.availabilityZoneId()))
                    .map(Subnet::subnetId).toList();
            if (!subnets.isEmpty()) {
                List<String> groups = gateway.describeSecurityGroups(world.consumer(), vpcId).stream()
                        .map(SecurityGroup::groupId).limit(1).toList();
                return new Placement(vpcId, subnets, groups);
            }
        }
        throw new AssertionError("The consumer account has no VPC with subnets in zones " + zoneIds);
    }

    private InterfaceEndpointRequest endpointRequest(EndpointService service, Placement placement, String token) {
        return new InterfaceEndpointRequest(token, placement.vpcId(), service.serviceName(), placement.subnetIds(),
                placement.securityGroupIds(), false, null);
    }

    // ================================================================ provider side

    @Test
    void theProvidersNetworkLoadBalancersAreListedWithZoneNamesAndZoneIds() {
        List<NetworkLoadBalancer> loadBalancers = gateway.describeNetworkLoadBalancers(world.provider());
        Set<String> knownZoneIds = gateway.describeAvailabilityZones(world.provider()).stream()
                .map(AvailabilityZone::id).collect(Collectors.toSet());

        assertThat(loadBalancers).extracting(NetworkLoadBalancer::arn)
                .containsAll(world.networkLoadBalancerArns());
        assertThat(loadBalancers).allSatisfy(lb -> {
            assertThat(lb.type()).isEqualTo("network");
            assertThat(lb.name()).isNotBlank();
            assertThat(lb.scheme()).isIn("internal", "internet-facing");
            assertThat(lb.state()).isNotBlank();
            assertThat(lb.availabilityZones()).isNotEmpty().allSatisfy(zone -> {
                assertThat(zone.name()).startsWith(world.provider().region());
                assertThat(zone.id()).isIn(knownZoneIds);
            });
        });
    }

    @Test
    void loadBalancersAreLookedUpByArn() {
        List<NetworkLoadBalancer> found = gateway.describeLoadBalancers(world.provider(),
                world.networkLoadBalancerArns());

        assertThat(found).extracting(NetworkLoadBalancer::arn)
                .containsExactlyInAnyOrderElementsOf(world.networkLoadBalancerArns());
        assertThat(found).allSatisfy(lb -> assertThat(lb.isNetwork()).isTrue());
    }

    @Test
    void anUnknownLoadBalancerArnFailsPermanentlyWithAwsCode() {
        String unknown = "arn:aws:elasticloadbalancing:" + world.provider().region() + ":"
                + world.provider().accountId() + ":loadbalancer/net/nope/0123456789abcdef";

        assertThatThrownBy(() -> gateway.describeLoadBalancers(world.provider(), List.of(unknown)))
                .isInstanceOfSatisfying(AwsGatewayException.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(Kind.PERMANENT);
                    assertThat(failure.errorCode()).contains("LoadBalancerNotFound");
                    assertThat(failure.action()).isEqualTo("DescribeLoadBalancers");
                    assertThat(failure.accountId()).isEqualTo(world.provider().accountId());
                });
    }

    @Test
    void anEndpointServiceIsCreatedDescribedAndDeleted() {
        String nlb = world.networkLoadBalancerArns().getFirst();

        EndpointService created = gateway.createEndpointService(world.provider(),
                new EndpointServiceRequest(List.of(nlb), true, null, Set.of(), Set.of(), token()));

        assertThat(created.serviceId()).startsWith("vpce-svc-");
        assertThat(created.serviceName()).endsWith("." + created.serviceId())
                .contains(world.provider().region());
        assertThat(created.acceptanceRequired()).isTrue();
        assertThat(created.networkLoadBalancerArns()).containsExactly(nlb);
        assertThat(created.availabilityZones()).isNotEmpty()
                .allSatisfy(zone -> assertThat(zone.id()).isNotBlank());
        assertThat(created.state()).isIn("Pending", "Available");
        assertThat(created.privateDns()).isNull();

        EndpointService described = gateway.describeEndpointService(world.provider(), created.serviceId())
                .orElseThrow();
        assertThat(described.serviceName()).isEqualTo(created.serviceName());
        assertThat(described.availabilityZones()).containsExactlyInAnyOrderElementsOf(created.availabilityZones());
        assertThat(described.networkLoadBalancerArns()).containsExactly(nlb);

        assertThat(gateway.deleteEndpointServices(world.provider(), List.of(created.serviceId()))).isEmpty();
        gateway.describeEndpointService(world.provider(), created.serviceId())
                .ifPresent(gone -> assertThat(gone.state()).isIn("Deleting", "Deleted"));
    }

    @Test
    void aServiceIdTheAccountDoesNotHaveIsNotFound() {
        assertThat(gateway.describeEndpointService(world.provider(), "vpce-svc-0123456789abcdef0")).isEmpty();
    }

    @Test
    void deletingAnUnknownServiceComesBackAsAnUnsuccessfulItem() {
        List<UnsuccessfulItem> unsuccessful = gateway.deleteEndpointServices(world.provider(),
                List.of("vpce-svc-0123456789abcdef0"));

        assertThat(unsuccessful).singleElement().satisfies(item -> {
            assertThat(item.resourceId()).isEqualTo("vpce-svc-0123456789abcdef0");
            assertThat(item.errorCode()).isNotBlank();
        });
    }

    @Test
    void theSameClientTokenCreatesAnEndpointServiceOnlyOnce() {
        assumeCapability(Capability.CLIENT_TOKEN_IDEMPOTENCY);
        var request = new EndpointServiceRequest(List.of(world.networkLoadBalancerArns().getFirst()), true, null,
                Set.of(), Set.of(), token());

        EndpointService first = gateway.createEndpointService(world.provider(), request);
        EndpointService second = gateway.createEndpointService(world.provider(), request);

        assertThat(second.serviceId()).isEqualTo(first.serviceId());
        gateway.deleteEndpointServices(world.provider(), List.of(first.serviceId()));
    }

    @Test
    void acceptanceSupportedRegionsAndLoadBalancersOfAServiceCanBeChanged() {
        EndpointService service = gateway.createEndpointService(world.provider(), new EndpointServiceRequest(
                List.of(world.networkLoadBalancerArns().getFirst()), true, null, Set.of(), Set.of(), token()));
        String otherRegion = world.provider().region().equals("us-west-2") ? "us-east-2" : "us-west-2";
        var changes = EndpointServiceChanges.none().withAcceptanceRequired(false).addingSupportedRegions(otherRegion);
        boolean twoLoadBalancers = world.networkLoadBalancerArns().size() > 1;
        if (twoLoadBalancers) {
            changes = changes.addingNetworkLoadBalancers(world.networkLoadBalancerArns().get(1));
        }

        gateway.modifyEndpointService(world.provider(), service.serviceId(), changes);

        EndpointService changed = gateway.describeEndpointService(world.provider(), service.serviceId())
                .orElseThrow();
        assertThat(changed.acceptanceRequired()).isFalse();
        assertThat(changed.supportedRegions()).contains(otherRegion);
        if (twoLoadBalancers) {
            assertThat(changed.networkLoadBalancerArns())
                    .containsExactlyInAnyOrderElementsOf(world.networkLoadBalancerArns().subList(0, 2));

            gateway.modifyEndpointService(world.provider(), service.serviceId(), EndpointServiceChanges.none()
                    .removingNetworkLoadBalancers(world.networkLoadBalancerArns().getFirst())
                    .removingSupportedRegions(otherRegion));

            EndpointService reverted = gateway.describeEndpointService(world.provider(), service.serviceId())
                    .orElseThrow();
            assertThat(reverted.networkLoadBalancerArns()).containsExactly(world.networkLoadBalancerArns().get(1));
            assertThat(reverted.supportedRegions()).doesNotContain(otherRegion);
        }
        gateway.deleteEndpointServices(world.provider(), List.of(service.serviceId()));
    }

    @Test
    void privateDnsNameAndIpAddressTypesOfAServiceCanBeChanged() {
        assumeCapability(Capability.FULL_SERVICE_MODIFICATION);
        EndpointService service = gateway.createEndpointService(world.provider(), new EndpointServiceRequest(
                List.of(world.networkLoadBalancerArns().getFirst()), false, "api.contract.example.com", Set.of(),
                Set.of(IpAddressType.IPV4), token()));
        assertThat(service.privateDns()).isNotNull();
        assertThat(service.supportedIpAddressTypes()).containsExactly(IpAddressType.IPV4);

        gateway.modifyEndpointService(world.provider(), service.serviceId(),
                EndpointServiceChanges.none().withoutPrivateDnsName().addingIpAddressTypes(IpAddressType.IPV6));

        EndpointService changed = gateway.describeEndpointService(world.provider(), service.serviceId())
                .orElseThrow();
        assertThat(changed.privateDns()).isNull();
        assertThat(changed.supportedIpAddressTypes()).containsExactlyInAnyOrder(IpAddressType.IPV4,
                IpAddressType.IPV6);
        gateway.deleteEndpointServices(world.provider(), List.of(service.serviceId()));
    }

    @Test
    void aServiceWithAPrivateDnsNameShowsTheNameAndItsVerificationRecord() {
        EndpointService service = gateway.createEndpointService(world.provider(), new EndpointServiceRequest(
                List.of(world.networkLoadBalancerArns().getFirst()), true, "api.contract.example.com", Set.of(),
                Set.of(), token()));

        PrivateDnsConfiguration privateDns = gateway.describeEndpointService(world.provider(), service.serviceId())
                .orElseThrow().privateDns();

        assertThat(privateDns).isNotNull();
        assertThat(privateDns.name()).isEqualTo("api.contract.example.com");
        assertThat(privateDns.verificationState()).isIn("pendingVerification", "verified", "failed");
        assertThat(privateDns.txtRecordName()).isNotBlank();
        assertThat(privateDns.txtRecordValue()).isNotBlank();
        gateway.deleteEndpointServices(world.provider(), List.of(service.serviceId()));
    }

    @Test
    void privateDnsVerificationCanBeStarted() {
        assumeCapability(Capability.PRIVATE_DNS_VERIFICATION);
        EndpointService service = gateway.createEndpointService(world.provider(), new EndpointServiceRequest(
                List.of(world.networkLoadBalancerArns().getFirst()), true, "verify.contract.example.com", Set.of(),
                Set.of(), token()));
        assertThat(service.privateDns().verificationState()).isEqualTo("pendingVerification");

        gateway.startPrivateDnsVerification(world.provider(), service.serviceId());

        assertThat(gateway.describeEndpointService(world.provider(), service.serviceId()).orElseThrow()
                .privateDns().verificationState()).isIn("pendingVerification", "verified", "failed");
        gateway.deleteEndpointServices(world.provider(), List.of(service.serviceId()));
    }

    @Test
    void allowedPrincipalsAreAddedListedAndRemoved() {
        EndpointService service = gateway.createEndpointService(world.provider(), new EndpointServiceRequest(
                List.of(world.networkLoadBalancerArns().getFirst()), true, null, Set.of(), Set.of(), token()));
        String consumerRoot = rootOf(world.consumer());
        String outsiderRoot = rootOf(world.outsider());

        gateway.modifyServicePermissions(world.provider(), service.serviceId(), Set.of(consumerRoot, outsiderRoot),
                Set.of());
        assertThat(gateway.describeServicePermissions(world.provider(), service.serviceId()))
                .extracting(PermittedPrincipal::principal).containsExactlyInAnyOrder(consumerRoot, outsiderRoot);

        gateway.modifyServicePermissions(world.provider(), service.serviceId(), Set.of(), Set.of(outsiderRoot));
        assertThat(gateway.describeServicePermissions(world.provider(), service.serviceId()))
                .extracting(PermittedPrincipal::principal).containsExactly(consumerRoot);

        gateway.deleteEndpointServices(world.provider(), List.of(service.serviceId()));
    }

    // ================================================================ consumer side

    @Test
    void availabilityZonesHaveNamesAndZoneIds() {
        List<AvailabilityZone> zones = gateway.describeAvailabilityZones(world.consumer());

        assertThat(zones).isNotEmpty().allSatisfy(zone -> {
            assertThat(zone.name()).startsWith(world.consumer().region());
            assertThat(zone.id()).isNotBlank();
        });
        assertThat(zones).extracting(AvailabilityZone::id).doesNotHaveDuplicates();
    }

    @Test
    void theConsumersVpcsSubnetsAndSecurityGroupsAreListedPerVpc() {
        List<Vpc> vpcs = gateway.describeVpcs(world.consumer());
        assertThat(vpcs).isNotEmpty().allSatisfy(vpc -> {
            assertThat(vpc.vpcId()).startsWith("vpc-");
            assertThat(vpc.cidrBlock()).contains("/");
        });
        Set<String> zoneIds = gateway.describeAvailabilityZones(world.consumer()).stream()
                .map(AvailabilityZone::id).collect(Collectors.toSet());
        String vpcId = world.consumerVpcId() != null ? world.consumerVpcId() : vpcs.getFirst().vpcId();

        List<Subnet> subnets = gateway.describeSubnets(world.consumer(), vpcId);
        List<SecurityGroup> groups = gateway.describeSecurityGroups(world.consumer(), vpcId);

        assertThat(subnets).isNotEmpty().allSatisfy(subnet -> {
            assertThat(subnet.subnetId()).startsWith("subnet-");
            assertThat(subnet.vpcId()).isEqualTo(vpcId);
            assertThat(subnet.cidrBlock()).contains("/");
            assertThat(subnet.availabilityZone()).startsWith(world.consumer().region());
            assertThat(subnet.availabilityZoneId()).isIn(zoneIds);
        });
        assertThat(groups).isNotEmpty().allSatisfy(group -> {
            assertThat(group.groupId()).startsWith("sg-");
            assertThat(group.vpcId()).isEqualTo(vpcId);
        });
    }

    @Test
    void accountsAreKeptApartByTheRoleAssumedForEach() {
        String consumerVpc = gateway.describeVpcs(world.consumer()).getFirst().vpcId();

        assertThat(gateway.describeVpcs(world.provider())).extracting(Vpc::vpcId).doesNotContain(consumerVpc);
        assertThat(gateway.describeSubnets(world.provider(), consumerVpc)).isEmpty();
    }

    @Test
    void callsOnBehalfOfAUserWorkWithTheUserInTheSessionName() {
        AwsTarget asAlice = world.consumer().actingFor("alice@example.com (Team Blue)");

        assertThat(gateway.describeVpcs(asAlice)).extracting(Vpc::vpcId)
                .containsExactlyInAnyOrderElementsOf(gateway.describeVpcs(world.consumer()).stream()
                        .map(Vpc::vpcId).toList());
    }

    @Test
    void anAllowedConsumerSeesTheServiceWithItsZonesAndOthersDoNot() {
        assumeCapability(Capability.CROSS_ACCOUNT_SERVICE_DISCOVERY);
        EndpointService service = publishServiceForConsumer(true);
        Set<String> serviceZoneIds = service.availabilityZones().stream().map(AvailabilityZone::id)
                .collect(Collectors.toSet());

        ServiceOffer offer = gateway.describeServiceOffer(world.consumer(), service.serviceName()).orElseThrow();

        assertThat(offer.serviceId()).isEqualTo(service.serviceId());
        assertThat(offer.owner()).isEqualTo(world.provider().accountId());
        assertThat(offer.acceptanceRequired()).isTrue();
        assertThat(offer.availabilityZones()).extracting(AvailabilityZone::id)
                .containsExactlyInAnyOrderElementsOf(serviceZoneIds);
        assertThat(gateway.describeServiceOffer(world.outsider(), service.serviceName())).isEmpty();
        gateway.deleteEndpointServices(world.provider(), List.of(service.serviceId()));
    }

    @Test
    void anUnknownServiceNameIsNotOffered() {
        String unknown = "com.amazonaws.vpce." + world.consumer().region() + ".vpce-svc-0123456789abcdef0";

        assertThat(gateway.describeServiceOffer(world.consumer(), unknown)).isEmpty();
    }

    @Test
    void anInterfaceEndpointIsCreatedDescribedAndDeleted() {
        EndpointService service = publishServiceForConsumer(false);
        Placement placement = placementFor(service);

        InterfaceEndpoint created = gateway.createInterfaceEndpoint(world.consumer(),
                endpointRequest(service, placement, token()));

        assertThat(created.endpointId()).startsWith("vpce-");
        assertThat(created.state()).isIn("pendingAcceptance", "pending", "available");
        assertThat(created.serviceName()).isEqualTo(service.serviceName());
        assertThat(created.vpcId()).isEqualTo(placement.vpcId());
        assertThat(created.subnetIds()).containsExactlyInAnyOrderElementsOf(placement.subnetIds());
        assertThat(created.error()).isEmpty();

        InterfaceEndpoint described = gateway.describeInterfaceEndpoint(world.consumer(), created.endpointId())
                .orElseThrow();
        assertThat(described.serviceName()).isEqualTo(service.serviceName());
        assertThat(described.createdAt()).isNotNull();
        assertThat(described.state()).isIn("pendingAcceptance", "pending", "available");
        if (described.available()) {
            assertThat(described.dnsEntries()).isNotEmpty()
                    .allSatisfy(entry -> assertThat(entry.dnsName()).isNotBlank());
        }

        assertThat(gateway.deleteInterfaceEndpoints(world.consumer(), List.of(created.endpointId()))).isEmpty();
        gateway.describeInterfaceEndpoint(world.consumer(), created.endpointId())
                .ifPresent(gone -> assertThat(gone.state()).isIn("deleting", "deleted"));
        gateway.deleteEndpointServices(world.provider(), List.of(service.serviceId()));
    }

    @Test
    void servicesAndEndpointsAreCreatedWithTheirTagsAndDescribesReadThemBack() {
        assumeCapability(Capability.TAGS_ON_CREATE);
        Map<String, String> serviceTags = new LinkedHashMap<>();
        serviceTags.put(ResourceTags.SERVICE_ID, UUID.randomUUID().toString());
        serviceTags.put(ResourceTags.TEAM, "payments");
        serviceTags.put("cost-center", "4711");
        EndpointService service = gateway.createEndpointService(world.provider(), new EndpointServiceRequest(
                List.of(world.networkLoadBalancerArns().getFirst()), false, null, Set.of(), Set.of(), token(),
                serviceTags));
        gateway.modifyServicePermissions(world.provider(), service.serviceId(), Set.of(rootOf(world.consumer())),
                Set.of());

        assertThat(service.tags()).containsAllEntriesOf(serviceTags);
        assertThat(gateway.describeEndpointService(world.provider(), service.serviceId()).orElseThrow().tags())
                .containsAllEntriesOf(serviceTags);

        Placement placement = placementFor(service);
        Map<String, String> endpointTags = Map.of(ResourceTags.REQUEST_ID, UUID.randomUUID().toString(),
                ResourceTags.TEAM, "checkout");
        InterfaceEndpointRequest base = endpointRequest(service, placement, token());
        InterfaceEndpoint created = gateway.createInterfaceEndpoint(world.consumer(), new InterfaceEndpointRequest(
                base.clientToken(), base.vpcId(), base.serviceName(), base.subnetIds(), base.securityGroupIds(),
                false, null, endpointTags));

        assertThat(created.tags()).containsAllEntriesOf(endpointTags);
        assertThat(gateway.describeInterfaceEndpoint(world.consumer(), created.endpointId()).orElseThrow().tags())
                .containsAllEntriesOf(endpointTags);

        gateway.deleteInterfaceEndpoints(world.consumer(), List.of(created.endpointId()));
        gateway.deleteEndpointServices(world.provider(), List.of(service.serviceId()));
    }

    @Test
    void anEndpointsSubnetsAndSecurityGroupsAreChangedAndAChangeAlreadyMadeChangesNothing() {
        EndpointService service = publishServiceForConsumer(false);
        Placement placement = placementFor(service);
        assumeThat(placement.subnetIds()).as("two subnets in the service's zones").hasSizeGreaterThan(1);
        List<String> groups = gateway.describeSecurityGroups(world.consumer(), placement.vpcId()).stream()
                .map(SecurityGroup::groupId).limit(2).toList();
        assumeThat(groups).as("two security groups in the VPC").hasSize(2);
        String first = placement.subnetIds().get(0);
        String second = placement.subnetIds().get(1);
        InterfaceEndpoint created = gateway.createInterfaceEndpoint(world.consumer(), new InterfaceEndpointRequest(
                token(), placement.vpcId(), service.serviceName(), List.of(first), List.of(groups.get(0)), false,
                null));
        InterfaceEndpoint before = gateway.describeInterfaceEndpoint(world.consumer(), created.endpointId())
                .orElseThrow();

        InterfaceEndpointChanges changes = InterfaceEndpointChanges.toReach(before, List.of(first, second),
                List.of(groups.get(1)), null);
        gateway.modifyInterfaceEndpoint(world.consumer(), created.endpointId(), changes);

        InterfaceEndpoint after = gateway.describeInterfaceEndpoint(world.consumer(), created.endpointId())
                .orElseThrow();
        assertThat(after.subnetIds()).containsExactlyInAnyOrder(first, second);
        assertThat(after.securityGroupIds()).containsExactly(groups.get(1));
        assertThat(after.state()).isIn("modifying", "pending", "available");
        assertThat(InterfaceEndpointChanges.toReach(after, List.of(first, second), List.of(groups.get(1)), null)
                .isEmpty()).isTrue();

        gateway.deleteInterfaceEndpoints(world.consumer(), List.of(created.endpointId()));
        gateway.deleteEndpointServices(world.provider(), List.of(service.serviceId()));
    }

    @Test
    void endpointsAreDescribedTogetherAndUnknownIdsAreLeftOut() {
        EndpointService service = publishServiceForConsumer(false);
        InterfaceEndpoint endpoint = gateway.createInterfaceEndpoint(world.consumer(),
                endpointRequest(service, placementFor(service), token()));

        List<InterfaceEndpoint> found = gateway.describeInterfaceEndpoints(world.consumer(),
                List.of(endpoint.endpointId(), "vpce-0123456789abcdef0"));

        assertThat(found).extracting(InterfaceEndpoint::endpointId).containsExactly(endpoint.endpointId());
        assertThat(gateway.describeInterfaceEndpoint(world.consumer(), "vpce-0123456789abcdef0")).isEmpty();
        gateway.deleteInterfaceEndpoints(world.consumer(), List.of(endpoint.endpointId()));
        gateway.deleteEndpointServices(world.provider(), List.of(service.serviceId()));
    }

    @Test
    void theSameClientTokenCreatesAnEndpointOnlyOnce() {
        assumeCapability(Capability.CLIENT_TOKEN_IDEMPOTENCY);
        EndpointService service = publishServiceForConsumer(false);
        InterfaceEndpointRequest request = endpointRequest(service, placementFor(service), token());

        InterfaceEndpoint first = gateway.createInterfaceEndpoint(world.consumer(), request);
        InterfaceEndpoint second = gateway.createInterfaceEndpoint(world.consumer(), request);

        assertThat(second.endpointId()).isEqualTo(first.endpointId());
        gateway.deleteInterfaceEndpoints(world.consumer(), List.of(first.endpointId()));
        gateway.deleteEndpointServices(world.provider(), List.of(service.serviceId()));
    }

    @Test
    void reusingAClientTokenWithOtherParametersFailsPermanently() {
        assumeCapability(Capability.CLIENT_TOKEN_IDEMPOTENCY);
        EndpointService service = publishServiceForConsumer(false);
        Placement placement = placementFor(service);
        String token = token();
        InterfaceEndpoint first = gateway.createInterfaceEndpoint(world.consumer(),
                endpointRequest(service, placement, token));

        assertThatThrownBy(() -> gateway.createInterfaceEndpoint(world.consumer(), new InterfaceEndpointRequest(
                token, placement.vpcId(), service.serviceName(), placement.subnetIds(), placement.securityGroupIds(),
                true, null)))
                .isInstanceOfSatisfying(AwsGatewayException.class, failure -> {
                    assertThat(failure.isPermanent()).isTrue();
                    assertThat(failure.errorCode()).contains("IdempotentParameterMismatch");
                });
        gateway.deleteInterfaceEndpoints(world.consumer(), List.of(first.endpointId()));
        gateway.deleteEndpointServices(world.provider(), List.of(service.serviceId()));
    }

    @Test
    void anEndpointInAnUnknownVpcFailsPermanentlyWithAwsCode() {
        EndpointService service = publishServiceForConsumer(false);
        Placement placement = placementFor(service);

        assertThatThrownBy(() -> gateway.createInterfaceEndpoint(world.consumer(), new InterfaceEndpointRequest(
                token(), "vpc-0123456789abcdef0", service.serviceName(), placement.subnetIds(), List.of(), false,
                null)))
                .isInstanceOfSatisfying(AwsGatewayException.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(Kind.PERMANENT);
                    // EC2 answers InvalidVpcID.NotFound (some documents write InvalidVpcId); the case does not matter here
                    assertThat(failure.errorCode()).hasValueSatisfying(
                            code -> assertThat(code).isEqualToIgnoringCase("InvalidVpcId.NotFound"));
                    assertThat(failure.awsMessage()).contains("vpc-0123456789abcdef0");
                    assertThat(failure.action()).isEqualTo("CreateVpcEndpoint");
                    assertThat(failure.accountId()).isEqualTo(world.consumer().accountId());
                    assertThat(failure.region()).isEqualTo(world.consumer().region());
                });
        gateway.deleteEndpointServices(world.provider(), List.of(service.serviceId()));
    }

    @Test
    void anEndpointInAnUnknownSubnetFailsPermanentlyWithAwsCode() {
        EndpointService service = publishServiceForConsumer(false);
        Placement placement = placementFor(service);

        assertThatThrownBy(() -> gateway.createInterfaceEndpoint(world.consumer(), new InterfaceEndpointRequest(
                token(), placement.vpcId(), service.serviceName(), List.of("subnet-0123456789abcdef0"), List.of(),
                false, null)))
                .isInstanceOfSatisfying(AwsGatewayException.class, failure -> {
                    assertThat(failure.isPermanent()).isTrue();
                    assertThat(failure.errorCode()).hasValueSatisfying(
                            code -> assertThat(code).isEqualToIgnoringCase("InvalidSubnetID.NotFound"));
                });
        gateway.deleteEndpointServices(world.provider(), List.of(service.serviceId()));
    }

    @Test
    void aWrongExternalIdIsAPermanentAccessDenied() {
        assumeCapability(Capability.EXTERNAL_ID_CHECK);
        AwsTarget wrong = new AwsTarget(world.consumer().accountId(), world.consumer().region(),
                world.consumer().roleArn(), "not-the-external-id", null);

        assertThatThrownBy(() -> gateway.describeVpcs(wrong))
                .isInstanceOfSatisfying(AwsGatewayException.class, failure -> {
                    assertThat(failure.isPermanent()).isTrue();
                    assertThat(failure.errorCode()).contains("AccessDenied");
                    assertThat(failure.accountId()).isEqualTo(world.consumer().accountId());
                });
    }

    // ================================================================ access check

    @Test
    void aGoodRoleIsAssumedAfreshAndEveryAccessProbeReads() {
        AssumedRole assumed = gateway.assumeRole(world.consumer());
        assertThat(assumed.assumedRoleArn()).startsWith("arn:aws:sts::" + world.consumer().accountId()
                + ":assumed-role/");

        for (AccessProbe probe : AccessProbe.values()) {
            gateway.probe(world.provider(), probe);
            gateway.probe(world.consumer(), probe);
        }
    }

    @Test
    void aWrongExternalIdIsAnAssumeRoleDenialNotAMissingPermission() {
        assumeCapability(Capability.EXTERNAL_ID_CHECK);
        AwsTarget wrong = new AwsTarget(world.consumer().accountId(), world.consumer().region(),
                world.consumer().roleArn(), "not-the-external-id", null);

        assertThatThrownBy(() -> gateway.assumeRole(wrong))
                .isInstanceOfSatisfying(AwsGatewayException.class, failure -> {
                    assertThat(failure.assumeRoleDenied()).isTrue();
                    assertThat(failure.action()).isEqualTo(AwsGatewayException.ASSUME_ROLE);
                    assertThat(failure.deniedPrincipal()).isPresent();
                    assertThat(failure.deniedPermission()).contains("sts:AssumeRole");
                });
        // also when the SDK assumes the role on the way to another call
        assertThatThrownBy(() -> gateway.probe(wrong, AccessProbe.DESCRIBE_VPCS))
                .isInstanceOfSatisfying(AwsGatewayException.class, failure -> {
                    assertThat(failure.assumeRoleDenied()).isTrue();
                    assertThat(failure.isPermanent()).isTrue();
                });
    }

    // ================================================================ acceptance

    @Test
    void aProviderAcceptsAPendingConnectionAndTheEndpointProceeds() {
        assumeCapability(Capability.ACCEPTANCE_WORKFLOW);
        EndpointService service = publishServiceForConsumer(true);
        InterfaceEndpoint endpoint = gateway.createInterfaceEndpoint(world.consumer(),
                endpointRequest(service, placementFor(service), token()));
        assertThat(endpoint.state()).isEqualTo("pendingAcceptance");

        List<EndpointConnection> connections = gateway.describeEndpointConnections(world.provider(),
                service.serviceId());
        assertThat(connections).singleElement().satisfies(connection -> {
            assertThat(connection.endpointId()).isEqualTo(endpoint.endpointId());
            assertThat(connection.ownerAccountId()).isEqualTo(world.consumer().accountId());
            assertThat(connection.pendingAcceptance()).isTrue();
            assertThat(connection.createdAt()).isNotNull();
        });

        assertThat(gateway.acceptEndpointConnections(world.provider(), service.serviceId(),
                List.of(endpoint.endpointId()))).isEmpty();

        assertThat(gateway.describeInterfaceEndpoint(world.consumer(), endpoint.endpointId()).orElseThrow().state())
                .isIn("pending", "available");
        assertThat(gateway.describeEndpointConnections(world.provider(), service.serviceId()))
                .singleElement().satisfies(connection -> assertThat(connection.state()).isIn("pending", "available"));
        gateway.deleteInterfaceEndpoints(world.consumer(), List.of(endpoint.endpointId()));
    }

    @Test
    void aProviderRejectsAPendingConnection() {
        assumeCapability(Capability.ACCEPTANCE_WORKFLOW);
        EndpointService service = publishServiceForConsumer(true);
        InterfaceEndpoint endpoint = gateway.createInterfaceEndpoint(world.consumer(),
                endpointRequest(service, placementFor(service), token()));

        assertThat(gateway.rejectEndpointConnections(world.provider(), service.serviceId(),
                List.of(endpoint.endpointId()))).isEmpty();

        assertThat(gateway.describeInterfaceEndpoint(world.consumer(), endpoint.endpointId()).orElseThrow().state())
                .isEqualTo("rejected");
        gateway.deleteInterfaceEndpoints(world.consumer(), List.of(endpoint.endpointId()));
    }

    @Test
    void acceptingAnEndpointTheServiceDoesNotKnowComesBackAsUnsuccessful() {
        assumeCapability(Capability.ACCEPTANCE_WORKFLOW);
        EndpointService service = publishServiceForConsumer(true);

        List<UnsuccessfulItem> unsuccessful = gateway.acceptEndpointConnections(world.provider(),
                service.serviceId(), List.of("vpce-0123456789abcdef0"));

        assertThat(unsuccessful).singleElement().satisfies(item -> {
            assertThat(item.resourceId()).isEqualTo("vpce-0123456789abcdef0");
            assertThat(item.errorCode()).isNotBlank();
        });
        gateway.deleteEndpointServices(world.provider(), List.of(service.serviceId()));
    }

    protected static Set<Capability> none() {
        return EnumSet.noneOf(Capability.class);
    }
}
