package dev.linkport.sandbox;

import static dev.linkport.sandbox.SandboxFixture.CONSUMER;
import static dev.linkport.sandbox.SandboxFixture.OTHER;
import static dev.linkport.sandbox.SandboxFixture.PROVIDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ServiceConfiguration;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

/**
 * CloudWatch's GetMetricData for PrivateLink, through the real SDK client (Smithy RPC v2 CBOR): synthetic traffic
 * for endpoints that exist, from their creation, to their own account (consumer namespace) and to the service's
 * account (provider namespace), with exact sums.
 */
class SandboxCloudWatchTest {

    private final SandboxFixture sandbox = new SandboxFixture();
    private final Ec2Client provider = sandbox.ec2(PROVIDER);
    private final Ec2Client consumer = sandbox.ec2(CONSUMER);
    /** The fixture's clock starts at 08:00 UTC. */
    private final Instant created = Instant.parse("2026-06-01T08:00:00Z");

    @AfterEach
    void stop() throws Exception {
        sandbox.close();
    }

    @Test
    void anEndpointsHourlyBytesAndConnectionsFollowTheDailyWaveFromItsCreationOn() {
        ServiceConfiguration service = service();
        VpcEndpoint endpoint = endpoint(service);
        sandbox.clock.advance(Duration.ofHours(3));
        long scale = SyntheticTraffic.scale(endpoint.vpcEndpointId());

        MetricDataResult bytes = endpointMetric(sandbox.cloudWatch(CONSUMER, "us-east-1"), endpoint, "BytesProcessed",
                "Sum", created.minus(Duration.ofHours(2)), created.plus(Duration.ofHours(5)));

        // 08:00, 09:00, 10:00 (waves 8, 10, 11); nothing before creation, nothing after "now" (11:00)
        assertThat(bytes.timestamps()).containsExactly(created, created.plus(Duration.ofHours(1)),
                created.plus(Duration.ofHours(2)));
        assertThat(bytes.values()).containsExactly(6_000_000.0 * scale * 8, 6_000_000.0 * scale * 10,
                6_000_000.0 * scale * 11);
        assertThat(endpointMetric(sandbox.cloudWatch(CONSUMER, "us-east-1"), endpoint, "NewConnections", "Sum",
                created, created.plus(Duration.ofHours(1))).values()).containsExactly(60.0 * scale * 8);
        assertThat(endpointMetric(sandbox.cloudWatch(CONSUMER, "us-east-1"), endpoint, "ActiveConnections",
                "Average", created, created.plus(Duration.ofHours(1))).values()).containsExactly(4.0 * scale * 8);
    }

    @Test
    void theProviderSeesEachConsumerEndpointsTrafficAndOtherAccountsSeeNothing() {
        ServiceConfiguration service = service();
        VpcEndpoint endpoint = endpoint(service);
        sandbox.clock.advance(Duration.ofMinutes(90));
        long scale = SyntheticTraffic.scale(endpoint.vpcEndpointId());

        MetricDataResult byEndpoint = sandbox.cloudWatch(PROVIDER, "us-east-1").getMetricData(r -> r
                .startTime(created).endTime(created.plus(Duration.ofHours(2))).scanBy(ScanBy.TIMESTAMP_ASCENDING)
                .metricDataQueries(q -> q.id("b").metricStat(s -> s.period(3600).stat("Sum").metric(m -> m
                        .namespace("AWS/PrivateLinkServices").metricName("BytesProcessed").dimensions(
                                dimension("Service Id", service.serviceId()),
                                dimension("VPC Endpoint Id", endpoint.vpcEndpointId())))))).metricDataResults()
                .getFirst();
        // a whole hour at wave 8, then 30 minutes at wave 10
        assertThat(byEndpoint.values()).containsExactly(6_000_000.0 * scale * 8, 3_000_000.0 * scale * 10);

        assertThat(endpointMetric(sandbox.cloudWatch(OTHER, "us-east-1"), endpoint, "BytesProcessed", "Sum", created,
                created.plus(Duration.ofHours(2))).values()).isEmpty();
        assertThat(endpointMetric(sandbox.cloudWatch(CONSUMER, "eu-west-1"), endpoint, "BytesProcessed", "Sum",
                created, created.plus(Duration.ofHours(2))).values()).isEmpty();
    }

