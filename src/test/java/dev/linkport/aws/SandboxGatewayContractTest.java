package dev.linkport.aws;

import dev.linkport.sandbox.SandboxServer;
import dev.linkport.sandbox.SandboxSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
 * transitions, throttling off (the rate-limit tests cover throttling) and a fresh state file under
 * {@code target/}. The sandbox claims every {@link Capability}, so every contract test runs here.
 */
class SandboxGatewayContractTest extends PrivateLinkGatewayContract {

    private static final String REGION = "us-east-1";

    private SandboxServer sandbox;

    @Override
    protected Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    @Override
    protected EmulatorWorld startEmulator() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "sandbox-contract"));
        Path stateFile = dir.resolve("state-" + UUID.randomUUID() + ".json");
        sandbox = SandboxServer.builder().port(0).clock(Clock.systemUTC()).settings(SandboxSettings.instant())
                .stateFile(stateFile).start();
        AwsTarget provider = target("111111111111");
        return new EmulatorWorld(sandbox.endpoint(), provider, target("222222222222"), target("333333333333"),
                seededNetworkLoadBalancers(provider), null);
    }

    @Override
    protected void stopEmulator() {
        if (sandbox != null) {
            sandbox.close();
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
