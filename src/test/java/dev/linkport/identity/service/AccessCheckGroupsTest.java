package dev.linkport.identity.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.aws.AccessProbe;
import dev.linkport.identity.service.AccessCheckService.PermissionGroup;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AccessCheckGroupsTest {

    @Test
    void everyProbeIsOneGroupAndNeedsOnlyActionsThePermissionPolicyGrants() {
        List<String> granted = new ArrayList<>(AccountPolicies.PROVIDER_ACTIONS);
        granted.addAll(AccountPolicies.CONSUMER_ACTIONS);

        assertThat(AccessCheckService.GROUPS).extracting(PermissionGroup::probe)
                .containsExactlyInAnyOrder(AccessProbe.values());
        assertThat(AccessCheckService.GROUPS).extracting(g -> g.probe().iamAction()).allSatisfy(action ->
                assertThat(granted).contains(action));
        assertThat(AccountPolicies.consumerPolicy("123456789012", "payments", List.of("us-east-1")))
                .contains(AccessProbe.DESCRIBE_ENDPOINTS.iamAction());
    }

    @ParameterizedTest(name = "{0} covers {1}: {2}")
    @CsvSource({
            "arn:aws:iam::000000000000:root, arn:aws:iam::000000000000:root, true",
            "arn:aws:iam::123456789012:root, arn:aws:sts::123456789012:assumed-role/linkport/i-0abc, true",
            "arn:aws:iam::123456789012:role/linkport, arn:aws:sts::123456789012:assumed-role/linkport/i-0abc, true",
            "arn:aws:iam::123456789012:role/ops/linkport, arn:aws:sts::123456789012:assumed-role/linkport/s, true",
            "arn:aws:iam::123456789012:role/linkport, arn:aws:sts::123456789012:assumed-role/other/i-0abc, false",
            "arn:aws:iam::123456789012:role/linkport, arn:aws:sts::999999999999:assumed-role/linkport/i-0abc, false",
            "arn:aws:iam::123456789012:root, arn:aws:iam::999999999999:user/ci, false",
    })
    void aTrustPolicyPrincipalCoversTheCallerAwsNamedOnlyWhenAwsWouldLetItIn(String principal, String caller,
                                                                             boolean covers) {
        assertThat(AccessCheckService.principalCovers(principal, caller)).isEqualTo(covers);
    }
}
