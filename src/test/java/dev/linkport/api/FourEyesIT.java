package dev.linkport.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.linkport.api.ApiClient.Response;
import dev.linkport.approval.service.ApprovalProperties;
import dev.linkport.approval.service.ApprovalService;
import dev.linkport.approval.service.ApprovalService.PendingDecision;
import dev.linkport.approval.service.FourEyes;
import dev.linkport.approval.service.SelfDecisionRefusedException;
import dev.linkport.audit.service.AuditLog;
import dev.linkport.audit.service.AuditQueryService;
import dev.linkport.audit.service.AuditQueryService.AuditRow;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.PrincipalMode;
import dev.linkport.catalog.service.EditServiceCommand;
import dev.linkport.catalog.service.ListingDirectory;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.catalog.service.ServiceEditService;
import dev.linkport.catalog.service.ServiceSettings;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.service.EndpointRequestService;
import dev.linkport.consumer.service.ServiceRequests;
import dev.linkport.consumer.service.WaitingRequestsFilter;
import dev.linkport.identity.MembershipRole;
import dev.linkport.identity.service.AccessPolicy;
import dev.linkport.identity.service.TeamCommands.AddMember;
import dev.linkport.identity.service.TeamDirectory;
import dev.linkport.identity.service.TeamService;
import dev.linkport.identity.service.UserCommands.CreateUser;
import dev.linkport.identity.service.UserDirectory;
import dev.linkport.identity.service.UserService;
import dev.linkport.platform.ForbiddenException;
import dev.linkport.provider.service.AddPrincipal;
import dev.linkport.provider.service.PrincipalService;
import dev.linkport.support.Ids;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.LoopFixture;
import dev.linkport.support.TestUsers;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Four eyes (issue 13, build 2), through the services and the REST API: nobody decides their own request, admins
 * included, unless the setting names the policy; lowering a service's approval policy and allowing {@code *} need
 * an owner of its team, lowering from {@code ADMIN} a platform admin; all of it audited. The people who decide
 * their own requests here are users of their own, added to the demo teams, so the demo users stay as they are.
 */
@LinkportIntegrationTest
class FourEyesIT {

    static final String PASSWORD = ApiJourneyIT.PASSWORD;

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired LoopFixture loop;
    @Autowired EndpointRequestService requests;
    @Autowired ApprovalService approvals;
    @Autowired ServiceEditService settings;
    @Autowired PrincipalService principals;
    @Autowired AuditQueryService audit;
    @Autowired UserService userService;
    @Autowired TeamService teamService;
    @Autowired TeamDirectory teams;
    // what an ApprovalService with another setting is made of
    @Autowired ServiceRequests serviceRequests;
    @Autowired ListingDirectory listings;
    @Autowired UserDirectory userDirectory;
    @Autowired AccessPolicy access;
    @Autowired TransactionTemplate tx;
    @Autowired AuditLog auditLog;

