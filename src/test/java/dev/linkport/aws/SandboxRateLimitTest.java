package dev.linkport.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.linkport.aws.AwsGatewayException.Kind;
import dev.linkport.aws.ratelimit.ApiBucket;
import dev.linkport.aws.ratelimit.RateLimiter;
import dev.linkport.aws.sdk.SdkPrivateLinkGateway;
import dev.linkport.sandbox.SandboxServer;
import dev.linkport.sandbox.SandboxSettings;
import dev.linkport.sandbox.SandboxStats;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * The adapter's client-side rate limits and retries against the built-in sandbox with AWS's throttling on.
 * Adapter and sandbox share one {@link SharedFakeClock}: when the adapter's token bucket makes it wait, the
 * sandbox's buckets refill by exactly that time, so a burst that would take ~40 s runs in well under a second
 * and still meets AWS's real refill rates.
 */
class SandboxRateLimitTest {

    private static final String REGION = "us-east-1";
    private static final String PROVIDER = "111111111111";
    private static final String CONSUMER = "222222222222";
    private static final int BURST = 12;
    private static final String CREATE = "CreateVpcEndpoint";

    private final SharedFakeClock clock = new SharedFakeClock(Instant.now());
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private SandboxServer sandbox;
    private SdkPrivateLinkGateway gateway;
    private RateLimiter limiterShape;

