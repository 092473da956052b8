package dev.linkport.consumer.service;

import dev.linkport.catalog.service.ListingDirectory;
import dev.linkport.catalog.service.ListingRef;
import dev.linkport.consumer.ChangeState;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.domain.EndpointChange;
import dev.linkport.consumer.domain.EndpointChangeRepository;
import dev.linkport.consumer.domain.EndpointLifecycle;
import dev.linkport.consumer.domain.EndpointRequest;
import dev.linkport.consumer.domain.EndpointRequestRepository;
import dev.linkport.consumer.jobs.ConsumerJobs;
import dev.linkport.identity.service.AccountDirectory;
import dev.linkport.identity.service.AccountRef;
import dev.linkport.identity.service.Caller;
import dev.linkport.platform.ConflictException;
import dev.linkport.platform.OffsetPage;
import dev.linkport.worker.Jobs;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Endpoint changes waiting for approval, for the approval module, which authorizes its callers (who decides
 * follows the service's approval policy, with four eyes): the queue, and the decisions. Approval hands the change
 * to the worker ({@code modify-endpoint}); a rejection ends it. Both go on the request's timeline and in the audit
 * log. The changes' lifecycle stays here.
 */
@Service
@Transactional
public class EndpointChangeDecisions {

    private final EndpointChangeRepository changes;
    private final EndpointRequestRepository requests;
    private final ListingDirectory listings;
    private final AccountDirectory accounts;
    private final EndpointLifecycle lifecycle;
    private final Jobs jobs;
    private final Clock clock;

    EndpointChangeDecisions(EndpointChangeRepository changes, EndpointRequestRepository requests,
                            ListingDirectory listings, AccountDirectory accounts, EndpointLifecycle lifecycle,
                            Jobs jobs, Clock clock) {
        this.changes = changes;
        this.requests = requests;
        this.listings = listings;
        this.accounts = accounts;
        this.lifecycle = lifecycle;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** Changes of endpoints to these listings ({@code null}: to every listing) waiting for approval, oldest first. */
    @Transactional(readOnly = true)
    public List<ChangeAwaitingDecision> awaiting(Collection<UUID> listingIds, int offset, int limit) {
        if (listingIds != null && listingIds.isEmpty()) {
            return List.of();
        }
        OffsetPage page = new OffsetPage(offset, limit, Sort.unsorted());
        List<EndpointChange> found = listingIds == null ? changes.awaitingApproval(page)
                : changes.awaitingApproval(listingIds, page);
        Map<UUID, EndpointRequest> byRequest = requests.findAllById(found.stream().map(EndpointChange::getRequestId)
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(EndpointRequest::getId,
                Function.identity()));
        Map<UUID, ListingRef> byListing = listings.get(byRequest.values().stream().map(EndpointRequest::getListingId)
                .collect(Collectors.toSet()));
        Map<UUID, AccountRef> byAccount = accounts.get(byRequest.values().stream()
                .map(EndpointRequest::getConsumerAccountId).collect(Collectors.toSet()));
        return found.stream().map(c -> {
            EndpointRequest r = byRequest.get(c.getRequestId());
            ListingRef listing = byListing.get(r.getListingId());
            AccountRef account = byAccount.get(r.getConsumerAccountId());
            List<String> subnets = List.copyOf(new TreeSet<>(r.getSubnetIds()));
            List<String> groups = List.copyOf(new TreeSet<>(r.getSecurityGroupIds()));
            return new ChangeAwaitingDecision(c.getId(), r.getId(), r.getListingId(),
                    listing == null ? null : listing.name(), account == null ? null : account.teamName(),
                    account == null ? null : account.accountId(), r.getRegion(), r.getVpcId(), r.getVpcEndpointId(),
                    c.getRequestedById(), c.getRequestedBy(), c.getCreatedAt(), c.getSummary(), subnets,
                    c.getSubnetIds() == null ? subnets : c.getSubnetIds(), groups,
                    c.getSecurityGroupIds() == null ? groups : c.getSecurityGroupIds(), r.isPrivateDnsEnabled(),
                    c.getPrivateDnsEnabled() == null ? r.isPrivateDnsEnabled() : c.getPrivateDnsEnabled());
        }).toList();
    }

    /** How many changes of endpoints to these listings ({@code null}: to every listing) wait for approval. */
    @Transactional(readOnly = true)
    public long countAwaiting(Collection<UUID> listingIds) {
        if (listingIds != null && listingIds.isEmpty()) {
            return 0;
        }
        return listingIds == null ? changes.countAwaitingApproval() : changes.countAwaitingApproval(listingIds);
    }

    /** The change as the decider sees it, with the listing and team of its endpoint, or {@code null} if none. */
    @Transactional(readOnly = true)
    public PendingChange pending(UUID changeId) {
        return changes.findById(changeId).map(c -> {
            EndpointRequest r = requests.findById(c.getRequestId()).orElseThrow();
            return new PendingChange(c.getId(), r.getId(), r.getListingId(), r.getConsumerTeamId(),
                    c.getRequestedById(), c.getState(), c.getDecidedBy());
        }).orElse(null);
    }

    /**
     * A change of an endpoint, as the approval module needs it to authorize a decision.
     *
     * @param requestedById who asked for it (nobody decides their own change)
     * @param decidedBy     who decided it, once decided
     */
    public record PendingChange(UUID id, UUID requestId, UUID listingId, UUID consumerTeamId, UUID requestedById,
                                ChangeState state, String decidedBy) {
    }

    /**
     * Records a decision on a change waiting for approval by the signed-in user, whom the approval module has allowed
     * to decide it. Approval hands it to the worker; a rejection (with its reason) ends it.
     *
     * @throws ConflictException when the change was decided meanwhile, or is approved while its endpoint is no
     *                           longer available
     */
    public EndpointChangeDetails decide(UUID changeId, boolean approve, String reason, Caller decider) {
        EndpointChange change = changes.findById(changeId).orElseThrow();
        if (change.getState() != ChangeState.AWAITING_APPROVAL) {
            throw new ConflictException("This change was already decided"
                    + (change.getDecidedBy() == null ? "" : " by " + change.getDecidedBy()) + "; it is "
                    + change.getState());
        }
        EndpointRequest request = requests.findById(change.getRequestId()).orElseThrow();
        String because = reason == null ? "" : ": " + reason;
        if (approve) {
            if (request.getState() != EndpointState.AVAILABLE) {
                throw new ConflictException("The endpoint is " + request.getState()
                        + " now; only a change of an available endpoint can be approved. Reject it instead");
            }
            change.approved(decider.userId(), decider.username(), reason, clock.instant());
            lifecycle.note(request, "REQUEST_CHANGE_APPROVED", ChangeState.AWAITING_APPROVAL.name(),
                    ChangeState.APPLYING.name(), "Change approved by " + decider.username() + " ("
                            + change.getSummary() + ")" + because);
            jobs.schedule(ConsumerJobs.MODIFY_ENDPOINT, change.getId());
        } else {
            change.rejected(decider.userId(), decider.username(), reason, clock.instant());
            lifecycle.note(request, "REQUEST_CHANGE_REJECTED", ChangeState.AWAITING_APPROVAL.name(),
                    ChangeState.REJECTED.name(), "Change rejected by " + decider.username() + " ("
                            + change.getSummary() + ")" + because);
        }
        changes.flush();
        return EndpointChangeDetails.of(change);
    }
}