    @Test
    void aRequesterInTheProviderTeamMayNeitherApproveNorRejectTheirOwnRequestButAColleagueMay() {
        String erin = newUser("erin", false, Map.of("payments", MembershipRole.MEMBER, "checkout", MembershipRole.MEMBER));
        ServiceDetail service = loop.publishedService(ApprovalPolicy.PROVIDER, "payments-api");
        UUID own = submit(erin, service);
        UUID bobs = submit("bob", service);

        assertThatThrownBy(() -> users.as(erin, () -> approvals.approve(own, "mine")))
                .isInstanceOf(SelfDecisionRefusedException.class).hasMessageContaining("your own request");
        assertThatThrownBy(() -> users.as(erin, () -> approvals.reject(own, "changed my mind")))
                .isInstanceOf(SelfDecisionRefusedException.class);
        ApiClient erinApi = ApiClient.basic(port, erin, PASSWORD);
        Response approved = erinApi.post("/api/v1/endpoint-requests/" + own + "/approve", Map.of("reason", "mine"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(403);
        assertThat(approved.text("detail")).contains("your own request").contains("someone else");

        // the dashboard keeps it in erin's queue, saying why she cannot decide it; bob's she may decide
        List<PendingDecision> queue = users.as(erin, () -> approvals.pendingDecisions(
                new WaitingRequestsFilter(service.id(), null, null, null), 0, 10));
        assertThat(queue).extracting(p -> p.request().id(), PendingDecision::decidable)
                .containsExactlyInAnyOrder(tuple(own, false), tuple(bobs, true));
        assertThat(queue).filteredOn(p -> p.request().id().equals(own)).singleElement()
                .satisfies(p -> assertThat(p.cannotDecide()).contains("your own request"));
        // the API's queue says the same to a script
        Response apiQueue = erinApi.get("/api/v1/endpoint-requests?scope=to-decide&service=" + service.id());
        assertThat(apiQueue.status()).as(apiQueue.toString()).isEqualTo(200);
        assertThat(ApiSteps.items(apiQueue.json())).extracting(o -> o.get("id").asString(),
                        o -> o.get("cannotDecide").isNull() ? "may decide" : o.get("cannotDecide").asString())
                .containsExactlyInAnyOrder(tuple(own.toString(), queue.stream()
                                .filter(p -> p.request().id().equals(own)).findFirst().orElseThrow().cannotDecide()),
                        tuple(bobs.toString(), "may decide"));

        // in bulk, her own is refused on its own line and the other is decided
        Response bulk = erinApi.post("/api/v1/endpoint-requests/reject",
                Map.of("ids", List.of(own, bobs), "reason", "Use the shared VPC"));
        assertThat(bulk.status()).as(bulk.toString()).isEqualTo(200);
        assertThat(ApiSteps.items(bulk.json())).extracting(o -> o.get("id").asString() + " " + o.get("result").asString())
                .containsExactly(own + " OWN_REQUEST", bobs + " DECIDED");
        assertThat(users.as("bob", () -> requests.detail(bobs)).state()).isEqualTo(EndpointState.REJECTED);
        assertThat(users.as(erin, () -> requests.detail(own)).state()).isEqualTo(EndpointState.SUBMITTED);

        assertThat(users.as("admin", () -> audit.forTarget("ENDPOINT_REQUEST", own.toString())))
                .extracting(AuditRow::action, AuditRow::actorName, AuditRow::after)
                .contains(tuple("REQUEST_DECISION_REFUSED", erin, "APPROVED"),
                        tuple("REQUEST_DECISION_REFUSED", erin, "REJECTED"));

        // a second pair of eyes: alice, of the provider team
        users.run("alice", () -> approvals.reject(own, "Use the shared VPC"));
        assertThat(users.as(erin, () -> requests.detail(own)).state()).isEqualTo(EndpointState.REJECTED);
    }

    @Test
    void aPlatformAdminMayNotDecideTheirOwnRequestEitherAnotherAdminMay() {
        String frank = newUser("frank", true, Map.of("checkout", MembershipRole.MEMBER));
        ServiceDetail service = loop.publishedService(ApprovalPolicy.ADMIN, "payments-api");
        UUID own = submit(frank, service);

        assertThatThrownBy(() -> users.as(frank, () -> approvals.approve(own, null)))
                .isInstanceOf(SelfDecisionRefusedException.class);
        Response refused = ApiClient.basic(port, frank, PASSWORD).post("/api/v1/endpoint-requests/" + own + "/reject",
                Map.of("reason", "never mind"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.text("detail")).contains("your own request");

        users.run("admin", () -> approvals.reject(own, "Ask for the EU service instead"));
        assertThat(users.as(frank, () -> requests.detail(own)).state()).isEqualTo(EndpointState.REJECTED);
    }

    @Test
    void theSettingLetsRequestersDecideTheirOwnRequestsUnderTheNamedPolicyOnly() {
        // the shared context runs with the default (nobody); an ApprovalService made with another setting shows it
        ApprovalService allowingProvider = new ApprovalService(serviceRequests, listings, userDirectory, access, tx,
                new FourEyes(new ApprovalProperties(Set.of(ApprovalPolicy.PROVIDER))), auditLog);
        String gale = newUser("gale", true, Map.of("payments", MembershipRole.MEMBER, "checkout", MembershipRole.MEMBER));
        ServiceDetail providerDecides = loop.publishedService(ApprovalPolicy.PROVIDER, "payments-api");
        ServiceDetail adminsDecide = loop.publishedService(ApprovalPolicy.ADMIN, "payments-api");
        UUID underProvider = submit(gale, providerDecides);
        UUID underAdmin = submit(gale, adminsDecide);

        assertThat(users.as(gale, () -> allowingProvider.pendingDecisions(
                new WaitingRequestsFilter(providerDecides.id(), null, null, null), 0, 10)))
                .singleElement().satisfies(p -> assertThat(p.decidable()).isTrue());
        assertThat(users.as(gale, () -> allowingProvider.reject(underProvider, "Not needed after all")).state())
                .isEqualTo(EndpointState.REJECTED);
        assertThatThrownBy(() -> users.as(gale, () -> allowingProvider.reject(underAdmin, "Not needed after all")))
                .isInstanceOf(SelfDecisionRefusedException.class);
        users.run("admin", () -> approvals.reject(underAdmin, "Cleaning up"));
    }

    @Test
    void aMemberMayNeitherLowerThePolicyNorAllowEveryoneAnOwnerMayButNotFromAdminWhichNeedsAnAdmin() {
        String hugo = newUser("hugo", false, Map.of("payments", MembershipRole.MEMBER));
        ServiceDetail service = loop.publishedService(ApprovalPolicy.PROVIDER, "payments-api");
        String path = "/api/v1/services/" + service.id();
        ApiClient hugoApi = ApiClient.basic(port, hugo, PASSWORD);

        // a member: may raise, may not lower, may not allow *
        assertThat(users.as(hugo, () -> settings.settings(service.id())).policyChoices())
                .containsExactlyInAnyOrder(ApprovalPolicy.PROVIDER, ApprovalPolicy.ADMIN);
        Response lowered = hugoApi.send("PATCH", path, Map.of("approvalPolicy", "AUTO"));
        assertThat(lowered.status()).as(lowered.toString()).isEqualTo(403);
        assertThat(lowered.text("detail")).contains("Only an owner of payments");
        assertThatThrownBy(() -> users.as(hugo, () -> edit(service, ApprovalPolicy.AUTO)))
                .isInstanceOf(ForbiddenException.class);
        assertThat(users.as(hugo, () -> principals.mayAllowEveryone(service.id()))).isFalse();
        Response everyone = hugoApi.post(path + "/principals", Map.of("arn", "*", "confirmWildcard", true));
        assertThat(everyone.status()).as(everyone.toString()).isEqualTo(403);
        assertThat(everyone.text("detail")).contains("Only an owner of payments");
        assertThat(users.as("alice", () -> principals.list(service.id()))).noneMatch(p -> p.arn().equals("*"));

        // an owner: may lower and allow *
        assertThat(users.as("alice", () -> edit(service, ApprovalPolicy.AUTO)).approvalPolicy())
                .isEqualTo(ApprovalPolicy.AUTO);
        assertThat(users.as("alice", () -> principals.mayAllowEveryone(service.id()))).isTrue();
        users.run("alice", () -> principals.add(service.id(), new AddPrincipal("*", true)));
        assertThat(users.as("alice", () -> principals.list(service.id()))).anyMatch(p -> p.arn().equals("*"));

        // raised to ADMIN (a member may), it comes down only by an admin
        Response raised = hugoApi.send("PATCH", path, Map.of("approvalPolicy", "ADMIN"));
        assertThat(raised.status()).as(raised.toString()).isEqualTo(200);
        assertThat(users.as("alice", () -> settings.settings(service.id())).policyChoices())
                .containsExactly(ApprovalPolicy.ADMIN);
        assertThatThrownBy(() -> users.as("alice", () -> edit(service, ApprovalPolicy.PROVIDER)))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("Only a platform admin");
        assertThat(users.as("admin", () -> edit(service, ApprovalPolicy.PROVIDER)).approvalPolicy())
                .isEqualTo(ApprovalPolicy.PROVIDER);

        List<AuditRow> lines = users.as("admin", () -> audit.forTarget("SERVICE", service.id().toString()));
        assertThat(lines).extracting(AuditRow::action, AuditRow::actorName, AuditRow::before, AuditRow::after)
                .contains(tuple("SERVICE_APPROVAL_POLICY_CHANGE_REFUSED", hugo, "PROVIDER", "AUTO"),
                        tuple("SERVICE_APPROVAL_POLICY_CHANGED", "alice", "PROVIDER", "AUTO"),
                        tuple("SERVICE_APPROVAL_POLICY_CHANGED", hugo, "AUTO", "ADMIN"),
                        tuple("SERVICE_APPROVAL_POLICY_CHANGE_REFUSED", "alice", "ADMIN", "PROVIDER"),
                        tuple("SERVICE_APPROVAL_POLICY_CHANGED", "admin", "ADMIN", "PROVIDER"));
        assertThat(lines).extracting(AuditRow::action, AuditRow::actorName)
                .contains(tuple("PRINCIPAL_ADD_REFUSED", hugo), tuple("PRINCIPAL_ADDED", "alice"));
    }

    @Test
    void aMemberMayNarrowWhatApprovalAllowsToOneRoleButOnlyAnOwnerMayWidenItBackToTheAccount() {
        String ida = newUser("ida", false, Map.of("payments", MembershipRole.MEMBER));
        ServiceDetail service = loop.publishedService(ApprovalPolicy.PROVIDER, "payments-api");
        String path = "/api/v1/services/" + service.id();
        ApiClient idaApi = ApiClient.basic(port, ida, PASSWORD);

        Response narrowed = idaApi.send("PATCH", path, Map.of("principalMode", "ROLE"));
        assertThat(narrowed.status()).as(narrowed.toString()).isEqualTo(200);
        assertThat(users.as(ida, () -> settings.settings(service.id())).principalModeChoices())
                .containsExactly(PrincipalMode.ROLE);

        Response widened = idaApi.send("PATCH", path, Map.of("principalMode", "ACCOUNT"));
        assertThat(widened.status()).as(widened.toString()).isEqualTo(403);
        assertThat(widened.text("detail")).contains("Only an owner of payments");
        assertThat(users.as("alice", () -> settings.settings(service.id())).principalMode())
                .isEqualTo(PrincipalMode.ROLE);
        assertThat(users.as("alice", () -> settings.settings(service.id())).principalModeChoices())
                .containsExactlyInAnyOrder(PrincipalMode.ROLE, PrincipalMode.ACCOUNT);

        Response byOwner = ApiClient.basic(port, "alice", PASSWORD)
                .send("PATCH", path, Map.of("principalMode", "ACCOUNT"));
        assertThat(byOwner.status()).as(byOwner.toString()).isEqualTo(200);
        assertThat(users.as("admin", () -> audit.forTarget("SERVICE", service.id().toString())))
                .extracting(AuditRow::action, AuditRow::actorName, AuditRow::before, AuditRow::after)
                .contains(tuple("SERVICE_PRINCIPAL_MODE_CHANGE_REFUSED", ida, "ROLE", "ACCOUNT"));
    }

    private ServiceSettings edit(ServiceDetail service, ApprovalPolicy policy) {
        return settings.edit(new EditServiceCommand(service.id(), null, null, null, null, null, null, policy, null,
                null, null, null));
    }

    private UUID submit(String user, ServiceDetail service) {
        return users.as(user, () -> requests.submit(loop.requestFor(user, LoopFixture.BOB_ACCOUNT, service))).id();
    }

    /** A new user (a platform admin or not) in these demo teams with these roles. */
    private String newUser(String prefix, boolean admin, Map<String, MembershipRole> roles) {
        String name = Ids.teamName(prefix);
        users.run("admin", () -> {
            userService.create(new CreateUser(name, prefix, null, PASSWORD, admin));
            roles.forEach((team, role) -> teamService.addMember(new AddMember(teams.idByName(team).orElseThrow(),
                    name, role)));
        });
        return name;
    }
}
