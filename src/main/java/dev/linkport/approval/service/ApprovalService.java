package dev.linkport.approval.service;

import dev.linkport.audit.service.AuditEntry;
import dev.linkport.audit.service.AuditLog;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.service.ListingDirectory;
import dev.linkport.catalog.service.ListingRef;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.service.EndpointRequestDetails;
import dev.linkport.consumer.service.EndpointRequestRow;
import dev.linkport.consumer.service.RequestFilterChoices;
import dev.linkport.consumer.service.WaitingRequestsFilter;
import dev.linkport.consumer.service.ServiceRequests;
import dev.linkport.consumer.service.ServiceRequests.Pending;
import dev.linkport.identity.service.AccessPolicy;
import dev.linkport.identity.service.Caller;
import dev.linkport.identity.service.UserDirectory;
import dev.linkport.platform.ConflictException;
import dev.linkport.platform.ForbiddenException;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.TextRules;
import dev.linkport.platform.events.ChangeScope;
import dev.linkport.platform.NotFoundException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.Optional;
import java.util.UUID;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The approval dashboard: submitted requests the caller may decide, and the decisions. Who
 * decides follows the service's policy: {@code PROVIDER} — members of the owning team and
 * admins; {@code ADMIN} — admins only. Four eyes: nobody decides their own request, admins
 * included, unless a setting allows it for the policy ({@link FourEyes}); such requests stay on the
 * dashboard, marked, and a refused attempt is audited. Of two people deciding at once, one wins; the
 * other is told it was already decided.
 */
@Service
public class ApprovalService {

    /** The longest reason a decision takes (the requester reads it). */
    public static final int MAX_REASON = 2000;

    /** The most requests one bulk decision takes. */
    public static final int MAX_BULK = 100;

    private final ServiceRequests requests;
    private final ListingDirectory listings;
    private final UserDirectory users;
    private final AccessPolicy access;
    private final TransactionTemplate tx;
    private final FourEyes fourEyes;
    private final AuditLog audit;

    public ApprovalService(ServiceRequests requests, ListingDirectory listings, UserDirectory users,
                           AccessPolicy access, TransactionTemplate tx, FourEyes fourEyes, AuditLog audit) {
        this.requests = requests;
        this.listings = listings;
        this.users = users;
        this.access = access;
        this.tx = tx;
        this.fourEyes = fourEyes;
        this.audit = audit;
    }

    /** How many submitted requests the caller may decide. */
    public long countPending() {
        return countPending(WaitingRequestsFilter.NONE);
    }

    /** How many submitted requests the caller may decide meet the filter. */
    public long countPending(WaitingRequestsFilter filter) {
        return tx.execute(status -> requests.countSubmitted(decidable(access.caller()), filter));
    }

    /** Submitted requests the caller may decide, oldest first. */
    public List<EndpointRequestRow> pending(int offset, int limit) {
        return pending(WaitingRequestsFilter.NONE, offset, limit);
    }

    /**
     * Submitted requests the caller may decide that meet the filter, oldest first: rows without
     * timelines.
     *
     * @throws InvalidInputException for a filter value that cannot be used (field by field)
     */
    public List<EndpointRequestRow> pending(WaitingRequestsFilter filter, int offset, int limit) {
        return tx.execute(status -> requests.submitted(decidable(access.caller()), filter, offset, limit));
    }

    /**
     * Like {@link #pending(WaitingRequestsFilter, int, int)}, each row with the reason the caller may not decide
     * it though it waits in their queue: their own request (four eyes).
     */
    public List<PendingDecision> pendingDecisions(WaitingRequestsFilter filter, int offset, int limit) {
        return tx.execute(status -> {
            Caller caller = access.caller();
            List<EndpointRequestRow> rows = requests.submitted(decidable(caller), filter, offset, limit);
            Map<UUID, ListingRef> byId = listings.get(rows.stream().map(EndpointRequestRow::serviceId)
                    .distinct().toList());
            return rows.stream().map(r -> {
                ListingRef listing = byId.get(r.serviceId());
                // the row names its requester by user name, which is unique; decide() checks by id
                String refusal = listing == null || !r.requester().equals(caller.username()) ? null
                        : fourEyes.refusal(caller, caller.userId(), listing.approvalPolicy());
                return new PendingDecision(r, refusal);
            }).toList();
        });
    }

