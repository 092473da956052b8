package dev.linkport.consumer.service;

import dev.linkport.audit.service.AuditEntry;
import dev.linkport.audit.service.AuditLog;
import dev.linkport.consumer.domain.EndpointRequest;
import dev.linkport.consumer.domain.EndpointState;
import dev.linkport.consumer.domain.EndpointTransitionRepository;
import dev.linkport.platform.events.Changed;
import dev.linkport.platform.events.RequestMoved;
import dev.linkport.platform.security.CurrentActor;
import dev.linkport.platform.security.LinkportPrincipal;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every state change of an endpoint request goes through here: it moves the state, stores the
 * timeline entry, writes the audit log and tells open views — all in the caller's transaction.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class EndpointLifecycle {

    private final EndpointTransitionRepository transitions;
    private final AuditLog audit;
    private final CurrentActor actor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public EndpointLifecycle(EndpointTransitionRepository transitions, AuditLog audit, CurrentActor actor,
                             ApplicationEventPublisher events, Clock clock) {
        this.transitions = transitions;
        this.audit = audit;
        this.actor = actor;
        this.events = events;
        this.clock = clock;
    }

    /** Moves the request as the signed-in user, or as Linkport itself when nobody is signed in. */
    public void move(EndpointRequest request, EndpointState next, String reason) {
        LinkportPrincipal who = actor.principal().orElse(null);
        EndpointState before = request.getState();
        transitions.save(request.moveTo(next, who == null ? null : who.userId(),
                who == null ? AuditLog.SYSTEM : who.username(), reason, clock.instant()));
        AuditEntry entry = AuditEntry.of("REQUEST_" + next.name(), "ENDPOINT_REQUEST", request.getId(),
                        request.getListing().getName() + " → " + request.getConsumerAccount().getAccountId() + "/"
                                + request.getVpcId(), request.getConsumerAccount().getTeam().getId())
                .change(before.name(), next.name()).because(reason);
        if (who == null) {
            audit.recordSystem(entry);
        } else {
            audit.record(entry);
        }
        events.publishEvent(new RequestMoved(request.getId(), before.name(), next.name(), reason));
        changed(request);
    }

    /** Tells listeners that a request was just submitted (its first timeline entry is stored by the caller). */
    public void submitted(EndpointRequest request) {
        events.publishEvent(new RequestMoved(request.getId(), null, request.getState().name(),
                request.getJustification()));
        changed(request);
    }

    /** Tells open views that the request changed without a state change (e.g. its endpoint id). */
    public void changed(EndpointRequest request) {
        events.publishEvent(new Changed(Changed.ENDPOINT_REQUEST, request.getId()));
    }
}
