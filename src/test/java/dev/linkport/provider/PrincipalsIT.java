package dev.linkport.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.linkport.audit.service.AuditQueryService;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.PermittedPrincipal;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.service.EndpointRequestDetails;
import dev.linkport.consumer.service.EndpointRequestService;
import dev.linkport.platform.FieldError;
import dev.linkport.platform.ForbiddenException;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.NotFoundException;
import dev.linkport.provider.PrincipalSource;
import dev.linkport.provider.PrincipalSyncState;
import dev.linkport.provider.service.AddPrincipal;
import dev.linkport.provider.service.Dependents.Dependent;
import dev.linkport.provider.service.PrincipalRow;
import dev.linkport.provider.service.PrincipalService;
import dev.linkport.sandbox.SandboxFault;
import dev.linkport.sandbox.SandboxLifecycle;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.LoopFixture;
import dev.linkport.support.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Allowed principals through the service and the SyncPrincipals job, checked against the sandbox. */
@LinkportIntegrationTest
class PrincipalsIT {

    static final String PROVIDER = "111111111111";
    static final AwsTarget PROVIDER_TARGET = new AwsTarget(PROVIDER, "us-east-1",
            "arn:aws:iam::" + PROVIDER + ":role/LinkportAccess", "demo-" + PROVIDER, null);

    @Autowired TestUsers users;
    @Autowired LoopFixture loop;
    @Autowired PrincipalService principals;
    @Autowired EndpointRequestService requests;
    @Autowired PrivateLinkGateway gateway;
    @Autowired SandboxLifecycle sandbox;
    @Autowired AuditQueryService audit;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void clearFaults() {
        sandbox.control().clearFaults();
    }