    /**
     * A request waiting in the caller's queue.
     *
     * @param cannotDecide why the caller may not decide it (their own request), or {@code null} when they may
     */
    public record PendingDecision(EndpointRequestRow request, String cannotDecide) {

        /** Whether the caller may approve or reject it. */
        public boolean decidable() {
            return cannotDecide == null;
        }
    }

    /** The services and requesting teams among the requests the caller may decide, for the dashboard's filters. */
    public RequestFilterChoices pendingFilterChoices() {
        return tx.execute(status -> requests.submittedFilterChoices(decidable(access.caller())));
    }

    /**
     * The listings whose requests' changes the dashboard shows the caller: those whose requests they
     * decide (every listing for admins).
     */
    public ChangeScope decidableChangeScope() {
        return tx.execute(status -> {
            Caller caller = access.caller();
            return caller.admin() ? ChangeScope.all() : ChangeScope.of(Set.copyOf(decidable(caller)));
        });
    }

    /**
     * Where the approval dashboard finds one request when opened at it (the links in notifications): the
     * request's service, and whether it still waits for the caller's decision.
     *
     * @return empty when there is no such request or the caller may not decide it
     */
    public Optional<Focus> focus(UUID requestId) {
        return tx.execute(status -> {
            Caller caller = access.caller();
            Pending request = requests.pending(requestId);
            if (request == null) {
                return Optional.<Focus>empty();
            }
            ListingRef listing = listings.get(request.listingId());
            if (!mayDecide(listing, caller)) {
                return Optional.<Focus>empty();
            }
            return Optional.of(new Focus(requestId, listing.id(), listing.name(), request.state()));
        });
    }

    /** A request the dashboard was opened at: its service, and its state (decided meanwhile, or still submitted). */
    public record Focus(UUID requestId, UUID listingId, String serviceName, EndpointState state) {
    }

    /**
     * Approves a submitted request; provisioning starts at once.
     *
     * @throws SelfDecisionRefusedException for the caller's own request (four eyes; audited as refused)
     */
    public EndpointRequestDetails approve(UUID id, String reason) {
        checkLength(reason);
        return decide(id, true, reason);
    }

    /**
     * Rejects a submitted request; a reason is required (at most {@value #MAX_REASON} characters) and shown to the
     * requester.
     *
     * @throws SelfDecisionRefusedException for the caller's own request (four eyes; audited as refused)
     */
    public EndpointRequestDetails reject(UUID id, String reason) {
        checkRejectionReason(reason);
        return decide(id, false, reason);
    }

    /**
     * Approves several requests; returns what happened to each (approved, or why not: among others the caller's
     * own requests, {@link BulkResult#OWN_REQUEST}, which do not stop the others).
     */
    public List<BulkOutcome> approveAll(List<UUID> ids, String reason) {
        checkBulk(ids, "approve");
        checkLength(reason);
        return decideEach(ids, id -> approve(id, reason));
    }

    /**
     * Rejects several requests with one reason (required, at most {@value #MAX_REASON} characters, shown
     * to each requester), each decided and audited as a single rejection is; returns what happened to each
     * (rejected, or why not: decided meanwhile, not the caller's to decide).
     *
     * @throws InvalidInputException when the reason is missing or too long (nothing is rejected then)
     */
    public List<BulkOutcome> rejectAll(List<UUID> ids, String reason) {
        checkBulk(ids, "reject");
        checkRejectionReason(reason);
        return decideEach(ids, id -> reject(id, reason));
    }

