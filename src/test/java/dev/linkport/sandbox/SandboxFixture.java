package dev.linkport.sandbox;

import dev.linkport.support.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * A sandbox on a free port with a hand-moved clock, and real AWS SDK clients pointed at it (no retries); or
 * such clients for a sandbox started elsewhere, whose clock is its own.
 */
final class SandboxFixture implements AutoCloseable {

    static final String PROVIDER = "111111111111";
    static final String CONSUMER = "222222222222";
    static final String OTHER = "333333333333";

    final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
    final SandboxServer server;
    private final SdkHttpClient http = Apache5HttpClient.builder().build();
    private final List<AutoCloseable> clients = new ArrayList<>();

    SandboxFixture() {
        this(SandboxSettings.instant(), null);
    }

    SandboxFixture(SandboxSettings settings, Path stateFile) {
        this.server = SandboxServer.builder().port(0).clock(clock).settings(settings).stateFile(stateFile).start();
    }

    /** Clients for a sandbox started elsewhere ({@link #clock} does not move it); closing stops it. */
    SandboxFixture(SandboxServer running) {
        this.server = running;
    }

    SandboxControl control() {
        return server.control();
    }

    static AwsCredentialsProvider hostCredentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAHOSTEXAMPLE00001", "host-secret"));
    }

    private ClientOverrideConfiguration noRetries() {
        return ClientOverrideConfiguration.builder().retryStrategy(AwsRetryStrategy.doNotRetry()).build();
    }

    StsClient sts(AwsCredentialsProvider credentials, String region) {
        StsClient client = StsClient.builder().endpointOverride(server.endpoint()).region(Region.of(region))
                .credentialsProvider(credentials).httpClient(http).overrideConfiguration(noRetries()).build();
        clients.add(client);
        return client;
    }

    Ec2Client ec2(AwsCredentialsProvider credentials, String region) {
        Ec2Client client = Ec2Client.builder().endpointOverride(server.endpoint()).region(Region.of(region))
                .credentialsProvider(credentials).httpClient(http).overrideConfiguration(noRetries()).build();
        clients.add(client);
        return client;
    }

    ElasticLoadBalancingV2Client elb(AwsCredentialsProvider credentials, String region) {
        ElasticLoadBalancingV2Client client = ElasticLoadBalancingV2Client.builder()
                .endpointOverride(server.endpoint()).region(Region.of(region)).credentialsProvider(credentials)
                .httpClient(http).overrideConfiguration(noRetries()).build();
        clients.add(client);
        return client;
    }

    /** Credentials for the account's {@code LinkportAccess} role, through the sandbox's own AssumeRole. */
    AwsCredentialsProvider assume(String account) {
        Credentials c = sts(hostCredentials(), "us-east-1").assumeRole(r -> r
                .roleArn("arn:aws:iam::" + account + ":role/LinkportAccess").externalId("demo-" + account)
                .roleSessionName("linkport-test")).credentials();
        return StaticCredentialsProvider.create(
                AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
    }

    Ec2Client ec2(String account) {
        return ec2(assume(account), "us-east-1");
    }

    Ec2Client ec2(String account, String region) {
        return ec2(assume(account), region);
    }

    CloudWatchClient cloudWatch(String account, String region) {
        CloudWatchClient client = CloudWatchClient.builder().endpointOverride(server.endpoint())
                .region(Region.of(region)).credentialsProvider(assume(account)).httpClient(http)
                .overrideConfiguration(noRetries()).build();
        clients.add(client);
        return client;
    }

    ElasticLoadBalancingV2Client elb(String account) {
        return elb(assume(account), "us-east-1");
    }

    /** Calls the JSON control API; returns status and body. */
    HttpResponse<String> controlApi(String method, String path, String json) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.endpoint() + path))
                    .header("Content-Type", "application/json")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json))
                    .build();
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
        http.close();
        server.close();
    }
}
