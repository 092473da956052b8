package dev.linkport.approval.service;

import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.service.ListingDirectory;
import dev.linkport.catalog.service.ListingRef;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.service.EndpointRequestDetails;
import dev.linkport.consumer.service.ServiceRequests;
import dev.linkport.consumer.service.ServiceRequests.Pending;
import dev.linkport.identity.service.AccessPolicy;
import dev.linkport.identity.service.Caller;
import dev.linkport.identity.service.UserDirectory;
import dev.linkport.platform.ConflictException;
import dev.linkport.platform.ForbiddenException;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.NotFoundException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
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

    private final ServiceRequests requests;
    private final ListingDirectory listings;
    private final UserDirectory users;
    private final AccessPolicy access;
    private final TransactionTemplate tx;

    public ApprovalService(ServiceRequests requests, ListingDirectory listings, UserDirectory users,
                           AccessPolicy access, TransactionTemplate tx) {
        this.requests = requests;
        this.listings = listings;
        this.users = users;
        this.access = access;
        this.tx = tx;
    }

    /** How many submitted requests the caller may decide. */
    public long countPending() {
        return tx.execute(status -> requests.countSubmitted(decidable(access.caller())));
    }

    /** Submitted requests the caller may decide, oldest first. */
    public List<EndpointRequestDetails> pending(int offset, int limit) {
        return tx.execute(status -> {
            Caller caller = access.caller();
            return requests.submitted(decidable(caller), offset, limit, caller);
        });
    }

    /** Approves a submitted request; provisioning starts at once. */
    public EndpointRequestDetails approve(UUID id, String reason) {
        return decide(id, true, reason);
    }

    /** Rejects a submitted request; a reason is required and shown to the requester. */
    public EndpointRequestDetails reject(UUID id, String reason) {
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

    /** The listings whose requests the caller decides; {@code null} for all (admins). */
    private Collection<UUID> decidable(Caller caller) {
        return caller.admin() ? null : listings.decidedByTheirTeam(caller.teamIds());
    }

    private EndpointRequestDetails decide(UUID id, boolean approve, String reason) {
        try {
            return tx.execute(status -> {
                Caller caller = access.caller();
                Pending request = requests.pending(id);
                ListingRef listing = request == null ? null : listings.get(request.listingId());
                if (request == null || !(caller.admin() || caller.isMemberOf(request.consumerTeamId())
                        || caller.isMemberOf(listing.ownerTeamId()))) {
                    throw new NotFoundException("No such endpoint request, or you may not see it");
                }
                if (!mayDecide(listing, caller)) {
                    throw new ForbiddenException(listing.approvalPolicy() == ApprovalPolicy.ADMIN
                            ? "Requests for " + listing.name() + " are decided by platform admins"
                            : "Requests for " + listing.name() + " are decided by the " + listing.ownerTeamName()
                            + " team and platform admins");
                }
                if (request.state() != EndpointState.SUBMITTED) {
                    String by = request.decidedById() == null ? "" : " by " + users.get(request.decidedById()).username();
                    throw new ConflictException("This request was already decided" + by + "; it is " + request.state());
                }
                String why = reason == null || reason.isBlank() ? null : reason.trim();
                return requests.decide(id, approve, why, caller);
            });
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new ConflictException("Someone else decided this request at the same moment; reload to see the decision", e);
        }
    }

    /** Platform admins decide every request; the owning team decides those of its services with the PROVIDER policy. */
    private static boolean mayDecide(ListingRef listing, Caller caller) {
        return caller.admin()
                || listing.approvalPolicy() == ApprovalPolicy.PROVIDER && caller.isMemberOf(listing.ownerTeamId());
    }
}
