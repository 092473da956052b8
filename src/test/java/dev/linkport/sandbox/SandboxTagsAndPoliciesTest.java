package dev.linkport.sandbox;

import static dev.linkport.sandbox.SandboxFixture.CONSUMER;
import static dev.linkport.sandbox.SandboxFixture.PROVIDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ServiceConfiguration;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

/**
 * Tags on endpoint services and endpoints (TagSpecifications, CreateTags/DeleteTags, describes and their
 * {@code tag:} filters), and Linkport's generated policies attached to an account's role: creates only with the
 * team's request tags, changes only of resources carrying them, refused with {@code UnauthorizedOperation}.
 */
class SandboxTagsAndPoliciesTest {

    private static final String TEAM = "checkout";

    private final SandboxFixture sandbox = new SandboxFixture();
    private final Ec2Client provider = sandbox.ec2(PROVIDER);
    private final Ec2Client consumer = sandbox.ec2(CONSUMER);

    @AfterEach
    void stop() throws Exception {
        sandbox.close();
    }

    @Test
    void servicesAndEndpointsKeepTheTagsTheyAreCreatedWithAndDescribesReturnAndFilterByThem() {
        ServiceConfiguration service = createService(Map.of("linkport:team", "payments", "cost-center", "4711"));
        assertThat(tags(service.tags())).containsEntry("linkport:team", "payments").containsEntry("cost-center", "4711");
        allowConsumer(service);
        VpcEndpoint endpoint = createEndpoint(service, Map.of("linkport:team", TEAM, "linkport:request-id", "r-1"));
        createEndpoint(service, Map.of());

        assertThat(tags(provider.describeVpcEndpointServiceConfigurations(r -> r.serviceIds(service.serviceId()))
                .serviceConfigurations().getFirst().tags())).containsEntry("cost-center", "4711");
        assertThat(consumer.describeVpcEndpoints(r -> r.filters(filter("tag:linkport:team", TEAM))).vpcEndpoints())
                .extracting(VpcEndpoint::vpcEndpointId).containsExactly(endpoint.vpcEndpointId());
        assertThat(consumer.describeVpcEndpoints(r -> r.filters(filter("tag-key", "linkport:request-id")))
                .vpcEndpoints()).hasSize(1);
        assertThat(provider.describeVpcEndpointServiceConfigurations(r -> r.filters(filter("tag:cost-center", "0")))
                .serviceConfigurations()).isEmpty();

        consumer.createTags(r -> r.resources(endpoint.vpcEndpointId()).tags(tag("owner", "ops")));
        consumer.deleteTags(r -> r.resources(endpoint.vpcEndpointId()).tags(Tag.builder().key("linkport:request-id")
                .build()));
        assertThat(tags(consumer.describeVpcEndpoints(r -> r.vpcEndpointIds(endpoint.vpcEndpointId()))
                .vpcEndpoints().getFirst().tags())).containsExactly(Map.entry("linkport:team", TEAM),
                Map.entry("owner", "ops"));
    }

    @Test
    void tagsAwsRefusesAreRefused() {
        refused(() -> createService(Map.of("aws:cost-center", "1")), "InvalidParameterValue");
        refused(() -> createService(Map.of("k".repeat(129), "1")), "InvalidParameterValue");
        refused(() -> createService(Map.of("big", "v".repeat(257))), "InvalidParameterValue");
    }

    @Test
    void underTheGeneratedConsumerPolicyAnUntaggedEndpointCannotBeDeletedButTheTeamsTaggedOneCan() {
        ServiceConfiguration service = createService(Map.of());
        allowConsumer(service);
        VpcEndpoint untagged = createEndpoint(service, Map.of());
        VpcEndpoint otherTeams = createEndpoint(service, Map.of("linkport:team", "payments",
                "linkport:request-id", "r-0"));
        sandbox.control().attachPolicies(CONSUMER, TEAM, List.of("CONSUMER"));

        unauthorized(() -> consumer.deleteVpcEndpoints(r -> r.vpcEndpointIds(untagged.vpcEndpointId())),
                "ec2:DeleteVpcEndpoints");
        unauthorized(() -> consumer.deleteVpcEndpoints(r -> r.vpcEndpointIds(otherTeams.vpcEndpointId())),
                "ec2:DeleteVpcEndpoints");
        // nor can the role tag the endpoint afterwards to gain access, or remove tags
        unauthorized(() -> consumer.createTags(r -> r.resources(untagged.vpcEndpointId())
                .tags(tag("linkport:team", TEAM))), "ec2:CreateTags");
        unauthorized(() -> consumer.deleteTags(r -> r.resources(otherTeams.vpcEndpointId())), "ec2:DeleteTags");
        assertThat(state(untagged)).isEqualTo("available");

        VpcEndpoint tagged = createEndpoint(service, Map.of("linkport:team", TEAM, "linkport:request-id", "r-1"));
        assertThat(consumer.deleteVpcEndpoints(r -> r.vpcEndpointIds(tagged.vpcEndpointId())).unsuccessful())
                .isEmpty();
        assertThat(state(tagged)).isIn("deleting", "deleted");
    }

