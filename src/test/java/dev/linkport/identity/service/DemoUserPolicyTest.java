package dev.linkport.identity.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoUserPolicyTest {

    @Test
    void demoUsersAreAllowedInSandboxModeOnLoopbackAlone() {
        assertThat(new DemoUserPolicy(true, "127.0.0.1").allowed()).isTrue();
        assertThat(new DemoUserPolicy(true, "::1").allowed()).isTrue();
        assertThat(new DemoUserPolicy(true, "localhost").allowed()).isTrue();
        assertThat(new DemoUserPolicy(true, "127.0.0.1").whyNot()).isEmpty();
    }

    @Test
    void listeningOnEveryInterfaceOrAnotherAddressMeansNoDemoUsersEvenInSandboxMode() {
        assertThat(new DemoUserPolicy(true, null).allowed()).isFalse();
        assertThat(new DemoUserPolicy(true, " ").allowed()).isFalse();
        assertThat(new DemoUserPolicy(true, "0.0.0.0").allowed()).isFalse();
        assertThat(new DemoUserPolicy(true, "::").allowed()).isFalse();
        assertThat(new DemoUserPolicy(true, "10.1.2.3").allowed()).isFalse();
        assertThat(new DemoUserPolicy(true, "0.0.0.0").whyNot())
                .contains("listens on 0.0.0.0").contains("server.address=127.0.0.1");
        assertThat(new DemoUserPolicy(true, null).whyNot()).contains("every interface");
    }

    @Test
    void realAwsNeverHasDemoUsers() {
        assertThat(new DemoUserPolicy(false, "127.0.0.1").allowed()).isFalse();
        assertThat(new DemoUserPolicy(false, "127.0.0.1").whyNot()).contains("not in sandbox mode");
    }
}
