package dev.linkport.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkport.approval.service.ApprovalService;
import dev.linkport.audit.service.AuditQueryService;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.service.EndpointRequestDetails;
import dev.linkport.consumer.service.EndpointRequestService;
import dev.linkport.platform.ConflictException;
import dev.linkport.platform.ForbiddenException;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.LoopFixture;
import dev.linkport.support.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

        assertThat(users.as("alice", () -> approvals.pending(0, 100))).extracting(EndpointRequestDetails::id)
                .contains(request.id());
        assertThat(users.as("carol", () -> approvals.pending(0, 100))).extracting(EndpointRequestDetails::id)
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
}
