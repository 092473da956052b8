package dev.linkport.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.EndpointService;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.ListingState;
import dev.linkport.catalog.domain.ServiceListingRepository;
import dev.linkport.catalog.service.EditServiceCommand;
import dev.linkport.catalog.service.ListingService;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.catalog.service.ServiceEditService;
import dev.linkport.catalog.service.ServiceSettings;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.service.EndpointRequestDetails;
import dev.linkport.consumer.service.EndpointRequestService;
import dev.linkport.identity.domain.AwsAccount;
import dev.linkport.identity.domain.AwsAccountRepository;
import dev.linkport.platform.ConflictException;
import dev.linkport.platform.ForbiddenException;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.NotFoundException;
import dev.linkport.platform.StaleEditException;
import dev.linkport.provider.service.Dependents;
import dev.linkport.provider.service.ServiceRetirement;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.LoopFixture;
import dev.linkport.support.TestUsers;
import dev.linkport.worker.JobKind;
import dev.linkport.worker.Jobs;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Editing a published service, and retiring it: refused while endpoints are connected, forced by admins. */
@LinkportIntegrationTest
class RetireServiceIT {

    @Autowired TestUsers users;
    @Autowired LoopFixture loop;
    @Autowired ServiceEditService settings;
    @Autowired ServiceRetirement retirement;
    @Autowired ListingService listings;
    @Autowired EndpointRequestService requests;
    @Autowired AwsAccountRepository accounts;
    @Autowired PrivateLinkGateway gateway;
    @Autowired ServiceListingRepository listingRepository;
    @Autowired Jobs jobs;
    @Autowired TransactionTemplate tx;

