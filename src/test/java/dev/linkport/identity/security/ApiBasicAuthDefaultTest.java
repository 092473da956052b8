package dev.linkport.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.aws.AwsProperties;
import dev.linkport.aws.AwsProperties.Mode;
import org.junit.jupiter.api.Test;

class ApiBasicAuthDefaultTest {

    static final AwsProperties SANDBOX = new AwsProperties(Mode.SANDBOX, null, null);
    static final AwsProperties REAL_AWS = new AwsProperties(Mode.AWS, null, "arn:aws:iam::123456789012:role/linkport");

    @Test
    void passwordsAreAcceptedOnTheApiByDefaultOnlyInSandboxMode() {
        assertThat(SecurityConfiguration.basicAuthEnabled(null, SANDBOX)).isTrue();
        assertThat(SecurityConfiguration.basicAuthEnabled(null, REAL_AWS)).isFalse();
    }

    @Test
    void anExplicitSettingWinsInEitherMode() {
        assertThat(SecurityConfiguration.basicAuthEnabled(false, SANDBOX)).isFalse();
        assertThat(SecurityConfiguration.basicAuthEnabled(true, REAL_AWS)).isTrue();
    }
}
