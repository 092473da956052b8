package dev.linkport.aws.sdk;

import dev.linkport.aws.AwsEndpointSource;
import dev.linkport.aws.AwsProperties;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.aws.ratelimit.TimeSource;
import java.util.Random;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

    @Bean(destroyMethod = "close")
    SdkPrivateLinkGateway privateLinkGateway(AwsProperties configured,
            ObjectProvider<AwsCredentialsProvider> baseCredentials, ObjectProvider<AwsEndpointSource> endpointSource) {
        AwsEndpointSource source = endpointSource.getIfUnique();
        AwsProperties properties = configured.endpoint() == null && source != null
                ? configured.withEndpoint(source.endpoint()) : configured;
        AwsCredentialsProvider base = baseCredentials.getIfUnique(() -> defaultBaseCredentials(properties));
        return SdkPrivateLinkGateway.create(properties, base, TimeSource.SYSTEM, new Random());
    }

    static AwsCredentialsProvider defaultBaseCredentials(AwsProperties properties) {
        if (properties.sandbox()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(SANDBOX_ACCESS_KEY_ID, "sandbox"));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