    /** What happened to one request of a bulk decision. */
    public enum BulkResult {
        /** Approved or rejected as asked. */
        DECIDED,
        /** No such request, or the caller may not see it. */
        NOT_FOUND,
        /** The caller may see it but not decide it. */
        NOT_ALLOWED,
        /** It is the caller's own request: someone else must decide it (four eyes). */
        OWN_REQUEST,
        /** It was decided before (or at the same moment, by someone else). */
        ALREADY_DECIDED,
        /** Anything else went wrong; {@code problem} says what. */
        FAILED;

        static BulkResult of(RuntimeException e) {
            return switch (e) {
                case NotFoundException n -> NOT_FOUND;
                case SelfDecisionRefusedException s -> OWN_REQUEST;
                case ForbiddenException f -> NOT_ALLOWED;
                case ConflictException c -> ALREADY_DECIDED;
                default -> FAILED;
            };
        }
    }

    /**
     * The result of one decision in a bulk decision.
     *
     * @param result  what happened
     * @param problem unless decided, why not
     */
    public record BulkOutcome(UUID id, BulkResult result, String problem) {

        /** The request was approved (or rejected) as asked. */
        public boolean done() {
            return result == BulkResult.DECIDED;
        }
    }

    private static List<BulkOutcome> decideEach(List<UUID> ids, Consumer<UUID> decision) {
        List<BulkOutcome> outcomes = new ArrayList<>();
        for (UUID id : ids) {
            try {
                decision.accept(id);
                outcomes.add(new BulkOutcome(id, BulkResult.DECIDED, null));
            } catch (RuntimeException e) { // reported with the others; the rest still get decided
                outcomes.add(new BulkOutcome(id, BulkResult.of(e), e.getMessage()));
            }
        }
        return outcomes;
    }

    private static void checkRejectionReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "Say why the request is rejected; the requester sees it");
        }
        checkLength(reason);
    }

    /** A reason is free text: line breaks allowed, other control characters not, at most {@value #MAX_REASON} characters. */
    static void checkLength(String reason) {
        TextRules.checkFreeText("reason", reason, MAX_REASON);
    }

    /** One to {@value #MAX_BULK} request ids, none missing. */
    private static void checkBulk(List<UUID> ids, String verb) {
        if (ids == null || ids.isEmpty()) {
            throw InvalidInputException.of("ids", "Name the requests to " + verb);
        }
        if (ids.size() > MAX_BULK) {
            throw InvalidInputException.of("ids", "At most " + MAX_BULK + " requests at once; " + ids.size()
                    + " given. Send them in several calls.");
        }
        if (ids.stream().anyMatch(java.util.Objects::isNull)) { // List.of(...).contains(null) throws
            throw InvalidInputException.of("ids", "Every id must be a request id");
        }
    }

    /** The listings whose requests the caller decides; {@code null} for all (admins). */
    Collection<UUID> decidable(Caller caller) {
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
                String refusal = fourEyes.refusal(caller, request.requesterId(), listing.approvalPolicy());
                if (refusal != null) {
                    audit.recordRefused(AuditEntry.of("REQUEST_DECISION_REFUSED", "ENDPOINT_REQUEST", id,
                                    listing.name(), request.consumerTeamId())
                            .change(request.state().name(), approve ? "APPROVED" : "REJECTED").because(refusal));
                    throw new SelfDecisionRefusedException(refusal);
                }
                String why = reason == null || reason.isBlank() ? null : reason.trim();
                return requests.decide(id, approve, why, caller);
            });
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new ConflictException("Someone else decided this request at the same moment; reload to see the decision", e);
        }
    }

    /** Platform admins decide every request; the owning team decides those of its services with the PROVIDER policy. */
    static boolean mayDecide(ListingRef listing, Caller caller) {
        return caller.admin()
                || listing.approvalPolicy() == ApprovalPolicy.PROVIDER && caller.isMemberOf(listing.ownerTeamId());
    }
}
