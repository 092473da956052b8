package dev.linkport.consumer.domain;

import dev.linkport.audit.service.AuditEntry;
import dev.linkport.audit.service.AuditLog;
import dev.linkport.catalog.service.ListingDirectory;
import dev.linkport.catalog.service.ListingRef;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.RequestMoved;
import dev.linkport.identity.service.AccountDirectory;
import dev.linkport.platform.events.Changed;
import dev.linkport.platform.events.Changed.Topic;
import dev.linkport.platform.security.CurrentActor;
import dev.linkport.platform.security.LinkportPrincipal;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every state change of an endpoint request goes through here, its submission included: it moves
 * the state (as {@link EndpointState#canMoveTo} allows), stores the timeline entry, writes the audit
 * log, publishes {@link RequestMoved} for other modules and tells open views — all in the caller's
 * transaction.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class EndpointLifecycle {

    private final EndpointRequestRepository requests;
    private final EndpointTransitionRepository transitions;
    private final ListingDirectory listings;
    private final AccountDirectory accounts;
    private final AuditLog audit;
    private final CurrentActor actor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EndpointLifecycle(EndpointRequestRepository requests, EndpointTransitionRepository transitions,
                      ListingDirectory listings, AccountDirectory accounts, AuditLog audit, CurrentActor actor,
                      ApplicationEventPublisher events, Clock clock) {
        this.requests = requests;
        this.transitions = transitions;
        this.listings = listings;
        this.accounts = accounts;
        this.audit = audit;
        this.actor = actor;
        this.events = events;
        this.clock = clock;
    }

    /** Stores a new request as submitted by the signed-in user, with its first timeline entry. */
    public EndpointRequest submit(EndpointRequest request) {
        requests.saveAndFlush(request);
        record(request, null, request.getJustification());
        return request;
    }

    /** Moves the request as the signed-in user, or as Linkport itself when nobody is signed in. */
    public void move(EndpointRequest request, EndpointState next, String reason) {
        EndpointState before = request.getState();
        LinkportPrincipal who = actor.principal().orElse(null);
        transitions.save(request.moveTo(next, who == null ? null : who.userId(),
                who == null ? AuditLog.SYSTEM : who.username(), reason, clock.instant()));
        record(request, before, reason);
    }

    private void record(EndpointRequest request, EndpointState before, String reason) {
        LinkportPrincipal who = actor.principal().orElse(null);
        if (before == null) {
            transitions.save(new EndpointTransition(request.getId(), null, request.getState(),
                    who == null ? null : who.userId(), who == null ? AuditLog.SYSTEM : who.username(), reason,
                    clock.instant()));
        }
        ListingRef listing = listings.get(request.getListingId());
        String accountId = accounts.get(request.getConsumerAccountId()).accountId();
        AuditEntry entry = AuditEntry.of("REQUEST_" + request.getState().name(), "ENDPOINT_REQUEST", request.getId(),
                        listing.name() + " → " + accountId + "/" + request.getVpcId(), request.getConsumerTeamId())
                .change(before == null ? null : before.name(), request.getState().name()).because(reason);
        if (who == null) {
            audit.recordSystem(entry);
        } else {
            audit.record(entry);
        }
        events.publishEvent(new RequestMoved(request.getId(), request.getListingId(), listing.name(), accountId,
                request.getVpcId(), request.getRequesterId(), request.getJustification(), before, request.getState(),
                reason, request.getCreatedAt(), clock.instant()));
        changed(request);
    }

    /**
     * Records something that happened to the request without moving its state (a change of its endpoint asked for,
     * applied or refused): a timeline entry from its state to the same state, and an audit line with {@code action}
     * ({@code before} → {@code after} as the change), as the signed-in user or Linkport itself.
     */
    public void note(EndpointRequest request, String action, String before, String after, String reason) {
        LinkportPrincipal who = actor.principal().orElse(null);
        transitions.save(new EndpointTransition(request.getId(), request.getState(), request.getState(),
                who == null ? null : who.userId(), who == null ? AuditLog.SYSTEM : who.username(), reason,
                clock.instant()));
        ListingRef listing = listings.get(request.getListingId());
        String accountId = accounts.get(request.getConsumerAccountId()).accountId();
        AuditEntry entry = AuditEntry.of(action, "ENDPOINT_REQUEST", request.getId(),
                listing.name() + " → " + accountId + "/" + request.getVpcId(), request.getConsumerTeamId())
                .change(before, after).because(reason);
        if (who == null) {
            audit.recordSystem(entry);
        } else {
            audit.record(entry);
        }
        changed(request);
    }

    /** Tells open views that the request changed without a state change (e.g. its endpoint id). */
    public void changed(EndpointRequest request) {
        events.publishEvent(new Changed(Topic.ENDPOINT_REQUEST, request.getId(), request.getConsumerTeamId(),
                request.getListingId()));
    }
}
