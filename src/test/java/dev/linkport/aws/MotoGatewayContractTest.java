package dev.linkport.aws;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerSchemeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * The gateway contract against {@code moto_server} (Python moto), started on a free port for this class. Moto
 * has no seeded world, so the VPCs, subnets and load balancers are created here through the SDK.
 *
 * <p>Moto 5.2 lacks DescribeVpcEndpointConnections, Accept/RejectVpcEndpointConnections and private-DNS
 * verification (it answers 500), never makes endpoints wait for acceptance, ignores ClientTokens and
 * ExternalIds, ignores removing a private DNS name or changing IP address types, and does not show one
 * account's endpoint services to another: those tests are skipped here. It keeps the tags services and endpoints
 * are created with.
 */
class MotoGatewayContractTest extends PrivateLinkGatewayContract {

    private static final String REGION = "us-east-1";
    private static final String PROVIDER = "111111111111";
    private static final String CONSUMER = "222222222222";
    private static final String OUTSIDER = "333333333333";

    private Process moto;

    @Override
    protected Set<Capability> capabilities() {
        return EnumSet.of(Capability.TAGS_ON_CREATE);
    }

    @Override
    protected EmulatorWorld startEmulator() throws Exception {
        assumeTrue(onPath("moto_server"),
                "moto_server is not on the PATH, so the gateway contract does not run against moto here "
                        + "(install it with: pip install 'moto[server]')");
        int port = freePort();
        Path log = Files.createTempFile("moto-server-", ".log");
        moto = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true)
                .start();
        awaitRunning(port, log);
        URI endpoint = URI.create("http://127.0.0.1:" + port);

        AwsTarget provider = target(PROVIDER);
        AwsTarget consumer = target(CONSUMER);
        try (var seeder = new Seeder(endpoint)) {
            List<String> nlbs = seeder.providerWorld(provider);
            String consumerVpc = seeder.consumerWorld(consumer);
            return new EmulatorWorld(endpoint, provider, consumer, target(OUTSIDER), nlbs, consumerVpc);
        }
    }

    @Override
    protected void stopEmulator() {
        if (moto == null) {
            return;
        }
        moto.descendants().forEach(ProcessHandle::destroy);
        moto.destroy();
        try {
            if (!moto.waitFor(10, TimeUnit.SECONDS)) {
                moto.destroyForcibly();
            }
        } catch (InterruptedException e) {
            moto.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static AwsTarget target(String account) {
        return AwsTarget.system(account, REGION, "arn:aws:iam::" + account + ":role/LinkportAccess",
                "demo-" + account);
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Waits (without polling) until moto prints that it is running, copying its output to {@code log}, then
     * checks that it answers HTTP.
     */
    private void awaitRunning(int port, Path log) throws Exception {
        CompletableFuture<Void> running = new CompletableFuture<>();
        Thread pump = Thread.ofVirtual().start(() -> {
            try (var reader = new BufferedReader(new InputStreamReader(moto.getInputStream(), StandardCharsets.UTF_8));
                    var out = Files.newBufferedWriter(log)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    out.write(line);
                    out.newLine();
                    out.flush();
                    if (line.contains("Running on") && line.contains(":" + port)) {
                        running.complete(null);
                    }
                }
                running.completeExceptionally(new IllegalStateException(
                        "moto_server exited before it was running; see " + log));
            } catch (IOException e) {
                running.completeExceptionally(new UncheckedIOException(e));
            }
        });
        try {
            running.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            pump.interrupt();
            throw new IllegalStateException("moto_server did not start on port " + port + "; see " + log, e);
        }
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() >= 500) {
                throw new IllegalStateException("moto_server answers " + answer.statusCode());
            }
        }
    }

    /** Test-only set-up straight through the SDK: what a real team would have built in its accounts. */
    private static final class Seeder implements AutoCloseable {

        private final URI endpoint;
        private final SdkHttpClient http = Apache5HttpClient.builder().build();
        private final StsClient sts;
        private final List<AutoCloseable> closeables = new ArrayList<>();

        Seeder(URI endpoint) {
            this.endpoint = endpoint;
            this.sts = StsClient.builder().endpointOverride(endpoint).region(Region.of(REGION)).httpClient(http)
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create("AKIDMOTOSEED", "seed")))
                    .build();
        }

        private StsAssumeRoleCredentialsProvider credentials(AwsTarget target) {
            var provider = StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
                    .refreshRequest(r -> r.roleArn(target.roleArn()).externalId(target.externalId())
                            .roleSessionName("linkport-test-seed"))
                    .build();
            closeables.add(provider);
            return provider;
        }

        private Ec2Client ec2(AwsTarget target) {
            Ec2Client client = Ec2Client.builder().endpointOverride(endpoint).region(Region.of(REGION))
                    .httpClient(http).credentialsProvider(credentials(target)).build();
            closeables.add(client);
            return client;
        }

        /** A VPC with subnets in three zones and two internal network load balancers. */
        List<String> providerWorld(AwsTarget provider) {
            Ec2Client ec2 = ec2(provider);
            String vpc = ec2.createVpc(r -> r.cidrBlock("10.10.0.0/16")).vpc().vpcId();
            List<String> subnets = List.of(
                    subnet(ec2, vpc, "10.10.1.0/24", REGION + "a"),
                    subnet(ec2, vpc, "10.10.2.0/24", REGION + "b"),
                    subnet(ec2, vpc, "10.10.3.0/24", REGION + "c"));
            try (var elb = ElasticLoadBalancingV2Client.builder().endpointOverride(endpoint)
                    .region(Region.of(REGION)).httpClient(http).credentialsProvider(credentials(provider)).build()) {
                return List.of(
                        nlb(elb, "orders-nlb", subnets.subList(0, 2)),
                        nlb(elb, "billing-nlb", subnets.subList(1, 3)));
            }
        }

        /** A VPC with subnets in two zones and a security group; returns the VPC id. */
        String consumerWorld(AwsTarget consumer) {
            Ec2Client ec2 = ec2(consumer);
            String vpc = ec2.createVpc(r -> r.cidrBlock("10.20.0.0/16")).vpc().vpcId();
            subnet(ec2, vpc, "10.20.1.0/24", REGION + "a");
            subnet(ec2, vpc, "10.20.2.0/24", REGION + "b");
            ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("linkport-endpoints")
                    .description("Interface endpoints"));
            return vpc;
        }

        private static String subnet(Ec2Client ec2, String vpc, String cidr, String zone) {
            return ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidr).availabilityZone(zone)).subnet().subnetId();
        }

        private static String nlb(ElasticLoadBalancingV2Client elb, String name, List<String> subnets) {
            return elb.createLoadBalancer(r -> r.name(name).type(LoadBalancerTypeEnum.NETWORK)
                    .scheme(LoadBalancerSchemeEnum.INTERNAL).subnets(subnets))
                    .loadBalancers().getFirst().loadBalancerArn();
        }

        @Override
        public void close() throws Exception {
            for (AutoCloseable closeable : closeables.reversed()) {
                closeable.close();
            }
            sts.close();
            http.close();
        }
    }
}
