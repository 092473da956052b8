package dev.linkport.consumer.service;

import dev.linkport.catalog.service.ConsumerCounts;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.domain.EndpointLifecycle;
import dev.linkport.consumer.domain.EndpointRequest;
import dev.linkport.consumer.domain.EndpointRequestRepository;
import dev.linkport.consumer.domain.EndpointRequestRowRepository.Criteria;
import dev.linkport.consumer.jobs.ConsumerJobs;
import dev.linkport.identity.service.AccountDirectory;
import dev.linkport.identity.service.AccountRef;
import dev.linkport.identity.service.Caller;
import dev.linkport.platform.ConflictException;
import dev.linkport.worker.Jobs;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Endpoint requests seen from the service's side, for the modules that decide and serve them:
 * the approval dashboard (submitted requests, decisions) and the provider console (who depends on
 * a service, which request owns an endpoint, rejections and retirement). Those modules authorize
 * their callers; the request's lifecycle stays here.
 */
@Service
@Transactional
public class ServiceRequests implements ConsumerCounts {

    private final EndpointRequestRepository requests;
    private final AccountDirectory accounts;
    private final EndpointLifecycle lifecycle;
    private final RequestDetailsFactory details;
    private final RequestRows rows;
    private final Jobs jobs;
    private final Clock clock;

    ServiceRequests(EndpointRequestRepository requests, AccountDirectory accounts, EndpointLifecycle lifecycle,
                    RequestDetailsFactory details, RequestRows rows, Jobs jobs, Clock clock) {
        this.rows = rows;
        this.requests = requests;
        this.accounts = accounts;
        this.lifecycle = lifecycle;
        this.details = details;
        this.jobs = jobs;
        this.clock = clock;
    }

    /**
     * Submitted requests to these listings ({@code null}: to every listing) that meet the filter, oldest
     * first: rows without timelines.
     *
     * @throws dev.linkport.platform.InvalidInputException for a filter value that cannot be used
     */
    @Transactional(readOnly = true)
    public List<EndpointRequestRow> submitted(Collection<UUID> listingIds, WaitingRequestsFilter filter, int offset,
                                              int limit) {
        return rows.find(rows.waiting(Criteria.waitingFor(listingIds), filter), offset, limit);
    }

    /** How many requests to these listings ({@code null}: to every listing) that meet the filter wait for a decision. */
    @Transactional(readOnly = true)
    public long countSubmitted(Collection<UUID> listingIds, WaitingRequestsFilter filter) {
        return rows.count(rows.waiting(Criteria.waitingFor(listingIds), filter));
    }

    /**
     * Requests to any listing that were submitted at or before {@code moment} and still wait for a decision,
     * oldest first: for reminding their deciders (the notification module asks, with its own clock).
     */
    @Transactional(readOnly = true)
    public List<EndpointRequestRow> submittedAtOrBefore(java.time.Instant moment, int offset, int limit) {
        return rows.find(Criteria.waitingFor(null).withCreatedAtOrBefore(moment), offset, limit);
    }

    /** The services and requesting teams of the requests to these listings that wait for a decision. */
    @Transactional(readOnly = true)
    public RequestFilterChoices submittedFilterChoices(Collection<UUID> listingIds) {
        return rows.choices(Criteria.waitingFor(listingIds));
    }

    /** The request as the decider sees it, with the listing it is for. */
    @Transactional(readOnly = true)
    public Pending pending(UUID requestId) {
        return requests.findById(requestId).map(r -> new Pending(r.getId(), r.getListingId(), r.getConsumerTeamId(),
                r.getRequesterId(), r.getState(), r.getDecidedById())).orElse(null);
    }

    /**
     * A request awaiting a decision, as the approval module needs it to authorize.
     *
     * @param requesterId who asked for it (nobody decides their own request)
     * @param decidedById who decided it, once decided
     */
    public record Pending(UUID id, UUID listingId, UUID consumerTeamId, UUID requesterId, EndpointState state,
                          UUID decidedById) {
    }

    /**
     * Records a decision on a submitted request by the signed-in user, whom the approval module
     * has allowed to decide it. Approval starts provisioning; a rejection ends the request.
     *
     * @throws ConflictException when the request was decided meanwhile
     */
    public EndpointRequestDetails decide(UUID requestId, boolean approve, String reason, Caller decider) {
        EndpointRequest request = requests.findById(requestId).orElseThrow();
        if (request.getState() != EndpointState.SUBMITTED) {
            throw new ConflictException("This request was already decided; it is " + request.getState());
        }
        request.decided(decider.userId(), reason, clock.instant());
        if (approve) {
            lifecycle.move(request, EndpointState.APPROVED, reason == null ? "Approved by " + decider.username() : reason);
            jobs.schedule(ConsumerJobs.CREATE_ENDPOINTS, request.getConsumerAccountId());
        } else {
            lifecycle.move(request, EndpointState.REJECTED, reason);
        }
        requests.flush();
        return details.details(request, decider);
    }