    @Test
    void anAddedPrincipalReachesAwsAndARemovedOneLeavesIt() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.PROVIDER, "payments-api");
        String arn = "arn:aws:iam::444455556666:role/Reporting";

        PrincipalRow added = users.as("alice", () -> principals.add(service.id(), new AddPrincipal(arn, false)));
        assertThat(added.source()).isEqualTo(PrincipalSource.MANUAL);
        assertThat(added.syncState()).isEqualTo(PrincipalSyncState.PENDING_ADD);
        PrincipalRow synced = awaitPrincipal(service.id(), arn, p -> p.syncState() == PrincipalSyncState.IN_SYNC);
        assertThat(synced.lastError()).isNull();
        assertThat(inAws(service)).contains(arn);
        // nothing waits any more: the job ends instead of reading AWS again and again
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                        select count(*) from scheduled_tasks where task_name = 'sync-principals' and task_instance = ?""")
                .param(service.id().toString()).query(Long.class).single() == 0);

        users.run("alice", () -> principals.remove(service.id(), arn));
        await().atMost(Duration.ofSeconds(30)).until(() -> find(service.id(), arn).isEmpty());
        assertThat(inAws(service)).doesNotContain(arn);

        List<AuditQueryService.AuditRow> log = users.as("admin",
                () -> audit.forTarget("SERVICE", service.id().toString()));
        assertThat(log).filteredOn(e -> e.action().startsWith("PRINCIPAL_"))
                .extracting(AuditQueryService.AuditRow::action, AuditQueryService.AuditRow::actorName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PRINCIPAL_ADDED", "alice"),
                        org.assertj.core.groups.Tuple.tuple("PRINCIPAL_REMOVED", "alice"));
    }

    @Test
    void theWildcardIsRefusedWithoutConfirmationAndAllowedWithIt() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.PROVIDER, "payments-api");

        assertThatThrownBy(() -> users.as("alice", () -> principals.add(service.id(), new AddPrincipal("*", false))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("confirmWildcard"))
                .hasMessageContaining("anyone in any AWS account");
        assertThat(users.as("alice", () -> principals.list(service.id()))).isEmpty();

        users.run("alice", () -> principals.add(service.id(), new AddPrincipal("*", true)));
        awaitPrincipal(service.id(), "*", p -> p.syncState() == PrincipalSyncState.IN_SYNC);
        assertThat(inAws(service)).contains("*");
    }

    @Test
    void malformedPrincipalsAreRefusedWithAFieldMessage() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.PROVIDER, "payments-api");
        for (String bad : List.of("", "arn:aws:iam::12345:root", "arn:aws:iam::444455556666:group/admins",
                "444455556666", "arn:aws:s3:::bucket")) {
            assertThatThrownBy(() -> users.as("alice", () -> principals.add(service.id(), new AddPrincipal(bad, true))))
                    .as(bad)
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field).containsOnly("arn"));
        }
    }

    @Test
    void aPrincipalAwsRefusesShowsFailedWithAwsMessage() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.PROVIDER, "payments-api");
        sandbox.control().injectFault(new SandboxFault("ModifyVpcEndpointServicePermissions", PROVIDER,
                "InvalidPrincipal", 400, 1.0, Duration.ZERO, 1));
        String arn = "arn:aws:iam::555566667777:root";

        users.run("alice", () -> principals.add(service.id(), new AddPrincipal(arn, false)));

        PrincipalRow failed = awaitPrincipal(service.id(), arn, p -> p.syncState() == PrincipalSyncState.FAILED);
        assertThat(failed.lastError()).contains("InvalidPrincipal").contains("ModifyVpcEndpointServicePermissions");
        assertThat(inAws(service)).doesNotContain(arn);

        // Adding it again retries, and now AWS takes it.
        users.run("alice", () -> principals.add(service.id(), new AddPrincipal(arn, false)));
        awaitPrincipal(service.id(), arn, p -> p.syncState() == PrincipalSyncState.IN_SYNC);
    }

    @Test
    void aPrincipalAddedInAwsOutsideLinkportShowsAsObservedDrift() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.PROVIDER, "payments-api");
        String arn = "arn:aws:iam::777788889999:user/contractor";
        gateway.modifyServicePermissions(PROVIDER_TARGET, service.serviceId(), Set.of(arn), Set.of());

        users.run("alice", () -> principals.sync(service.id()));

        PrincipalRow drift = awaitPrincipal(service.id(), arn, p -> p.syncState() == PrincipalSyncState.DRIFTED);
        assertThat(drift.source()).isEqualTo(PrincipalSource.OBSERVED);
        assertThat(drift.lastError()).contains("not added through Linkport");

        // Removing it takes it out of AWS.
        users.run("alice", () -> principals.remove(service.id(), arn));
        await().atMost(Duration.ofSeconds(30)).until(() -> find(service.id(), arn).isEmpty());
        assertThat(inAws(service)).doesNotContain(arn);
    }

    @Test
    void removingAPrincipalNamesTheLiveEndpointsThatDependOnIt() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.AUTO, "payments-api");
        EndpointRequestDetails request = users.as("bob", () -> requests.submit(
                loop.requestFor("bob", LoopFixture.BOB_ACCOUNT, service)));
        EndpointRequestDetails available = loop.awaitState("bob", request.id(), EndpointState.AVAILABLE, Duration.ofSeconds(60));
        String arn = "arn:aws:iam::" + LoopFixture.BOB_ACCOUNT + ":root";
        PrincipalRow approved = awaitPrincipal(service.id(), arn, p -> p.syncState() == PrincipalSyncState.IN_SYNC);
        assertThat(approved.source()).isEqualTo(PrincipalSource.APPROVAL);

        List<Dependent> live = users.as("alice", () -> principals.liveEndpoints(service.id(), arn));
        assertThat(live).extracting(Dependent::vpcEndpointId).containsExactly(available.vpcEndpointId());

        PrincipalService.Removal removal = users.as("alice", () -> principals.remove(service.id(), arn));
        assertThat(removal.liveEndpoints()).extracting(Dependent::vpcEndpointId)
                .containsExactly(available.vpcEndpointId());
        assertThat(removal.principal().syncState()).isEqualTo(PrincipalSyncState.PENDING_REMOVE);
    }

    @Test
    void onlyTheServiceOwnersAndAdminsSeeOrChangeItsPrincipals() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.PROVIDER, "payments-api");
        String arn = "arn:aws:iam::444455556666:root";
        UUID id = service.id();

        assertThatThrownBy(() -> users.as("bob", () -> principals.list(id))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> users.as("bob", () -> principals.add(id, new AddPrincipal(arn, false))))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> users.as("bob", () -> principals.remove(id, arn)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> users.as("bob", () -> principals.liveEndpoints(id, arn)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> users.run("bob", () -> principals.sync(id))).isInstanceOf(ForbiddenException.class);

        UUID unknown = UUID.randomUUID();
        assertThatThrownBy(() -> users.as("alice", () -> principals.list(unknown))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> users.as("alice", () -> principals.add(unknown, new AddPrincipal(arn, false))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> users.as("alice", () -> principals.remove(unknown, arn)))
                .isInstanceOf(NotFoundException.class);

        users.run("admin", () -> principals.add(id, new AddPrincipal(arn, false)));
        assertThat(users.as("admin", () -> principals.list(id))).extracting(PrincipalRow::arn).contains(arn);
        assertThat(users.as("alice", () -> principals.list(id))).extracting(PrincipalRow::arn).contains(arn);
    }

    private PrincipalRow awaitPrincipal(UUID listingId, String arn, Predicate<PrincipalRow> condition) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> find(listingId, arn).filter(condition).isPresent());
        return find(listingId, arn).orElseThrow();
    }

    private Optional<PrincipalRow> find(UUID listingId, String arn) {
        return users.as("alice", () -> principals.list(listingId)).stream().filter(p -> p.arn().equals(arn))
                .findFirst();
    }

    private List<String> inAws(ServiceDetail service) {
        return gateway.describeServicePermissions(PROVIDER_TARGET, service.serviceId()).stream()
                .map(PermittedPrincipal::principal).toList();
    }
}