    @Test
    void retiringIsRefusedWhileAnEndpointIsConnectedAndDoneOnceItIsGone() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.AUTO, "payments-ledger");
        EndpointRequestDetails request = users.as("bob", () -> requests.submit(
                loop.requestFor("bob", LoopFixture.BOB_ACCOUNT, service)));
        EndpointRequestDetails available = loop.awaitState("bob", request.id(), EndpointState.AVAILABLE, Duration.ofSeconds(60));

        Dependents dependents = users.as("alice", () -> retirement.dependents(service.id()));
        assertThat(dependents.connections()).extracting(Dependents.Dependent::vpcEndpointId)
                .containsExactly(available.vpcEndpointId());
        assertThat(dependents.requests()).extracting(Dependents.Dependent::requestId).containsExactly(request.id());
        assertThatThrownBy(() -> users.as("alice", () -> retirement.retire(service.id(), false)))
                .isInstanceOf(ConflictException.class).hasMessageContaining(available.vpcEndpointId())
                .hasMessageContaining(LoopFixture.BOB_ACCOUNT);
        assertThat(users.as("alice", () -> listings.detail(service.id())).state()).isEqualTo(ListingState.AVAILABLE);

        users.run("bob", () -> requests.delete(request.id()));
        loop.awaitState("bob", request.id(), EndpointState.DELETED, Duration.ofSeconds(60));
        users.run("alice", () -> retirement.retire(service.id(), false));
        assertThat(users.as("alice", () -> listings.detail(service.id())).state()).isIn(ListingState.RETIRING, ListingState.RETIRED);
        assertThatThrownBy(() -> users.as("bob", () -> listings.detail(service.id())))
                .as("a retiring service leaves the catalog").isInstanceOf(NotFoundException.class);
        awaitListing(service.id(), ListingState.RETIRED);
    }

    @Test
    void theRetireJobWaitsWhileAnEndpointConnectsMeanwhileAndDeletesOnceItIsGone() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.AUTO, "payments-ledger");
        EndpointRequestDetails request = users.as("bob", () -> requests.submit(
                loop.requestFor("bob", LoopFixture.BOB_ACCOUNT, service)));
        loop.awaitState("bob", request.id(), EndpointState.AVAILABLE, Duration.ofSeconds(60));
        // as if the endpoint had connected between the owners' retire and the job's first run
        tx.executeWithoutResult(status -> {
            listingRepository.findById(service.id()).orElseThrow().setState(ListingState.RETIRING, Instant.now());
            jobs.schedule(new JobKind("retire-service"), service.id());
        });

        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                .until(() -> users.as("alice", () -> settings.settings(service.id())).state(), ListingState.RETIRING::equals);
        assertThat(gateway.describeEndpointService(providerTarget(), service.serviceId())).isPresent();

        users.run("bob", () -> requests.delete(request.id()));
        loop.awaitState("bob", request.id(), EndpointState.DELETED, Duration.ofSeconds(60));
        awaitListing(service.id(), ListingState.RETIRED);
        assertThat(gateway.describeEndpointService(providerTarget(), service.serviceId())
                .map(EndpointService::state).orElse("Deleted")).isIn("Deleting", "Deleted");
    }

    @Test
    void anAdminForcesARetirementAndDependentRequestsDrift() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.AUTO, "payments-ledger");
        EndpointRequestDetails request = users.as("bob", () -> requests.submit(
                loop.requestFor("bob", LoopFixture.BOB_ACCOUNT, service)));
        loop.awaitState("bob", request.id(), EndpointState.AVAILABLE, Duration.ofSeconds(60));

        assertThatThrownBy(() -> users.as("alice", () -> retirement.retire(service.id(), true)))
                .as("owners may not force").isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> users.as("bob", () -> retirement.retire(service.id(), true)))
                .isInstanceOf(ForbiddenException.class);

        Dependents forced = users.as("admin", () -> retirement.retire(service.id(), true));
        assertThat(forced.connections()).hasSize(1);
        EndpointRequestDetails drifted = users.as("bob", () -> requests.detail(request.id()));
        assertThat(drifted.state()).isEqualTo(EndpointState.DRIFTED);
        assertThat(drifted.timeline()).extracting(EndpointRequestDetails.TimelineEntry::to).contains(EndpointState.DRIFTED);
        awaitListing(service.id(), ListingState.RETIRED);
    }

    @Test
    void ownersEditTheServiceAndAStaleEditIsRefusedWithAMessage() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.AUTO, "payments-ledger");
        ServiceSettings opened = users.as("alice", () -> settings.settings(service.id()));

        ServiceSettings edited = users.as("alice", () -> settings.edit(new EditServiceCommand(service.id(),
                opened.version(), "New words", Set.of("ledger", "payments"), "https://docs.example.com/ledger",
                "#ledger", "443, 8443", ApprovalPolicy.PROVIDER, null, null, false, Set.of("us-west-2"))));
        assertThat(edited.description()).isEqualTo("New words");
        assertThat(edited.tags()).containsExactly("ledger", "payments");
        assertThat(edited.approvalPolicy()).isEqualTo(ApprovalPolicy.PROVIDER);
        ServiceDetail detail = users.as("bob", () -> listings.detail(service.id()));
        assertThat(detail.description()).isEqualTo("New words");
        assertThat(detail.acceptanceRequired()).isFalse();
        assertThat(detail.supportedRegions()).containsExactly("us-west-2");
        AwsTarget provider = providerTarget();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            EndpointService inAws = gateway.describeEndpointService(provider, service.serviceId()).orElseThrow();
            assertThat(inAws.acceptanceRequired()).as("applied in AWS by ModifyService").isFalse();
            assertThat(inAws.supportedRegions()).contains("us-west-2");
        });

        assertThatThrownBy(() -> users.as("alice", () -> settings.edit(new EditServiceCommand(service.id(),
                opened.version(), "Stale words", null, null, null, null, null, null, null, null, null))))
                .isInstanceOf(StaleEditException.class).hasMessageContaining("changed by someone else");
        assertThat(users.as("alice", () -> settings.settings(service.id())).description()).isEqualTo("New words");

        assertThatThrownBy(() -> users.as("alice", () -> settings.edit(new EditServiceCommand(service.id(),
                null, null, Set.of("Not A Tag"), "ftp://x", null, "http", null, null, null, null, null))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("ports").hasMessageContaining("tags");
    }

    @Test
    void onlyOwnersAndAdminsEditOrRetireOthersGet403Or404() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.AUTO, "payments-ledger");
        UUID id = service.id();
        EditServiceCommand edit = new EditServiceCommand(id, null, "mine now", null, null, null, null, null, null,
                null, null, null);
        assertThatThrownBy(() -> users.as("bob", () -> settings.settings(id))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> users.as("bob", () -> settings.edit(edit))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> users.as("carol", () -> retirement.dependents(id)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> users.as("carol", () -> retirement.retire(id, false)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> users.as("bob", () -> settings.settings(UUID.randomUUID())))
                .isInstanceOf(NotFoundException.class);
        assertThat(users.as("admin", () -> settings.edit(edit)).description()).isEqualTo("mine now");

        users.run("alice", () -> retirement.retire(id, false));
        awaitListing(id, ListingState.RETIRED);
        assertThatThrownBy(() -> users.as("bob", () -> settings.settings(id)))
                .as("a retired service is invisible to others").isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> users.as("alice", () -> retirement.retire(id, false)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already retired");
    }

    private AwsTarget providerTarget() {
        AwsAccount account = accounts.findByAccountId("111111111111").orElseThrow();
        return AwsTarget.system(account.getAccountId(), "us-east-1", account.getRoleArn(), account.getExternalId());
    }

    private void awaitListing(UUID id, ListingState state) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> users.as("alice", () -> settings.settings(id)).state(), state::equals);
    }
}
