package dev.linkport.aws.sdk;

import dev.linkport.aws.AwsEndpointSource;
import dev.linkport.aws.AwsReachability;
import dev.linkport.aws.AwsProperties;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.aws.UsageMetrics;
import dev.linkport.aws.ratelimit.BucketStore;
import dev.linkport.aws.ratelimit.InMemoryBucketStore;
import dev.linkport.aws.ratelimit.JdbcBucketStore;
import dev.linkport.aws.ratelimit.RateLimitMetrics;
import dev.linkport.aws.ratelimit.RateLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import dev.linkport.aws.ratelimit.ThrottleHistory;
import dev.linkport.aws.ratelimit.TimeSource;
import java.time.Clock;
import java.util.Random;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Creates the {@link PrivateLinkGateway}. The base credentials (those Linkport assumes team roles with) come
 * from an {@link AwsCredentialsProvider} bean if the application defines exactly one; otherwise from the
 * default provider chain in {@code aws} mode, or static dummy credentials in {@code sandbox} mode (the
 * sandbox does not check signatures' secrets, and the endpoint override keeps every call local). Without a
 * configured {@code linkport.aws.endpoint}, an {@link AwsEndpointSource} bean (the sandbox) supplies it.
 */
@Configuration(proxyBeanMethods = false)
public class AwsGatewayConfiguration {

    /** Access key id of the dummy base credentials used in sandbox mode. */
    public static final String SANDBOX_ACCESS_KEY_ID = "LINKPORTSANDBOX";

    /**
     * Rate budgets per (account, region, bucket), shared by every instance through the database (kept in
     * this JVM only where there is no database, as in tools and slice tests).
     */
    @Bean
    RateLimiter awsRateLimiter(AwsProperties properties, ObjectProvider<JdbcClient> jdbc,
                               ObjectProvider<PlatformTransactionManager> transactions,
                               ObjectProvider<MeterRegistry> meters, ThrottleHistory throttleHistory) {
        JdbcClient client = jdbc.getIfUnique();
        PlatformTransactionManager manager = transactions.getIfUnique();
        BucketStore store = client != null && manager != null ? new JdbcBucketStore(client, manager)
                : new InMemoryBucketStore();
        RateLimiter limiter = new RateLimiter(properties.rateLimit().share(), properties.rateLimit().adaptive(),
                TimeSource.SYSTEM, store);
        meters.ifAvailable(registry -> new RateLimitMetrics(limiter, registry));
        limiter.listen(throttleHistory);
        return limiter;
    }

    /** Throttles per hour and group of actions, kept in the database (in this JVM where there is none). */
    @Bean
    ThrottleHistory awsThrottleHistory(ObjectProvider<JdbcClient> jdbc, ObjectProvider<Clock> clock) {
        return new ThrottleHistory(jdbc.getIfUnique(), clock.getIfUnique(Clock::systemUTC));
    }

    /** Whether AWS answers, per region and account, as this instance's calls find it. */
    @Bean
    AwsReachability awsReachability() {
        return new AwsReachability(Clock.systemUTC());
    }

    @Bean(destroyMethod = "close")
    SdkPrivateLinkGateway privateLinkGateway(AwsProperties configured, RateLimiter limiter,
            AwsReachability reachability, ObjectProvider<AwsCredentialsProvider> baseCredentials,
            ObjectProvider<AwsEndpointSource> endpointSource, ObjectProvider<MeterRegistry> meters) {
        AwsEndpointSource source = endpointSource.getIfUnique();
        AwsProperties properties = configured.endpoint() == null && source != null
                ? configured.withEndpoint(source.endpoint()) : configured;
        AwsCredentialsProvider base = baseCredentials.getIfUnique(() -> defaultBaseCredentials(properties));
        MeterRegistry registry = meters.getIfAvailable();
        AwsCallMetrics metrics = registry == null ? AwsCallMetrics.NONE : new AwsCallMetrics(registry);
        return SdkPrivateLinkGateway.create(properties, base, limiter, reachability, metrics, TimeSource.SYSTEM,
                new Random());
    }

    /** PrivateLink usage from CloudWatch, through the gateway's clients and rate budgets. */
    @Bean
    UsageMetrics usageMetrics(SdkPrivateLinkGateway gateway) {
        return gateway.usageMetrics();
    }

    static AwsCredentialsProvider defaultBaseCredentials(AwsProperties properties) {
        if (properties.sandbox()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(SANDBOX_ACCESS_KEY_ID, "sandbox"));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