    /** The listing's requests whose endpoint is live ({@link EndpointState#LIVE}), oldest first. */
    @Transactional(readOnly = true)
    public List<RequestRef> live(UUID listingId) {
        return refs(requests.findByListingIdAndStateInOrderByCreatedAt(listingId, EndpointState.LIVE));
    }

    /** The listing's live requests ({@link EndpointState#LIVE}) with their VPC and subnets, oldest first. */
    @Transactional(readOnly = true)
    public List<EndpointPlacement> livePlacements(UUID listingId) {
        List<EndpointRequest> live = requests.findByListingIdAndStateInOrderByCreatedAt(listingId, EndpointState.LIVE);
        List<RequestRef> refs = refs(live);
        return java.util.stream.IntStream.range(0, live.size())
                .mapToObj(i -> new EndpointPlacement(refs.get(i), live.get(i).getConsumerAccountId(),
                        live.get(i).getRegion(), live.get(i).getVpcId(), live.get(i).getSubnetIds()))
                .toList();
    }

    /** The listing's requests that own these endpoints, by endpoint id. */
    @Transactional(readOnly = true)
    public Map<String, RequestRef> byEndpoints(UUID listingId, Collection<String> vpcEndpointIds) {
        if (vpcEndpointIds.isEmpty()) {
            return Map.of();
        }
        return refs(requests.findByListingIdAndVpcEndpointIdIn(listingId, vpcEndpointIds)).stream()
                .collect(Collectors.toMap(RequestRef::vpcEndpointId, Function.identity(), (a, b) -> a));
    }

    /** The requests that own these endpoints (of any service), by endpoint id: one query for any number. */
    @Transactional(readOnly = true)
    public Map<String, RequestRef> byEndpoints(Collection<String> vpcEndpointIds) {
        if (vpcEndpointIds.isEmpty()) {
            return Map.of();
        }
        return refs(requests.findByVpcEndpointIds(vpcEndpointIds.toArray(String[]::new))).stream()
                .collect(Collectors.toMap(RequestRef::vpcEndpointId, Function.identity(), (a, b) -> a));
    }

    /**
     * The principal provisioning allowed for this request, if the request has ended and no other request to the
     * same service still needs it ({@link EndpointState#NEEDS_PRINCIPAL}): the provider module then removes it, if
     * Linkport added it. Empty while the request lives, when it never got that far, or while another needs it.
     */
    @Transactional(readOnly = true)
    public Optional<String> principalNoLongerNeeded(UUID requestId) {
        return requests.findById(requestId)
                .filter(r -> r.getState().terminal() && r.getAllowedPrincipal() != null)
                .filter(r -> requests.countByListingIdAndAllowedPrincipalAndStateIn(r.getListingId(),
                        r.getAllowedPrincipal(), EndpointState.NEEDS_PRINCIPAL) == 0)
                .map(EndpointRequest::getAllowedPrincipal);
    }

    @Override
    @Transactional(readOnly = true)
    public long count(UUID listingId) {
        return requests.countByListingIdAndStateIn(listingId, EndpointState.CONSUMING);
    }

    /**
     * The provider rejected the request's endpoint in AWS: a request on its way fails, an
     * available one has drifted; the timeline says why.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void connectionRejected(UUID requestId, String vpcEndpointId) {
        requests.findById(requestId).ifPresent(r -> {
            String reason = "The provider rejected the connection of " + vpcEndpointId + " in AWS";
            if (r.getState().canMoveTo(EndpointState.FAILED) && r.getState() != EndpointState.DELETING) {
                lifecycle.move(r, EndpointState.FAILED, reason);
            } else if (r.getState().canMoveTo(EndpointState.DRIFTED)) {
                lifecycle.move(r, EndpointState.DRIFTED, reason);
            }
        });
    }

    /**
     * The service is being retired: requests not yet in AWS are cancelled; when an admin forces
     * it, live endpoints no longer reach it (DRIFTED) and drifted ones end (DELETED).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void serviceRetiring(UUID listingId, String serviceName, boolean forced) {
        for (EndpointRequest r : requests.findByListingIdOrderByCreatedAt(listingId)) {
            EndpointState state = r.getState();
            if (state == EndpointState.SUBMITTED || state == EndpointState.APPROVED || state == EndpointState.FAILED) {
                lifecycle.move(r, EndpointState.CANCELLED, "The service " + serviceName + " was retired");
            } else if (forced && state.live()) {
                lifecycle.move(r, EndpointState.DRIFTED, "A platform admin forced the retirement of "
                        + serviceName + "; the endpoint no longer reaches it");
            } else if (forced && state == EndpointState.DRIFTED) {
                lifecycle.move(r, EndpointState.DELETED, "A platform admin forced the retirement of " + serviceName);
            }
        }
    }

    private List<RequestRef> refs(List<EndpointRequest> list) {
        Map<UUID, AccountRef> byId = accounts.get(list.stream().map(EndpointRequest::getConsumerAccountId)
                .collect(Collectors.toSet()));
        return list.stream().map(r -> {
            AccountRef account = byId.get(r.getConsumerAccountId());
            return new RequestRef(r.getId(), r.getListingId(), r.getVpcEndpointId(), account.accountId(),
                    account.teamName(), r.getState());
        }).toList();
    }
}
