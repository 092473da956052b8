package dev.linkport.approval.service;

import dev.linkport.catalog.domain.ApprovalPolicy;
import dev.linkport.consumer.domain.EndpointRequest;
import dev.linkport.consumer.domain.EndpointRequestRepository;
import dev.linkport.consumer.domain.EndpointState;
import dev.linkport.consumer.service.EndpointLifecycle;
import dev.linkport.consumer.service.EndpointRequestService;
import dev.linkport.consumer.service.EndpointRequestView;
import dev.linkport.identity.domain.AppUserRepository;
import dev.linkport.identity.service.AccessPolicy;
import dev.linkport.identity.service.Caller;
import dev.linkport.platform.ConflictException;
import dev.linkport.platform.ForbiddenException;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.NotFoundException;
import dev.linkport.platform.OffsetPage;
import dev.linkport.platform.jobs.JobKind;
import dev.linkport.platform.jobs.Jobs;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The approval dashboard: submitted requests the caller may decide, and the decisions. Who
 * decides follows the service's policy: {@code PROVIDER} — members of the owning team and
 * admins; {@code ADMIN} — admins only. Of two people deciding at once, one wins; the other is
 * told it was already decided.
 */
@Service
public class ApprovalService {

    private final EndpointRequestRepository requests;
    private final AppUserRepository users;
    private final EndpointRequestService endpointRequests;
    private final EndpointLifecycle lifecycle;
    private final AccessPolicy access;
    private final Jobs jobs;
    private final TransactionTemplate tx;
    private final Clock clock;

    public ApprovalService(EndpointRequestRepository requests, AppUserRepository users,
                           EndpointRequestService endpointRequests, EndpointLifecycle lifecycle, AccessPolicy access,
                           Jobs jobs, TransactionTemplate tx, Clock clock) {
        this.requests = requests;
        this.users = users;
        this.endpointRequests = endpointRequests;
        this.lifecycle = lifecycle;
        this.access = access;
        this.jobs = jobs;
        this.tx = tx;
        this.clock = clock;
    }

    /** How many submitted requests the caller may decide. */
    public long countPending() {
        return tx.execute(status -> {
            Caller caller = access.caller();
            return requests.countDecidableBy(caller.teamIdsForQuery(), caller.admin());
        });
    }

    /** Submitted requests the caller may decide, oldest first. */
    public List<EndpointRequestView> pending(int offset, int limit) {
        return tx.execute(status -> {
            Caller caller = access.caller();
            return requests.findDecidableBy(caller.teamIdsForQuery(), caller.admin(),
                            new OffsetPage(offset, limit, Sort.unsorted()))
                    .stream().map(r -> endpointRequests.view(r, caller)).toList();
        });
    }

    /** Approves a submitted request; provisioning starts at once. */
    public EndpointRequestView approve(UUID id, String reason) {
        return decide(id, true, reason);
    }

    /** Rejects a submitted request; a reason is required and shown to the requester. */
    public EndpointRequestView reject(UUID id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "Say why the request is rejected; the requester sees it");
        }
        return decide(id, false, reason);
    }

    /** Approves several requests; returns what happened to each (approved, or why not). */
    public List<BulkOutcome> approveAll(List<UUID> ids, String reason) {
        List<BulkOutcome> outcomes = new ArrayList<>();
        for (UUID id : ids) {
            try {
                approve(id, reason);
                outcomes.add(new BulkOutcome(id, true, null));
            } catch (RuntimeException e) {
                outcomes.add(new BulkOutcome(id, false, e.getMessage()));
            }
        }
        return outcomes;
    }

    /** The result of one approval in a bulk approval. */
    public record BulkOutcome(UUID id, boolean approved, String problem) {
    }

    private EndpointRequestView decide(UUID id, boolean approve, String reason) {
        try {
            return tx.execute(status -> {
                Caller caller = access.caller();
                EndpointRequest request = requests.findById(id)
                        .filter(r -> caller.admin() || caller.isMemberOf(r.getConsumerAccount().getTeam().getId())
                                || caller.isMemberOf(r.getListing().getOwnerTeam().getId()))
                        .orElseThrow(() -> new NotFoundException("No such endpoint request, or you may not see it"));
                if (!mayDecide(request, caller)) {
                    throw new ForbiddenException(request.getListing().getApprovalPolicy() == ApprovalPolicy.ADMIN
                            ? "Requests for " + request.getListing().getName() + " are decided by platform admins"
                            : "Requests for " + request.getListing().getName() + " are decided by the "
                            + request.getListing().getOwnerTeam().getName() + " team and platform admins");
                }
                if (request.getState() != EndpointState.SUBMITTED) {
                    throw alreadyDecided(request);
                }
                String why = reason == null || reason.isBlank() ? null : reason.trim();
                request.decided(users.getReferenceById(caller.userId()), why, clock.instant());
                if (approve) {
                    lifecycle.move(request, EndpointState.APPROVED, why == null ? "Approved by " + caller.username() : why);
                    jobs.schedule(JobKind.PROVISION_ENDPOINT, request.getId());
                } else {
                    lifecycle.move(request, EndpointState.REJECTED, why);
                }
                requests.flush();
                return endpointRequests.view(request, caller);
            });
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new ConflictException("Someone else decided this request at the same moment; reload to see the decision", e);
        }
    }

    private static boolean mayDecide(EndpointRequest request, Caller caller) {
        if (caller.admin()) {
            return true;
        }
        return request.getListing().getApprovalPolicy() == ApprovalPolicy.PROVIDER
                && caller.isMemberOf(request.getListing().getOwnerTeam().getId());
    }

    private static ConflictException alreadyDecided(EndpointRequest request) {
        String by = request.getDecidedBy() == null ? "" : " by " + request.getDecidedBy().getUsername();
        return new ConflictException("This request was already decided" + by + "; it is " + request.getState());
    }
}