    @BeforeEach
    void start() {
        sandbox = SandboxServer.builder().port(0).clock(clock).settings(SandboxSettings.instant().throttling(true))
                .start();
        // Zero backoff: every fake second that passes is then the rate limiter's doing, not jitter.
        var properties = new AwsProperties(AwsProperties.Mode.AWS, sandbox.endpoint(), null, null, REGION,
                new AwsProperties.Retry(10, Duration.ZERO, Duration.ZERO),
                // AWS's full rate, without adapting: the pace below is then the published one
                new AwsProperties.RateLimit(1.0, false),
                new AwsProperties.Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(30)));
        gateway = SdkPrivateLinkGateway.create(properties,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDRATELIMITTEST", "secret")), clock,
                new Random(7));
        limiterShape = new RateLimiter(properties.rateLimit().share(), clock);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : closeables.reversed()) {
            closeable.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static AwsTarget target(String account) {
        return AwsTarget.system(account, REGION, "arn:aws:iam::" + account + ":role/LinkportAccess",
                "demo-" + account);
    }

    /** A service on the provider's first NLB that the consumer may use without acceptance, and where to put endpoints. */
    private InterfaceEndpointRequest template() {
        AwsTarget provider = target(PROVIDER);
        AwsTarget consumer = target(CONSUMER);
        String nlb = gateway.describeNetworkLoadBalancers(provider).getFirst().arn();
        EndpointService service = gateway.createEndpointService(provider,
                new EndpointServiceRequest(List.of(nlb), false, null, Set.of(), Set.of(), "svc-" + UUID.randomUUID()));
        gateway.modifyServicePermissions(provider, service.serviceId(),
                Set.of("arn:aws:iam::" + CONSUMER + ":root"), Set.of());
        Set<String> zoneIds = service.availabilityZones().stream().map(AvailabilityZone::id)
                .collect(Collectors.toSet());
        String vpcId = gateway.describeVpcs(consumer).getFirst().vpcId();
        List<String> subnets = gateway.describeSubnets(consumer, vpcId).stream()
                .filter(subnet -> zoneIds.contains(subnet.availabilityZoneId())).map(Subnet::subnetId).toList();
        assertThat(subnets).isNotEmpty();
        return new InterfaceEndpointRequest("template", vpcId, service.serviceName(), subnets, List.of(), false,
                null);
    }

    private static InterfaceEndpointRequest withToken(InterfaceEndpointRequest template, String token) {
        return new InterfaceEndpointRequest(token, template.vpcId(), template.serviceName(), template.subnetIds(),
                template.securityGroupIds(), template.privateDnsEnabled(), template.serviceRegion());
    }

    /**
     * Fake seconds the adapter's bucket needs for {@code attempts} back-to-back attempts from a full bucket: the
     * burst at once, then AWS's refill rate, which counts from one second after the first call (AWS may see that
     * call that much later; see RateLimiter).
     */
    private double pacedSeconds(long attempts) {
        long beyondBurst = Math.max(0, attempts - limiterShape.burst(ApiBucket.VPC_ENDPOINTS));
        return beyondBurst == 0 ? 0 : 1 + beyondBurst / limiterShape.refillPerSecond(ApiBucket.VPC_ENDPOINTS);
    }

    @Test
    void aBurstOfCreateVpcEndpointIsPacedByTheAdapterAndNeverThrottledByAws() {
        InterfaceEndpointRequest template = template();
        AwsTarget consumer = target(CONSUMER);
        Duration sleptBefore = clock.slept();
        long realStart = System.nanoTime();

        List<InterfaceEndpoint> created = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            created.add(gateway.createInterfaceEndpoint(consumer, withToken(template, "burst-" + i)));
        }

        assertThat(created).extracting(InterfaceEndpoint::endpointId).doesNotHaveDuplicates().hasSize(BURST);
        SandboxStats stats = sandbox.control().stats();
        assertThat(stats.throttled()).as("requests the sandbox throttled").isZero();
        assertThat(stats.requests(CREATE)).as("CreateVpcEndpoint attempts that reached the sandbox")
                .isEqualTo(BURST);
        // 4 at once, then one every 1/0.3 s, AWS's own pace: 27.7 s of AWS time, not of the test's.
        double pacedFor = (clock.slept().minus(sleptBefore)).toNanos() / 1e9;
        assertThat(pacedFor).isCloseTo(pacedSeconds(BURST), within(0.01)).isGreaterThan(25);
        assertThat(Duration.ofNanos(System.nanoTime() - realStart)).isLessThan(Duration.ofSeconds(15));
        assertThat(gateway.describeInterfaceEndpoints(consumer,
                created.stream().map(InterfaceEndpoint::endpointId).toList())).hasSize(BURST);
    }

    @Test
    void theSameBurstFromAPlainSdkClientWithoutRetriesIsThrottledAfterFour() {
        InterfaceEndpointRequest template = template();
        var base = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDPLAINSDK", "secret"));
        StsClient sts = closing(StsClient.builder().endpointOverride(sandbox.endpoint()).region(Region.of(REGION))
                .credentialsProvider(base).build());
        AwsCredentialsProvider assumed = closing(StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
                .refreshRequest(r -> r.roleArn(target(CONSUMER).roleArn()).externalId("demo-" + CONSUMER)
                        .roleSessionName("plain-sdk"))
                .build());
        Ec2Client ec2 = closing(Ec2Client.builder().endpointOverride(sandbox.endpoint()).region(Region.of(REGION))
                .credentialsProvider(assumed)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build());

        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            String token = "plain-" + i;
            try {
                ec2.createVpcEndpoint(r -> r.vpcEndpointType("Interface").clientToken(token)
                        .vpcId(template.vpcId()).serviceName(template.serviceName())
                        .subnetIds(template.subnetIds()));
                outcomes.add("created");
            } catch (Ec2Exception e) {
                assertThat(e.isThrottlingException()).isTrue();
                assertThat(e.statusCode()).isEqualTo(503);
                outcomes.add(e.awsErrorDetails().errorCode());
            }
        }

        assertThat(outcomes.subList(0, 4)).containsOnly("created");
        assertThat(outcomes.subList(4, BURST)).containsOnly("RequestLimitExceeded");
        assertThat(sandbox.control().stats().throttled()).isEqualTo(BURST - 4);
    }

    @Test
    void aWrongExternalIdFailsPermanentlyWithAwsCodeAndIsNotRetried() {
        AwsTarget wrong = new AwsTarget(CONSUMER, REGION, target(CONSUMER).roleArn(), "demo-999999999999", null);

        assertThatThrownBy(() -> gateway.describeVpcs(wrong))
                .isInstanceOfSatisfying(AwsGatewayException.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(Kind.PERMANENT);
                    assertThat(failure.errorCode()).contains("AccessDenied");
                    assertThat(failure.httpStatus()).isEqualTo(403);
                    assertThat(failure.awsMessage()).contains("sts:AssumeRole");
                    assertThat(failure.accountId()).isEqualTo(CONSUMER);
                    // the SDK met the refusal while fetching credentials for DescribeVpcs: it is AssumeRole's
                    assertThat(failure.action()).isEqualTo(AwsGatewayException.ASSUME_ROLE);
                    assertThat(failure.assumeRoleDenied()).isTrue();
                });
        SandboxStats stats = sandbox.control().stats();
        assertThat(stats.requests("AssumeRole")).isEqualTo(1);
        assertThat(stats.requests("DescribeVpcs")).isZero();
        assertThat(clock.slept()).isEqualTo(Duration.ZERO);
    }

    @Test
    void injectedTransientFaultsAreRetriedAndEveryRetryTakesAToken() throws Exception {
        InterfaceEndpointRequest template = template();
        AwsTarget consumer = target(CONSUMER);
        controlApi("POST", "/_sandbox/faults",
                "{\"action\":\"CreateVpcEndpoint\",\"errorCode\":\"RequestLimitExceeded\",\"httpStatus\":503,"
                        + "\"rate\":0.3}");
        Duration sleptBefore = clock.slept();

        // At least the burst, and on until the sandbox has injected a fault (30% of calls: almost at once).
        List<InterfaceEndpoint> created = new ArrayList<>();
        for (int i = 0; i < 60 && (i < BURST || sandbox.control().stats().faultsInjected() == 0); i++) {
            created.add(gateway.createInterfaceEndpoint(consumer, withToken(template, "faulty-" + i)));
        }

        SandboxStats stats = sandbox.control().stats();
        long attempts = stats.requests(CREATE);
        assertThat(created).extracting(InterfaceEndpoint::endpointId).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).startsWith("vpce-"));
        assertThat(stats.faultsInjected()).isPositive();
        assertThat(attempts).isEqualTo(created.size() + stats.faultsInjected());
        assertThat(stats.throttled()).isZero();
        // The adapter waited for a token before every attempt, retries included.
        double pacedFor = (clock.slept().minus(sleptBefore)).toNanos() / 1e9;
        assertThat(pacedFor).isCloseTo(pacedSeconds(attempts), within(0.01))
                .isGreaterThan(pacedSeconds(created.size()));
        assertThat(gateway.describeInterfaceEndpoints(consumer,
                created.stream().map(InterfaceEndpoint::endpointId).toList())).hasSize(created.size());
    }

    private <T extends AutoCloseable> T closing(T closeable) {
        closeables.add(closeable);
        return closeable;
    }

    private String controlApi(String method, String path, String json) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(sandbox.endpoint() + path))
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            return answer.body();
        }
    }
}
