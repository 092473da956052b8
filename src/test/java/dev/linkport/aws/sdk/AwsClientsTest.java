package dev.linkport.aws.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AwsClientsTest {

    @Test
    void withoutAnActingUserTheSessionIsNamedLinkport() {
        assertThat(AwsClients.sessionName(null)).isEqualTo("linkport");
        assertThat(AwsClients.sessionName("  ")).isEqualTo("linkport");
    }

    @Test
    void theActingUserIsPartOfTheSessionNameWithCharactersAwsAllows() {
        assertThat(AwsClients.sessionName("alice@example.com")).isEqualTo("linkport.alice@example.com");
        assertThat(AwsClients.sessionName("Jürgen Müller/ops")).isEqualTo("linkport.J-rgen-M-ller-ops");
        assertThat(AwsClients.sessionName("a".repeat(100))).hasSize(64).matches("[\\w+=,.@-]{2,64}");
    }
}
