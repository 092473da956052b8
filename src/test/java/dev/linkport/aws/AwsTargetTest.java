package dev.linkport.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AwsTargetTest {

    private static final String ROLE = "arn:aws:iam::111111111111:role/LinkportAccess";

    @Test
    void anAccountIdMustBeTwelveDigits() {
        assertThatThrownBy(() -> AwsTarget.system("11111111111", "us-east-1", ROLE, "demo"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12 digits");
    }

    @Test
    void regionAndRoleArnAreChecked() {
        assertThatThrownBy(() -> AwsTarget.system("111111111111", "Frankfurt", ROLE, "demo"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("region");
        assertThatThrownBy(() -> AwsTarget.system("111111111111", "us-east-1", "LinkportAccess", "demo"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("role ARN");
    }

    @Test
    void actingForAUserKeepsAccountRegionAndRole() {
        AwsTarget target = AwsTarget.system("111111111111", "us-gov-west-1", ROLE, "demo").actingFor("alice");

        assertThat(target.actingUserName()).contains("alice");
        assertThat(target.accountId()).isEqualTo("111111111111");
        assertThat(target.region()).isEqualTo("us-gov-west-1");
        assertThat(target.actingFor(null).actingUserName()).isEmpty();
    }

    @Test
    void theExternalIdStaysOutOfLogs() {
        assertThat(AwsTarget.system("111111111111", "us-east-1", ROLE, "secret-ish").toString())
                .doesNotContain("secret-ish");
    }
}