    @Test
    void underTheGeneratedPoliciesACreateWithoutTheTeamsRequestTagsIsRefused() {
        sandbox.control().attachPolicies(PROVIDER, "payments", List.of("PROVIDER"));
        unauthorized(() -> createService(Map.of()), "ec2:CreateVpcEndpointServiceConfiguration");
        unauthorized(() -> createService(Map.of("linkport:team", TEAM, "linkport:service-id", "s-1")),
                "ec2:CreateVpcEndpointServiceConfiguration");
        unauthorized(() -> createService(Map.of("linkport:team", "payments")),
                "ec2:CreateVpcEndpointServiceConfiguration");
        ServiceConfiguration service = createService(Map.of("linkport:team", "payments",
                "linkport:service-id", "s-1"));
        allowConsumer(service);

        sandbox.control().attachPolicies(CONSUMER, TEAM, List.of("CONSUMER"));
        unauthorized(() -> createEndpoint(service, Map.of()), "ec2:CreateVpcEndpoint");
        unauthorized(() -> createEndpoint(service, Map.of("linkport:team", TEAM)), "ec2:CreateVpcEndpoint");
        assertThat(createEndpoint(service, Map.of("linkport:team", TEAM, "linkport:request-id", "r-1")).stateAsString())
                .isEqualTo("pending");
        assertThat(consumer.describeVpcEndpoints().vpcEndpoints()).hasSize(1);
    }

    @Test
    void underTheGeneratedProviderPolicyOnlyTheTeamsServicesChangeAndActionsOutsideThePolicyAreRefused() {
        ServiceConfiguration untagged = createService(Map.of());
        ServiceConfiguration tagged = createService(Map.of("linkport:team", "payments", "linkport:service-id", "s"));
        sandbox.control().attachPolicies(PROVIDER, "payments", List.of("PROVIDER"));

        unauthorized(() -> provider.modifyVpcEndpointServiceConfiguration(r -> r.serviceId(untagged.serviceId())
                .acceptanceRequired(false)), "ec2:ModifyVpcEndpointServiceConfiguration");
        unauthorized(() -> provider.modifyVpcEndpointServicePermissions(r -> r.serviceId(untagged.serviceId())
                .addAllowedPrincipals("arn:aws:iam::" + CONSUMER + ":root")), "ec2:ModifyVpcEndpointServicePermissions");
        unauthorized(() -> provider.deleteVpcEndpointServiceConfigurations(r -> r.serviceIds(untagged.serviceId())),
                "ec2:DeleteVpcEndpointServiceConfigurations");
        unauthorized(() -> provider.describeVpcs(), "ec2:DescribeVpcs");
        assertThat(provider.describeVpcEndpointServiceConfigurations().serviceConfigurations()).hasSize(2);

        provider.modifyVpcEndpointServiceConfiguration(r -> r.serviceId(tagged.serviceId()).acceptanceRequired(false));
        assertThat(provider.deleteVpcEndpointServiceConfigurations(r -> r.serviceIds(tagged.serviceId()))
                .unsuccessful()).isEmpty();

        sandbox.control().attachPolicies(PROVIDER, null, List.of());
        assertThat(provider.deleteVpcEndpointServiceConfigurations(r -> r.serviceIds(untagged.serviceId()))
                .unsuccessful()).isEmpty();
    }

    @Test
    void crossRegionNeedsAllowMultiRegionAndTaggingOnCreateNeedsCreateTags() {
        sandbox.control().configureRole(PROVIDER, null, List.of("vpce:AllowMultiRegion"));
        unauthorized(() -> provider.createVpcEndpointServiceConfiguration(r -> r.networkLoadBalancerArns(nlb())
                .supportedRegions("eu-west-1")), "vpce:AllowMultiRegion");
        assertThat(createService(Map.of()).serviceId()).startsWith("vpce-svc-");

        sandbox.control().configureRole(PROVIDER, null, List.of("ec2:CreateTags"));
        unauthorized(() -> createService(Map.of("cost-center", "1")), "ec2:CreateTags");
    }

