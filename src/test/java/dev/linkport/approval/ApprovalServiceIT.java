package dev.linkport.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkport.approval.service.ApprovalService;
import dev.linkport.audit.service.AuditQueryService;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.service.EndpointRequestDetails;
import dev.linkport.consumer.service.EndpointRequestRow;
import dev.linkport.consumer.service.EndpointRequestService;
import dev.linkport.consumer.service.FilterChoice;
import dev.linkport.consumer.service.WaitingRequestsFilter;
import dev.linkport.platform.FieldError;
import dev.linkport.platform.ConflictException;
import dev.linkport.platform.ForbiddenException;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.LoopFixture;
import dev.linkport.support.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@LinkportIntegrationTest
class ApprovalServiceIT {

    @Autowired TestUsers users;
    @Autowired LoopFixture loop;
    @Autowired EndpointRequestService requests;
    @Autowired ApprovalService approvals;
    @Autowired AuditQueryService audit;

    @Test
    void twoPeopleDecidingAtOnceOneWinsAndTheOtherIsToldItWasDecided() throws Exception {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.PROVIDER, "payments-api");
        EndpointRequestDetails request = users.as("bob", () -> requests.submit(loop.requestFor("bob", LoopFixture.BOB_ACCOUNT, service)));

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (String decider : List.of("alice", "admin")) {
                outcomes.add(pool.submit(() -> users.as(decider, () -> {
                    together.await();
                    try {
                        return decider.equals("alice") ? approvals.approve(request.id(), "fine").state().name()
                                : approvals.reject(request.id(), "not today").state().name();
                    } catch (ConflictException e) {
                        return "conflict: " + e.getMessage();
                    }
                })));
            }
            List<String> results = new ArrayList<>();
            for (Future<String> f : outcomes) {
                results.add(f.get());
            }
            assertThat(results).filteredOn(r -> r.startsWith("conflict")).hasSize(1)
                    .allSatisfy(r -> assertThat(r).containsAnyOf("already decided", "at the same moment"));
            assertThat(results).filteredOn(r -> r.equals("APPROVED") || r.equals("REJECTED")).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        // Whoever won, the loser changed nothing: exactly one decision in the timeline.
        EndpointRequestDetails after = users.as("bob", () -> requests.detail(request.id()));
        assertThat(after.timeline()).extracting(EndpointRequestDetails.TimelineEntry::from)
                .filteredOn(from -> from == EndpointState.SUBMITTED).hasSize(1);
        if (after.state() == EndpointState.APPROVED || after.state() == EndpointState.PROVISIONING) {
            loop.awaitState("bob", request.id(), EndpointState.AVAILABLE, Duration.ofSeconds(60));
        }
    }

    @Test
    void theProviderTeamDecidesProviderPolicyRequestsAndARejectionNeedsAReason() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.PROVIDER, "payments-api");
        EndpointRequestDetails request = users.as("bob", () -> requests.submit(loop.requestFor("bob", LoopFixture.BOB_ACCOUNT, service)));

        assertThat(users.as("alice", () -> approvals.pending(0, 100))).extracting(EndpointRequestRow::id)
                .contains(request.id());
        assertThat(users.as("carol", () -> approvals.pending(0, 100))).extracting(EndpointRequestRow::id)
                .doesNotContain(request.id());
        assertThatThrownBy(() -> users.as("bob", () -> approvals.approve(request.id(), null)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> users.as("alice", () -> approvals.reject(request.id(), " ")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Say why");

        EndpointRequestDetails rejected = users.as("alice", () -> approvals.reject(request.id(), "Use the EU service"));
        assertThat(rejected.state()).isEqualTo(EndpointState.REJECTED);
        assertThat(rejected.decisionReason()).isEqualTo("Use the EU service");
        assertThat(users.as("admin", () -> audit.forTarget("ENDPOINT_REQUEST", request.id().toString())))
                .extracting(AuditQueryService.AuditRow::action, AuditQueryService.AuditRow::actorName)
                .contains(org.assertj.core.groups.Tuple.tuple("REQUEST_REJECTED", "alice"));
    }

    @Test
    void theDashboardsFiltersWorkTogetherAndShowOnlyWhatTheCallerDecides() {
        ServiceDetail first = loop.publishedService(ApprovalPolicy.PROVIDER, "payments-api");
        ServiceDetail second = loop.publishedService(ApprovalPolicy.PROVIDER, "payments-api");
        UUID bobToFirst = submit("bob", LoopFixture.BOB_ACCOUNT, first);
        UUID carolToFirst = submit("carol", LoopFixture.CAROL_ACCOUNT, first);
        UUID bobToSecond = submit("bob", LoopFixture.BOB_ACCOUNT, second);

        assertThat(pending("alice", new WaitingRequestsFilter(first.id(), null, null, null)))
                .containsExactly(bobToFirst, carolToFirst); // oldest first
        UUID checkout = users.as("alice", () -> approvals.pendingFilterChoices()).teams().stream()
                .filter(t -> t.code().equals("checkout")).map(FilterChoice::id).findFirst().orElseThrow();
        assertThat(pending("alice", new WaitingRequestsFilter(first.id(), checkout, null, null)))
                .containsExactly(bobToFirst);
        assertThat(pending("alice", new WaitingRequestsFilter(null, checkout, second.name(), null)))
                .containsExactly(bobToSecond);
        assertThat(pending("alice", new WaitingRequestsFilter(first.id(), null, "carol", null)))
                .containsExactly(carolToFirst);
        assertThat(pending("alice", new WaitingRequestsFilter(first.id(), null, LoopFixture.CAROL_ACCOUNT, null)))
                .containsExactly(carolToFirst);
        assertThat(pending("alice", new WaitingRequestsFilter(first.id(), null, null, Duration.ofDays(1))))
                .as("none has waited a day").isEmpty();
        assertThat(pending("alice", new WaitingRequestsFilter(first.id(), null, null, Duration.ZERO)))
                .containsExactly(bobToFirst, carolToFirst);
        assertThat(users.as("alice", () -> approvals.countPending(new WaitingRequestsFilter(first.id(), checkout, null,
                null)))).isEqualTo(1);
        assertThat(pending("admin", new WaitingRequestsFilter(first.id(), null, null, null)))
                .containsExactly(bobToFirst, carolToFirst);
        // those who do not decide these services find nothing, whatever they filter by
        assertThat(pending("bob", new WaitingRequestsFilter(first.id(), null, null, null))).isEmpty();
        assertThat(pending("carol", new WaitingRequestsFilter(null, null, first.name(), null))).isEmpty();
        assertThat(users.as("carol", () -> approvals.pendingFilterChoices()).services()).extracting(FilterChoice::id)
                .doesNotContain(first.id(), second.id());

        assertThatThrownBy(() -> users.as("alice", () -> approvals.pending(new WaitingRequestsFilter(null, null,
                "x".repeat(101), Duration.ofHours(-1)), 0, 10)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("q", "waitingAtLeast"));
        users.run("admin", () -> approvals.rejectAll(List.of(bobToFirst, carolToFirst, bobToSecond), "Cleaning up"));
    }

    @Test
    void aBulkRejectionNeedsAShortEnoughReasonAndReportsTheRequestsItCouldNotReject() {
        ServiceDetail provider = loop.publishedService(ApprovalPolicy.PROVIDER, "payments-api");
        ServiceDetail adminDecides = loop.publishedService(ApprovalPolicy.ADMIN, "payments-api");
        UUID first = submit("bob", LoopFixture.BOB_ACCOUNT, provider);
        UUID decidedBefore = submit("bob", LoopFixture.BOB_ACCOUNT, provider);
        UUID notAlices = submit("bob", LoopFixture.BOB_ACCOUNT, adminDecides);
        List<UUID> ids = List.of(first, decidedBefore, notAlices);

        assertThatThrownBy(() -> users.as("alice", () -> approvals.rejectAll(ids, "  ")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("reason"));
        assertThatThrownBy(() -> users.as("alice", () -> approvals.rejectAll(ids, "x".repeat(ApprovalService.MAX_REASON + 1))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .singleElement().satisfies(f -> {
                            assertThat(f.field()).isEqualTo("reason");
                            assertThat(f.message()).contains("At most 2000");
                        }));
        assertThat(users.as("bob", () -> requests.detail(first)).state()).as("nothing rejected")
                .isEqualTo(EndpointState.SUBMITTED);

        users.run("alice", () -> approvals.reject(decidedBefore, "Already sorted out"));
        List<ApprovalService.BulkOutcome> outcomes = users.as("alice", () -> approvals.rejectAll(ids, "Use the shared VPC"));

        assertThat(outcomes).extracting(ApprovalService.BulkOutcome::id).containsExactlyElementsOf(ids);
        assertThat(outcomes.get(0).done()).isTrue();
        assertThat(outcomes.get(1).done()).isFalse();
        assertThat(outcomes.get(1).problem()).contains("already decided");
        assertThat(outcomes.get(2).done()).isFalse();
        assertThat(outcomes.get(2).problem()).contains("decided by platform admins");
        EndpointRequestDetails rejected = users.as("bob", () -> requests.detail(first));
        assertThat(rejected.state()).isEqualTo(EndpointState.REJECTED);
        assertThat(rejected.decisionReason()).isEqualTo("Use the shared VPC");
        assertThat(users.as("bob", () -> requests.detail(notAlices)).state()).isEqualTo(EndpointState.SUBMITTED);
        assertThat(users.as("admin", () -> audit.forTarget("ENDPOINT_REQUEST", first.toString())))
                .extracting(AuditQueryService.AuditRow::action, AuditQueryService.AuditRow::actorName)
                .contains(org.assertj.core.groups.Tuple.tuple("REQUEST_REJECTED", "alice"));
        users.run("admin", () -> approvals.reject(notAlices, "Cleaning up"));
    }

    private List<UUID> pending(String user, WaitingRequestsFilter filter) {
        return users.as(user, () -> approvals.pending(filter, 0, 100)).stream().map(EndpointRequestRow::id).toList();
    }

    private UUID submit(String user, String account, ServiceDetail service) {
        return users.as(user, () -> requests.submit(loop.requestFor(user, account, service))).id();
    }
}
