package dev.linkport.aws.sdk;

import dev.linkport.aws.AwsProperties;
import dev.linkport.aws.AwsTarget;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * SDK clients per (account, region), created on first use and kept; credentials per (role, ExternalId, session
 * name) by STS AssumeRole, refreshed by the SDK before they expire. All clients share one Apache 5 HTTP client
 * and retry nothing themselves (see {@link AwsCallExecutor}).
 */
final class AwsClients implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AwsClients.class);

    /** Session names: 2–64 of {@code [\w+=,.@-]}. */
    private static final Pattern NOT_SESSION_CHAR = Pattern.compile("[^\\w+=,.@-]");
    private static final int MAX_SESSION_NAME = 64;
    private static final int MAX_CACHED_SESSIONS = 1_000;

    private record ClientKey(String accountId, String region, String roleArn, String externalId) {
        static ClientKey of(AwsTarget target) {
            return new ClientKey(target.accountId(), target.region(), target.roleArn(), target.externalId());
        }
    }

    private record SessionKey(String roleArn, String externalId, String sessionName) {
    }

    private final AwsProperties properties;
    private final SdkHttpClient http;
    private final StsClient sts;
    private final Map<ClientKey, Ec2Client> ec2Clients = new ConcurrentHashMap<>();
    private final Map<ClientKey, ElasticLoadBalancingV2Client> elbClients = new ConcurrentHashMap<>();
    private final Map<ClientKey, CloudWatchClient> cloudWatchClients = new ConcurrentHashMap<>();
    /** Least recently used sessions go first; every acting user gets a session per role. */
    private final Map<SessionKey, StsAssumeRoleCredentialsProvider> sessions =
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<SessionKey, StsAssumeRoleCredentialsProvider> eldest) {
                    if (size() > MAX_CACHED_SESSIONS) {
                        eldest.getValue().close();
                        return true;
                    }
                    return false;
                }
            };

    AwsClients(AwsProperties properties, AwsCredentialsProvider baseCredentials) {
        this.properties = properties;
        this.http = Apache5HttpClient.builder()
                .connectionTimeout(properties.timeouts().connect())
                .socketTimeout(properties.timeouts().apiCallAttempt())
                .build();
        var stsBuilder = StsClient.builder()
                .region(Region.of(properties.stsRegion()))
                .credentialsProvider(baseCredentials)
                .httpClient(http)
                .overrideConfiguration(noRetries());
        if (properties.stsEndpoint() != null) {
            stsBuilder.endpointOverride(properties.stsEndpoint());
        }
        this.sts = stsBuilder.build();
    }

    /** The STS client with Linkport's base credentials. */
    StsClient sts() {
        return sts;
    }

    Ec2Client ec2(AwsTarget target) {
        return ec2Clients.computeIfAbsent(ClientKey.of(target), key -> {
            var builder = Ec2Client.builder()
                    .region(Region.of(key.region()))
                    .credentialsProvider(credentials(target.actingFor(null)))
                    .httpClient(http)
                    .overrideConfiguration(noRetries());
            endpoint(properties.ec2Endpoint(), builder::endpointOverride);
            log.debug("Created EC2 client for {}/{}", key.accountId(), key.region());
            return builder.build();
        });
    }

    ElasticLoadBalancingV2Client elb(AwsTarget target) {
        return elbClients.computeIfAbsent(ClientKey.of(target), key -> {
            var builder = ElasticLoadBalancingV2Client.builder()
                    .region(Region.of(key.region()))
                    .credentialsProvider(credentials(target.actingFor(null)))
                    .httpClient(http)
                    .overrideConfiguration(noRetries());
            endpoint(properties.elasticLoadBalancingEndpoint(), builder::endpointOverride);
            log.debug("Created ELBv2 client for {}/{}", key.accountId(), key.region());
            return builder.build();
        });
    }

    CloudWatchClient cloudWatch(AwsTarget target) {
        return cloudWatchClients.computeIfAbsent(ClientKey.of(target), key -> {
            var builder = CloudWatchClient.builder()
                    .region(Region.of(key.region()))
                    .credentialsProvider(credentials(target.actingFor(null)))
                    .httpClient(http)
                    .overrideConfiguration(noRetries());
            endpoint(properties.cloudWatchEndpoint(), builder::endpointOverride);
            log.debug("Created CloudWatch client for {}/{}", key.accountId(), key.region());
            return builder.build();
        });
    }

    /**
     * The assumed-role credentials for the target's role and session (Linkport, or Linkport acting for the
     * target's user). Each gateway call sets these on its request, so one client serves all users.
     */
    AwsCredentialsProvider credentials(AwsTarget target) {
        SessionKey key = new SessionKey(target.roleArn(), target.externalId(),
                sessionName(target.actingUser()));
        synchronized (sessions) {
            return sessions.computeIfAbsent(key, k -> StsAssumeRoleCredentialsProvider.builder()
                    .stsClient(sts)
                    .refreshRequest(r -> r.roleArn(k.roleArn())
                            .externalId(k.externalId())
                            .roleSessionName(k.sessionName()))
                    .build());
        }
    }

    /**
     * The STS session name: {@code linkport}, or {@code linkport.<user>} for an acting user, reduced to the
     * characters AWS allows ({@code [\w+=,.@-]}, the rest become {@code -}) and to 64 characters.
     */
    static String sessionName(String actingUser) {
        if (actingUser == null || actingUser.isBlank()) {
            return "linkport";
        }
        String name = "linkport." + NOT_SESSION_CHAR.matcher(actingUser.strip()).replaceAll("-");
        return name.length() > MAX_SESSION_NAME ? name.substring(0, MAX_SESSION_NAME) : name;
    }

    private ClientOverrideConfiguration noRetries() {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.doNotRetry())
                .apiCallAttemptTimeout(properties.timeouts().apiCallAttempt())
                .apiCallTimeout(properties.timeouts().apiCallAttempt())
                .build();
    }

    private static void endpoint(URI uri, Consumer<URI> override) {
        if (uri != null) {
            override.accept(uri);
        }
    }

    @Override
    public void close() {
        List<SdkAutoCloseable> all = new ArrayList<>();
        all.addAll(ec2Clients.values());
        all.addAll(elbClients.values());
        all.addAll(cloudWatchClients.values());
        synchronized (sessions) {
            all.addAll(sessions.values());
            sessions.clear();
        }
        ec2Clients.clear();
        elbClients.clear();
        cloudWatchClients.clear();
        all.add(sts);
        all.add(http);
        for (SdkAutoCloseable closeable : all) {
            try {
                closeable.close();
            } catch (RuntimeException e) {
                log.debug("Closing {} failed", closeable, e);
            }
        }
    }
}