    @Test
    void policiesAreAttachedAndDetachedThroughTheControlApi() throws Exception {
        var attached = sandbox.controlApi("POST", "/_sandbox/accounts/" + CONSUMER + "/role",
                "{\"policies\": [\"consumer\"], \"policyTeam\": \"checkout\"}");
        assertThat(attached.statusCode()).isEqualTo(200);
        assertThat(attached.body()).contains("\"policies\":[\"CONSUMER\"]").contains("\"policyTeam\":\"checkout\"");
        unauthorized(() -> consumer.describeVpcEndpointServiceConfigurations(),
                "ec2:DescribeVpcEndpointServiceConfigurations");

        assertThat(sandbox.controlApi("POST", "/_sandbox/accounts/" + CONSUMER + "/role",
                "{\"policies\": [\"admin\"], \"policyTeam\": \"checkout\"}").statusCode()).isEqualTo(400);
        assertThat(sandbox.controlApi("POST", "/_sandbox/accounts/" + CONSUMER + "/role",
                "{\"policies\": [\"provider\"]}").statusCode()).isEqualTo(400);
        assertThat(sandbox.controlApi("POST", "/_sandbox/accounts/" + CONSUMER + "/role",
                "{\"policies\": []}").body()).contains("\"policies\":[]");
        assertThat(consumer.describeVpcEndpointServiceConfigurations().serviceConfigurations()).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    private String nlb() {
        return sandbox.elb(PROVIDER).describeLoadBalancers().loadBalancers().getFirst().loadBalancerArn();
    }

    private ServiceConfiguration createService(Map<String, String> tags) {
        return provider.createVpcEndpointServiceConfiguration(r -> {
            r.networkLoadBalancerArns(nlb()).acceptanceRequired(false).clientToken(UUID.randomUUID().toString());
            if (!tags.isEmpty()) {
                r.tagSpecifications(spec("vpc-endpoint-service", tags));
            }
        }).serviceConfiguration();
    }

    private void allowConsumer(ServiceConfiguration service) {
        sandbox.control().attachPolicies(PROVIDER, null, List.of());
        provider.modifyVpcEndpointServicePermissions(r -> r.serviceId(service.serviceId())
                .addAllowedPrincipals("arn:aws:iam::" + CONSUMER + ":root"));
    }

    private VpcEndpoint createEndpoint(ServiceConfiguration service, Map<String, String> tags) {
        String vpc = consumer.describeVpcs().vpcs().getFirst().vpcId();
        List<String> zones = service.availabilityZoneIds();
        var subnets = consumer.describeSubnets(r -> r.filters(filter("vpc-id", vpc))).subnets().stream()
                .filter(s -> zones.contains(s.availabilityZoneId())).map(s -> s.subnetId()).toList();
        return consumer.createVpcEndpoint(r -> {
            r.vpcEndpointType("Interface").vpcId(vpc).serviceName(service.serviceName()).subnetIds(subnets)
                    .clientToken(UUID.randomUUID().toString());
            if (!tags.isEmpty()) {
                r.tagSpecifications(spec("vpc-endpoint", tags));
            }
        }).vpcEndpoint();
    }

    private String state(VpcEndpoint endpoint) {
        return consumer.describeVpcEndpoints(r -> r.vpcEndpointIds(endpoint.vpcEndpointId())).vpcEndpoints()
                .getFirst().stateAsString();
    }

    private static TagSpecification spec(String type, Map<String, String> tags) {
        return TagSpecification.builder().resourceType(type)
                .tags(tags.entrySet().stream().map(t -> tag(t.getKey(), t.getValue())).toList()).build();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private static Filter filter(String name, String value) {
        return Filter.builder().name(name).values(value).build();
    }

    private static Map<String, String> tags(List<Tag> tags) {
        return tags.stream().collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b,
                java.util.LinkedHashMap::new));
    }

    private static void unauthorized(ThrowingCallable call, String iamAction) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Ec2Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnauthorizedOperation");
            assertThat(e.awsErrorDetails().errorMessage()).contains("not authorized to perform: " + iamAction);
        });
    }

    private static void refused(ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Ec2Exception.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code));
    }
}
