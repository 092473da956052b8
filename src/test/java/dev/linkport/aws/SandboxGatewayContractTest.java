package dev.linkport.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.aws.ratelimit.TimeSource;
import dev.linkport.sandbox.SandboxServer;
import dev.linkport.sandbox.SandboxSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * The gateway contract against the built-in AWS sandbox, started on a free port with immediate state
 * transitions, AWS's throttling on and a fresh state file under {@code target/}. Gateway and sandbox share one
 * {@link SharedFakeClock}: the gateway's rate-limit waits pass at once, and the sandbox's buckets refill by
 * exactly the time waited. The sandbox claims every {@link Capability}, so every contract test runs here.
 */
class SandboxGatewayContractTest extends PrivateLinkGatewayContract {

    private static final String REGION = "us-east-1";

    private final SharedFakeClock clock = new SharedFakeClock(Instant.now());
    private SandboxServer sandbox;

    @Override
    protected TimeSource timeSource() {
        return clock;
    }

    @Override
    protected Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    @Override
    protected EmulatorWorld startEmulator() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "sandbox-contract"));
        Path stateFile = dir.resolve("state-" + UUID.randomUUID() + ".json");
        sandbox = SandboxServer.builder().port(0).clock(clock)
                .settings(SandboxSettings.instant().throttling(true)).stateFile(stateFile).start();
        AwsTarget provider = target("111111111111");
        return new EmulatorWorld(sandbox.endpoint(), provider, target("222222222222"), target("333333333333"),
                seededNetworkLoadBalancers(provider), null);
    }

    @Override
    protected void stopEmulator() {
        if (sandbox == null) {
            return;
        }
        try {
            // The gateway's own buckets kept every contract call within AWS's limits.
            assertThat(sandbox.control().stats().throttled()).as("requests the sandbox throttled").isZero();
        } finally {
            sandbox.close();
        }
    }

    @org.junit.jupiter.api.Test
    void aReadTheRoleMayNotCallIsAccessDeniedNamingTheMissingPermission() {
        AwsTarget consumer = world.consumer();
        sandbox.control().configureRole(consumer.accountId(), null,
                List.of("ec2:DescribeVpcEndpoints", "elasticloadbalancing:DescribeLoadBalancers"));
        try {
            gateway.assumeRole(consumer);
            for (AccessProbe probe : List.of(AccessProbe.DESCRIBE_ENDPOINTS, AccessProbe.DESCRIBE_LOAD_BALANCERS)) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> gateway.probe(consumer, probe))
                        .isInstanceOfSatisfying(AwsGatewayException.class, failure -> {
                            assertThat(failure.isPermanent()).isTrue();
                            assertThat(failure.accessDenied()).isTrue();
                            assertThat(failure.assumeRoleDenied()).isFalse();
                            assertThat(failure.action()).isEqualTo(probe.action());
                            assertThat(failure.httpStatus()).isEqualTo(403);
                            assertThat(failure.deniedPermission()).contains(probe.iamAction());
                        });
            }
            gateway.probe(consumer, AccessProbe.DESCRIBE_VPCS);
        } finally {
            sandbox.control().configureRole(consumer.accountId(), null, List.of());
        }
    }

    @org.junit.jupiter.api.Test
    void listingLoadBalancersReadsTheirTargetTypesAndTellsTargetsOnPremisesApart() {
        List<NetworkLoadBalancer> payments = gateway.describeNetworkLoadBalancers(world.provider());
        assertThat(payments).extracting(NetworkLoadBalancer::name, NetworkLoadBalancer::targetTypes,
                        NetworkLoadBalancer::reachesOutsideVpc)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("payments-api", List.of("instance"), false),
                        org.assertj.core.groups.Tuple.tuple("payments-ledger", List.of("ip"), false));
        assertThat(payments.get(1).targetGroups().getFirst().targets()).hasSize(3)
                .allSatisfy(t -> assertThat(t.availabilityZone()).startsWith("us-east-1"));

        NetworkLoadBalancer warehouse = gateway.describeNetworkLoadBalancers(world.outsider()).getFirst();
        assertThat(warehouse.name()).isEqualTo("warehouse-onprem");
        assertThat(warehouse.targetTypes()).containsExactly("ip");
        assertThat(warehouse.reachesOutsideVpc()).isTrue();
        assertThat(warehouse.targetGroups().getFirst().targets())
                .extracting(LoadBalancerTargetGroup.Target::id, LoadBalancerTargetGroup.Target::availabilityZone)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("10.200.10.21", "all"),
                        org.assertj.core.groups.Tuple.tuple("10.200.10.22", "all"));

        // a role whose policy predates reading target groups still lists its load balancers, targets unknown
        sandbox.control().configureRole(world.outsider().accountId(), null,
                List.of("elasticloadbalancing:DescribeTargetGroups"));
        try {
            NetworkLoadBalancer unknown = gateway.describeNetworkLoadBalancers(world.outsider()).getFirst();
            assertThat(unknown.targetGroups()).isNull();
            assertThat(unknown.targetTypes()).isEmpty();
            assertThat(unknown.reachesOutsideVpc()).isFalse();
        } finally {
            sandbox.control().configureRole(world.outsider().accountId(), null, List.of());
        }
    }

    /** The provider's seeded load balancers, read with the SDK alone (not through the gateway under test). */
    private List<String> seededNetworkLoadBalancers(AwsTarget provider) {
        var base = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDCONTRACTSEED", "seed"));
        try (var sts = StsClient.builder().endpointOverride(sandbox.endpoint()).region(Region.of(REGION))
                        .credentialsProvider(base).build();
                var assumed = StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
                        .refreshRequest(r -> r.roleArn(provider.roleArn()).externalId(provider.externalId())
                                .roleSessionName("contract-seed"))
                        .build();
                var elb = ElasticLoadBalancingV2Client.builder().endpointOverride(sandbox.endpoint())
                        .region(Region.of(REGION)).credentialsProvider(assumed).build()) {
            return elb.describeLoadBalancers().loadBalancers().stream()
                    .filter(lb -> "network".equals(lb.typeAsString()))
                    .map(LoadBalancer::loadBalancerArn).toList();
        }
    }

    private static AwsTarget target(String account) {
        return AwsTarget.system(account, REGION, "arn:aws:iam::" + account + ":role/LinkportAccess",
                "demo-" + account);
    }
}
