package dev.linkport.approval.service;

import dev.linkport.audit.service.AuditEntry;
import dev.linkport.audit.service.AuditLog;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.service.ListingDirectory;
import dev.linkport.catalog.service.ListingRef;
import dev.linkport.consumer.ChangeState;
import dev.linkport.consumer.service.ChangeAwaitingDecision;
import dev.linkport.consumer.service.EndpointChangeDecisions;
import dev.linkport.consumer.service.EndpointChangeDecisions.PendingChange;
import dev.linkport.consumer.service.EndpointChangeDetails;
import dev.linkport.identity.service.AccessPolicy;
import dev.linkport.identity.service.Caller;
import dev.linkport.platform.ConflictException;
import dev.linkport.platform.ForbiddenException;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Endpoint changes that wait for approval (the service says changes need it), decided by the same people and rules
 * as the service's requests ({@link ApprovalService}): platform admins, and the owning team for the {@code PROVIDER}
 * policy; four eyes ({@link FourEyes}): nobody decides their own change, and a refused attempt is audited.
 */
@Service
public class EndpointChangeApprovals {

    private final EndpointChangeDecisions changes;
    private final ApprovalService approvals;
    private final ListingDirectory listings;
    private final AccessPolicy access;
    private final FourEyes fourEyes;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    EndpointChangeApprovals(EndpointChangeDecisions changes, ApprovalService approvals, ListingDirectory listings,
                            AccessPolicy access, FourEyes fourEyes, AuditLog audit, TransactionTemplate tx) {
        this.changes = changes;
        this.approvals = approvals;
        this.listings = listings;
        this.access = access;
        this.fourEyes = fourEyes;
        this.audit = audit;
        this.tx = tx;
    }

    /**
     * A change waiting in the caller's queue.
     *
     * @param cannotDecide why the caller may not decide it (their own change), or {@code null} when they may
     */
    public record PendingChangeDecision(ChangeAwaitingDecision change, String cannotDecide) {

        /** Whether the caller may approve or reject it. */
        public boolean decidable() {
            return cannotDecide == null;
        }
    }

    /** How many endpoint changes wait for the caller's decision. */
    public long countPending() {
        return tx.execute(status -> changes.countAwaiting(approvals.decidable(access.caller())));
    }

    /**
     * Endpoint changes the caller decides, oldest first, each with what it changes (before → after) and, for the
     * caller's own change, why they may not decide it (four eyes).
     */
    public List<PendingChangeDecision> pending(int offset, int limit) {
        return tx.execute(status -> {
            Caller caller = access.caller();
            List<ChangeAwaitingDecision> rows = changes.awaiting(approvals.decidable(caller), offset, limit);
            Map<UUID, ListingRef> byId = listings.get(rows.stream().map(ChangeAwaitingDecision::serviceId)
                    .distinct().toList());
            return rows.stream().map(c -> {
                ListingRef listing = byId.get(c.serviceId());
                String refusal = listing == null ? null
                        : fourEyes.refusal(caller, c.requestedById(), listing.approvalPolicy());
                return new PendingChangeDecision(c, refusal);
            }).toList();
        });
    }

    /**
     * Approves a change waiting for approval; the worker applies it in AWS at once.
     *
     * @throws SelfDecisionRefusedException for the caller's own change (four eyes; audited as refused)
     * @throws ForbiddenException           when the caller does not decide requests for the service
     * @throws ConflictException            when it was decided meanwhile, or its endpoint is no longer available
     */
    public EndpointChangeDetails approve(UUID changeId, String reason) {
        ApprovalService.checkLength(reason);
        return decide(changeId, true, reason);
    }

    /**
     * Rejects a change waiting for approval; a reason is required (at most {@value ApprovalService#MAX_REASON}
     * characters) and shown to the endpoint's team. Nothing changes in AWS.
     *
     * @throws SelfDecisionRefusedException for the caller's own change (four eyes; audited as refused)
     */
    public EndpointChangeDetails reject(UUID changeId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "Say why the change is rejected; the endpoint's team sees it");
        }
        ApprovalService.checkLength(reason);
        return decide(changeId, false, reason);
    }

    private EndpointChangeDetails decide(UUID changeId, boolean approve, String reason) {
        try {
            return tx.execute(status -> {
                Caller caller = access.caller();
                PendingChange change = changes.pending(changeId);
                ListingRef listing = change == null ? null : listings.get(change.listingId());
                if (change == null || !(caller.admin() || caller.isMemberOf(change.consumerTeamId())
                        || caller.isMemberOf(listing.ownerTeamId()))) {
                    throw new NotFoundException("No such endpoint change, or you may not see it");
                }
                if (!ApprovalService.mayDecide(listing, caller)) {
                    throw new ForbiddenException(listing.approvalPolicy() == ApprovalPolicy.ADMIN
                            ? "Changes of endpoints to " + listing.name() + " are decided by platform admins"
                            : "Changes of endpoints to " + listing.name() + " are decided by the "
                            + listing.ownerTeamName() + " team and platform admins");
                }
                if (change.state() != ChangeState.AWAITING_APPROVAL) {
                    throw new ConflictException("This change was already decided"
                            + (change.decidedBy() == null ? "" : " by " + change.decidedBy()) + "; it is "
                            + change.state());
                }
                String refusal = fourEyes.refusal(caller, change.requestedById(), listing.approvalPolicy());
                if (refusal != null) {
                    audit.recordRefused(AuditEntry.of("REQUEST_CHANGE_DECISION_REFUSED", "ENDPOINT_REQUEST",
                                    change.requestId(), listing.name(), change.consumerTeamId())
                            .change(change.state().name(), approve ? "APPROVED" : "REJECTED").because(refusal));
                    throw new SelfDecisionRefusedException(refusal);
                }
                String why = reason == null || reason.isBlank() ? null : reason.trim();
                return changes.decide(changeId, approve, why, caller);
            });
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new ConflictException("Someone else decided this change at the same moment; reload to see the "
                    + "decision", e);
        }
    }
}
