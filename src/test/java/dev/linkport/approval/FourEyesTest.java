package dev.linkport.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.approval.service.ApprovalProperties;
import dev.linkport.approval.service.FourEyes;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.ChangeApproval;
import dev.linkport.catalog.service.ApprovalPolicyChanges;
import dev.linkport.identity.MembershipRole;
import dev.linkport.identity.service.Caller;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The four-eyes rules on their own: who may decide their own request, who may lower an approval policy, and who may
 * let endpoint changes through without approval.
 */
class FourEyesTest {

    static final UUID TEAM = UUID.randomUUID();
    static final Caller MEMBER = caller(false, MembershipRole.MEMBER);
    static final Caller OWNER = caller(false, MembershipRole.OWNER);
    static final Caller ADMIN = caller(true, null);

    @Test
    void byDefaultNobodyDecidesTheirOwnRequestUnderAnyPolicyAdminsIncluded() {
        FourEyes rule = new FourEyes(new ApprovalProperties(null));
        for (ApprovalPolicy policy : ApprovalPolicy.values()) {
            assertThat(rule.refusal(MEMBER, MEMBER.userId(), policy)).contains("your own request");
            assertThat(rule.refusal(ADMIN, ADMIN.userId(), policy)).contains("your own request");
            assertThat(rule.refusal(MEMBER, UUID.randomUUID(), policy)).isNull();
        }
    }

    @Test
    void theSettingAllowsDecidingOnesOwnRequestUnderTheNamedPoliciesOnly() {
        FourEyes rule = new FourEyes(new ApprovalProperties(Set.of(ApprovalPolicy.PROVIDER)));
        assertThat(rule.refusal(MEMBER, MEMBER.userId(), ApprovalPolicy.PROVIDER)).isNull();
        assertThat(rule.refusal(ADMIN, ADMIN.userId(), ApprovalPolicy.ADMIN)).isNotNull();
        assertThat(rule.refusal(ADMIN, ADMIN.userId(), ApprovalPolicy.AUTO)).isNotNull();
    }

    @Test
    void membersMayOnlyKeepOrRaiseAPolicyOwnersMayLowerItButNotFromAdminAdminsMayDoAnything() {
        assertThat(ApprovalPolicyChanges.choices(MEMBER, TEAM, ApprovalPolicy.AUTO)).containsExactlyInAnyOrder(
                ApprovalPolicy.AUTO, ApprovalPolicy.PROVIDER, ApprovalPolicy.ADMIN);
        assertThat(ApprovalPolicyChanges.choices(MEMBER, TEAM, ApprovalPolicy.PROVIDER)).containsExactlyInAnyOrder(
                ApprovalPolicy.PROVIDER, ApprovalPolicy.ADMIN);
        assertThat(ApprovalPolicyChanges.choices(MEMBER, TEAM, ApprovalPolicy.ADMIN)).containsExactly(ApprovalPolicy.ADMIN);
        assertThat(ApprovalPolicyChanges.choices(OWNER, TEAM, ApprovalPolicy.PROVIDER)).containsExactlyInAnyOrder(
                ApprovalPolicy.AUTO, ApprovalPolicy.PROVIDER, ApprovalPolicy.ADMIN);
        assertThat(ApprovalPolicyChanges.choices(OWNER, TEAM, ApprovalPolicy.ADMIN)).containsExactly(ApprovalPolicy.ADMIN);
        assertThat(ApprovalPolicyChanges.choices(ADMIN, TEAM, ApprovalPolicy.ADMIN)).containsExactlyInAnyOrder(
                ApprovalPolicy.AUTO, ApprovalPolicy.PROVIDER, ApprovalPolicy.ADMIN);
        assertThat(ApprovalPolicyChanges.refusal(MEMBER, TEAM, "payments", ApprovalPolicy.PROVIDER, ApprovalPolicy.AUTO))
                .isEqualTo("Only an owner of payments or a platform admin may lower the approval policy from PROVIDER "
                        + "to AUTO");
        assertThat(ApprovalPolicyChanges.refusal(OWNER, TEAM, "payments", ApprovalPolicy.ADMIN, ApprovalPolicy.AUTO))
                .startsWith("Only a platform admin");
        assertThat(ApprovalPolicyChanges.refusal(MEMBER, TEAM, "payments", ApprovalPolicy.PROVIDER, null)).isNull();
    }

    @Test
    void membersMayAskForApprovalOfEndpointChangesOwnersMayDropItButForAnAdminDecidedServiceOnlyAdmins() {
        assertThat(ApprovalPolicyChanges.changeApprovalChoices(MEMBER, TEAM, ApprovalPolicy.PROVIDER,
                ChangeApproval.NONE)).containsExactlyInAnyOrder(ChangeApproval.NONE, ChangeApproval.SAME_AS_REQUESTS);
        assertThat(ApprovalPolicyChanges.changeApprovalChoices(MEMBER, TEAM, ApprovalPolicy.PROVIDER,
                ChangeApproval.SAME_AS_REQUESTS)).containsExactly(ChangeApproval.SAME_AS_REQUESTS);
        assertThat(ApprovalPolicyChanges.changeApprovalRefusal(MEMBER, TEAM, "payments", ApprovalPolicy.PROVIDER,
                ChangeApproval.SAME_AS_REQUESTS, ChangeApproval.NONE))
                .isEqualTo("Only an owner of payments or a platform admin may let endpoint changes through without "
                        + "approval");
        assertThat(ApprovalPolicyChanges.changeApprovalRefusal(OWNER, TEAM, "payments", ApprovalPolicy.PROVIDER,
                ChangeApproval.SAME_AS_REQUESTS, ChangeApproval.NONE)).isNull();
        assertThat(ApprovalPolicyChanges.changeApprovalRefusal(OWNER, TEAM, "payments", ApprovalPolicy.ADMIN,
                ChangeApproval.SAME_AS_REQUESTS, ChangeApproval.NONE)).startsWith("Only a platform admin");
        assertThat(ApprovalPolicyChanges.changeApprovalRefusal(ADMIN, TEAM, "payments", ApprovalPolicy.ADMIN,
                ChangeApproval.SAME_AS_REQUESTS, ChangeApproval.NONE)).isNull();
    }

    @Test
    void changesWaitOnlyWhenTheServiceAsksAndItsRequestsAreNotApprovedAtOnce() {
        assertThat(ChangeApproval.SAME_AS_REQUESTS.changesWait(ApprovalPolicy.PROVIDER)).isTrue();
        assertThat(ChangeApproval.SAME_AS_REQUESTS.changesWait(ApprovalPolicy.ADMIN)).isTrue();
        assertThat(ChangeApproval.SAME_AS_REQUESTS.changesWait(ApprovalPolicy.AUTO)).isFalse();
        assertThat(ChangeApproval.NONE.changesWait(ApprovalPolicy.ADMIN)).isFalse();
    }

    private static Caller caller(boolean admin, MembershipRole role) {
        return new Caller(UUID.randomUUID(), "someone", admin, role == null ? Map.of() : Map.of(TEAM, role));
    }
}
