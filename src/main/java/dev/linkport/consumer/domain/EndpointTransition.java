package dev.linkport.consumer.domain;

import dev.linkport.consumer.EndpointState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One step of a request's timeline: from which state to which, by whom, when and why. */
@Entity
@Immutable
@Table(name = "endpoint_request_transition")
public class EndpointTransition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_id", nullable = false)
    private UUID requestId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    private EndpointState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false)
    private EndpointState toState;

    @Column(name = "actor_id")
    private UUID actorId;

    @Column(name = "actor_name", nullable = false)
    private String actorName;

    private String reason;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected EndpointTransition() {
    }

    public EndpointTransition(UUID requestId, EndpointState fromState, EndpointState toState, UUID actorId,
                              String actorName, String reason, Instant occurredAt) {
        this.requestId = requestId;
        this.fromState = fromState;
        this.toState = toState;
        this.actorId = actorId;
        this.actorName = actorName;
        this.reason = reason;
        this.occurredAt = occurredAt;
    }

    public Long getId() { return id; }
    public UUID getRequestId() { return requestId; }
    public EndpointState getFromState() { return fromState; }
    public EndpointState getToState() { return toState; }
    public UUID getActorId() { return actorId; }
    public String getActorName() { return actorName; }
    public String getReason() { return reason; }
    public Instant getOccurredAt() { return occurredAt; }
}
