package dev.linkport.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkport.aws.AwsEndpointSource;
import dev.linkport.aws.AwsProperties;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.aws.Vpc;
import dev.linkport.aws.sdk.AwsGatewayConfiguration;
import dev.linkport.platform.ConflictException;
import dev.linkport.platform.SandboxDns;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

class SandboxConfigurationTest {

    @TempDir
    Path dir;

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SandboxProperties.class)
    @Import(SandboxConfiguration.class)
    static class Wiring {
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner().withUserConfiguration(Wiring.class)
                .withPropertyValues("linkport.sandbox.port=0",
                        "linkport.sandbox.state-file=" + dir.resolve("sandbox.json"),
                        "linkport.sandbox.delays.pending-to-available=500ms");
    }

    @Test
    void inSandboxModeTheSandboxRunsOnAFreePortWithTheConfiguredDelays() {
        runner().run(context -> {
            SandboxLifecycle sandbox = context.getBean(SandboxLifecycle.class);
            assertThat(sandbox.isRunning()).isTrue();
            assertThat(sandbox.endpoint().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(sandbox.endpoint().getPort()).isNotEqualTo(4566);
            assertThat(sandbox.control().settings().pendingToAvailable().toMillis()).isEqualTo(500);
            assertThat(sandbox.control().settings().deletedRetention().toSeconds()).isEqualTo(60);
            assertThat(sandbox.control().settings().throttling()).isTrue();
            assertThat(context).doesNotHaveBean(RemoteSandbox.class);
        });
    }

    @Test
    void theSandboxIsTheDefaultWhenNoModeIsSet() {
        runner().run(context -> assertThat(context).hasSingleBean(SandboxLifecycle.class));
    }

    @Test
    void inAwsModeThereIsNoSandbox() {
        runner().withPropertyValues("linkport.aws.mode=aws")
                .run(context -> assertThat(context).doesNotHaveBean(SandboxLifecycle.class)
                        .doesNotHaveBean(RemoteSandbox.class).doesNotHaveBean(SandboxDns.class));
    }

    @Test
    void anInProcessSandboxWhosePortIsTakenSaysHowToUseTheOneThatRunsThere() {
        try (SandboxServer running = SandboxServer.builder().port(0).start()) {
            runner().withPropertyValues("linkport.sandbox.port=" + running.port()).run(context ->
                    assertThat(context).getFailure().hasStackTraceContaining("could not listen on")
                            .hasStackTraceContaining("set linkport.sandbox.url=http://127.0.0.1:" + running.port()));
        }
    }

    @Test
    void withAUrlLinkportStartsNoSandboxAndUsesTheRunningOneForAwsAndTxtRecords() {
        try (SandboxServer running = SandboxServer.builder().port(0).settings(SandboxSettings.instant()).start()) {
            runner().withPropertyValues("linkport.sandbox.url=" + running.endpoint()).run(context -> {
                assertThat(context).doesNotHaveBean(SandboxLifecycle.class);
                assertThat(context.getBean(AwsEndpointSource.class).endpoint()).isEqualTo(running.endpoint());
                assertThat(context).doesNotHaveBean(SandboxServer.class);

                context.getBean(SandboxDns.class).publishTxtRecord("_vpce-check.ledger.example.com.", "\"vpce:abc\"");

                assertThat(running.control().txtRecords()).containsEntry("_vpce-check.ledger.example.com", "vpce:abc");
            });
        }
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void theAwsGatewayCallsTheSandboxAtTheUrl() {
        try (SandboxServer running = SandboxServer.builder().port(0).settings(SandboxSettings.instant()).start()) {
            runner().withUserConfiguration(Gateway.class)
                    .withPropertyValues("linkport.sandbox.url=" + running.endpoint() + "/").run(context -> {
                        PrivateLinkGateway gateway = context.getBean(PrivateLinkGateway.class);

                        var vpcs = gateway.describeVpcs(AwsTarget.system(SandboxFixture.CONSUMER, "us-east-1",
                                "arn:aws:iam::222222222222:role/LinkportAccess", "demo-222222222222"));

                        assertThat(vpcs).extracting(Vpc::vpcId).hasSize(1);
                        assertThat(running.control().stats().requests()).containsKeys("AssumeRole", "DescribeVpcs");
                    });
        }
    }

    @Test
    void aSandboxThatIsDownAtStartDoesNotStopLinkportAndPublishingSaysWhy() {
        int freePort;
        try (SandboxServer gone = SandboxServer.builder().port(0).start()) {
            freePort = gone.port();
        }
        URI url = URI.create("http://127.0.0.1:" + freePort);
        runner().withPropertyValues("linkport.sandbox.url=" + url).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(SandboxLifecycle.class);
            assertThat(context.getBean(AwsEndpointSource.class).endpoint()).isEqualTo(url);
            assertThat(context.getBean(RemoteSandbox.class).answers()).isFalse();

            assertThatThrownBy(() -> context.getBean(SandboxDns.class).publishTxtRecord("_x.example.com", "v"))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageStartingWith("The AWS sandbox at " + url + " does not answer");
        });
    }

    @Test
    void aUrlThatIsNotHttpIsRefusedAtStart() {
        runner().withPropertyValues("linkport.sandbox.url=localhost:4566").run(context ->
                assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("linkport.sandbox.url must be an http URL"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AwsProperties.class)
    @Import(AwsGatewayConfiguration.class)
    static class Gateway {
    }
}
