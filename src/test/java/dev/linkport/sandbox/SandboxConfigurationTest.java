package dev.linkport.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

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
        });
    }

    @Test
    void theSandboxIsTheDefaultWhenNoModeIsSet() {
        runner().run(context -> assertThat(context).hasSingleBean(SandboxLifecycle.class));
    }

    @Test
    void inAwsModeThereIsNoSandbox() {
        runner().withPropertyValues("linkport.aws.mode=aws")
                .run(context -> assertThat(context).doesNotHaveBean(SandboxLifecycle.class));
    }
}
