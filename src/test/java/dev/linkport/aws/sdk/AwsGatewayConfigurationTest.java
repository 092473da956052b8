package dev.linkport.aws.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.aws.AwsProperties;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.aws.Vpc;
import dev.linkport.aws.sdk.StubAwsServer.Answer;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class AwsGatewayConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AwsProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, AwsGatewayConfiguration.class);

    @Test
    void settingsDefaultToSandboxModeWithRetriesAndAwsOwnLimitsAdapting() {
        context.run(app -> {
            AwsProperties properties = app.getBean(AwsProperties.class);
            assertThat(properties.sandbox()).isTrue();
            assertThat(properties.stsRegion()).isEqualTo("us-east-1");
            assertThat(properties.retry().maxAttempts()).isEqualTo(5);
            assertThat(properties.retry().maxDelay()).isEqualTo(Duration.ofSeconds(20));
            assertThat(properties.rateLimit().share()).isEqualTo(1.0);
            assertThat(properties.rateLimit().adaptive()).isTrue();
            assertThat(properties.ec2Endpoint()).isNull();
            assertThat(app).hasSingleBean(PrivateLinkGateway.class);
        });
    }

    @Test
    void perServiceEndpointsOverrideTheCommonOne() {
        context.withPropertyValues("linkport.aws.mode=aws", "linkport.aws.endpoint=http://127.0.0.1:4566",
                        "linkport.aws.endpoints.sts=http://127.0.0.1:9999", "linkport.aws.retry.max-attempts=2",
                        "linkport.aws.retry.max-delay=3s", "linkport.aws.rate-limit.share=0.5",
                        "linkport.aws.sts-region=eu-west-1")
                .run(app -> {
                    AwsProperties properties = app.getBean(AwsProperties.class);
                    assertThat(properties.sandbox()).isFalse();
                    assertThat(properties.ec2Endpoint()).isEqualTo(URI.create("http://127.0.0.1:4566"));
                    assertThat(properties.elasticLoadBalancingEndpoint()).isEqualTo(URI.create("http://127.0.0.1:4566"));
                    assertThat(properties.stsEndpoint()).isEqualTo(URI.create("http://127.0.0.1:9999"));
                    assertThat(properties.retry().maxAttempts()).isEqualTo(2);
                    assertThat(properties.retry().maxDelay()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(properties.rateLimit().share()).isEqualTo(0.5);
                    assertThat(properties.stsRegion()).isEqualTo("eu-west-1");
                });
    }

    @Test
    void anApplicationDefinedCredentialsProviderIsUsedAsBaseCredentials() {
        try (StubAwsServer aws = new StubAwsServer()) {
            aws.answer(request -> Answer.ok("<DescribeVpcsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                    + "<requestId>r</requestId></DescribeVpcsResponse>"));
            context.withPropertyValues("linkport.aws.endpoint=" + aws.endpoint())
                    .withBean(AwsCredentialsProvider.class,
                            () -> StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDINJECTED", "s")))
                    .run(app -> {
                        PrivateLinkGateway gateway = app.getBean(PrivateLinkGateway.class);

                        assertThat(gateway.describeVpcs(AwsTarget.system("111111111111", "us-east-1",
                                "arn:aws:iam::111111111111:role/LinkportAccess", "demo-111111111111")))
                                .extracting(Vpc::vpcId).isEmpty();
                        assertThat(aws.requests("AssumeRole")).singleElement()
                                .satisfies(assume -> assertThat(assume.authorization())
                                        .contains("Credential=AKIDINJECTED/"));
                    });
        }
    }

    @Test
    void sandboxModeWithoutAnInjectedProviderUsesStaticSandboxCredentials() {
        try (StubAwsServer aws = new StubAwsServer()) {
            aws.answer(request -> Answer.ok("<DescribeVpcsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                    + "<requestId>r</requestId></DescribeVpcsResponse>"));
            context.withPropertyValues("linkport.aws.endpoint=" + aws.endpoint()).run(app -> {
                app.getBean(PrivateLinkGateway.class).describeVpcs(AwsTarget.system("111111111111", "us-east-1",
                        "arn:aws:iam::111111111111:role/LinkportAccess", "demo-111111111111"));

                assertThat(aws.requests("AssumeRole")).singleElement()
                        .satisfies(assume -> assertThat(assume.authorization())
                                .contains("Credential=" + AwsGatewayConfiguration.SANDBOX_ACCESS_KEY_ID + "/"));
            });
        }
    }
}
