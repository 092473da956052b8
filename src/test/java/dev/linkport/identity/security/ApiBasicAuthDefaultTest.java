package dev.linkport.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.identity.service.DemoUserPolicy;
import org.junit.jupiter.api.Test;

class ApiBasicAuthDefaultTest {

    static final DemoUserPolicy SANDBOX_ON_LOOPBACK = new DemoUserPolicy(true, "127.0.0.1");
    static final DemoUserPolicy SANDBOX_ON_EVERY_INTERFACE = new DemoUserPolicy(true, "0.0.0.0");
    static final DemoUserPolicy REAL_AWS = new DemoUserPolicy(false, "127.0.0.1");

    @Test
    void passwordsAreAcceptedOnTheApiByDefaultOnlyInSandboxModeOnLoopback() {
        assertThat(SecurityConfiguration.basicAuthEnabled(null, SANDBOX_ON_LOOPBACK)).isTrue();
        assertThat(SecurityConfiguration.basicAuthEnabled(null, SANDBOX_ON_EVERY_INTERFACE)).isFalse();
        assertThat(SecurityConfiguration.basicAuthEnabled(null, REAL_AWS)).isFalse();
    }

    @Test
    void anExplicitSettingWinsInEitherMode() {
        assertThat(SecurityConfiguration.basicAuthEnabled(false, SANDBOX_ON_LOOPBACK)).isFalse();
        assertThat(SecurityConfiguration.basicAuthEnabled(true, REAL_AWS)).isTrue();
    }
}