    @Test
    void anEndpointToAServiceInAnotherRegionHasNoMetricsAsInAws() {
        ServiceConfiguration service = provider.createVpcEndpointServiceConfiguration(r -> r
                .networkLoadBalancerArns(sandbox.elb(PROVIDER).describeLoadBalancers().loadBalancers().getFirst()
                        .loadBalancerArn()).acceptanceRequired(false).supportedRegions("eu-west-1")
                .clientToken(UUID.randomUUID().toString())).serviceConfiguration();
        provider.modifyVpcEndpointServicePermissions(r -> r.serviceId(service.serviceId())
                .addAllowedPrincipals("arn:aws:iam::" + CONSUMER + ":root"));
        Ec2Client ireland = sandbox.ec2(CONSUMER, "eu-west-1");
        String vpc = ireland.describeVpcs().vpcs().getFirst().vpcId();
        String subnet = ireland.describeSubnets(r -> r.filters(Filter.builder().name("vpc-id").values(vpc).build()))
                .subnets().getFirst().subnetId();
        VpcEndpoint endpoint = ireland.createVpcEndpoint(r -> r.vpcEndpointType("Interface").vpcId(vpc)
                .serviceName(service.serviceName()).serviceRegion("us-east-1").subnetIds(subnet)
                .clientToken(UUID.randomUUID().toString())).vpcEndpoint();
        assertThat(ireland.describeVpcEndpoints(r -> r.vpcEndpointIds(endpoint.vpcEndpointId())).vpcEndpoints()
                .getFirst().stateAsString()).isEqualTo("available");
        sandbox.clock.advance(Duration.ofHours(2));

        assertThat(endpointMetric(sandbox.cloudWatch(CONSUMER, "eu-west-1"), endpoint, "BytesProcessed", "Sum",
                created, created.plus(Duration.ofHours(2))).values()).isEmpty();
    }

    @Test
    void aRoleWithoutGetMetricDataIsDeniedAndBadPeriodsAreRefused() {
        VpcEndpoint endpoint = endpoint(service());
        sandbox.control().configureRole(CONSUMER, null, List.of("cloudwatch:GetMetricData"));
        assertThatThrownBy(() -> endpointMetric(sandbox.cloudWatch(CONSUMER, "us-east-1"), endpoint, "BytesProcessed",
                "Sum", created, created.plus(Duration.ofHours(1))))
                .isInstanceOfSatisfying(CloudWatchException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                });
        sandbox.control().configureRole(CONSUMER, null, List.of());
        assertThatThrownBy(() -> sandbox.cloudWatch(CONSUMER, "us-east-1").getMetricData(r -> r.startTime(created)
                .endTime(created.plusSeconds(600)).metricDataQueries(q -> q.id("b").metricStat(s -> s.period(90)
                        .stat("Sum").metric(m -> m.namespace("AWS/PrivateLinkEndpoints").metricName("BytesProcessed"))))))
                .isInstanceOfSatisfying(CloudWatchException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue"));
    }

    // ---------------------------------------------------------------- helpers

    private MetricDataResult endpointMetric(CloudWatchClient client, VpcEndpoint endpoint, String metric, String stat,
                                            Instant from, Instant to) {
        return client.getMetricData(r -> r.startTime(from).endTime(to).scanBy(ScanBy.TIMESTAMP_ASCENDING)
                .metricDataQueries(q -> q.id("m").metricStat(s -> s.period(3600).stat(stat).metric(m -> m
                        .namespace("AWS/PrivateLinkEndpoints").metricName(metric).dimensions(
                                dimension("Endpoint Type", "Interface"),
                                dimension("Service Name", endpoint.serviceName()),
                                dimension("VPC Endpoint Id", endpoint.vpcEndpointId()),
                                dimension("VPC Id", endpoint.vpcId()))))))
                .metricDataResults().getFirst();
    }

    private static Dimension dimension(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }

    private ServiceConfiguration service() {
        String nlb = sandbox.elb(PROVIDER).describeLoadBalancers().loadBalancers().getFirst().loadBalancerArn();
        ServiceConfiguration service = provider.createVpcEndpointServiceConfiguration(r -> r
                .networkLoadBalancerArns(nlb).acceptanceRequired(false).clientToken(UUID.randomUUID().toString()))
                .serviceConfiguration();
        provider.modifyVpcEndpointServicePermissions(r -> r.serviceId(service.serviceId())
                .addAllowedPrincipals("arn:aws:iam::" + CONSUMER + ":root"));
        return service;
    }

    private VpcEndpoint endpoint(ServiceConfiguration service) {
        String vpc = consumer.describeVpcs().vpcs().getFirst().vpcId();
        var subnets = consumer.describeSubnets(r -> r.filters(Filter.builder().name("vpc-id").values(vpc).build()))
                .subnets().stream().filter(s -> service.availabilityZoneIds().contains(s.availabilityZoneId()))
                .map(s -> s.subnetId()).toList();
        VpcEndpoint created = consumer.createVpcEndpoint(r -> r.vpcEndpointType("Interface").vpcId(vpc)
                .serviceName(service.serviceName()).subnetIds(subnets).clientToken(UUID.randomUUID().toString()))
                .vpcEndpoint();
        assertThat(consumer.describeVpcEndpoints(r -> r.vpcEndpointIds(created.vpcEndpointId())).vpcEndpoints()
                .getFirst().stateAsString()).isEqualTo("available");
        return created;
    }
}
