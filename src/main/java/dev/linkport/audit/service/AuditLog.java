package dev.linkport.audit.service;

import dev.linkport.audit.domain.AuditEvent;
import dev.linkport.audit.domain.AuditEventRepository;
import dev.linkport.platform.security.CurrentActor;
import dev.linkport.platform.security.LinkportPrincipal;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the audit log. Called inside the transaction that makes the change, so a change and its
 * audit line are stored together or not at all.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class AuditLog {

    /** Actor name used for changes made by Linkport itself (worker, start-up). */
    public static final String SYSTEM = "linkport";

    private final AuditEventRepository events;
    private final CurrentActor actor;
    private final Clock clock;

    public AuditLog(AuditEventRepository events, CurrentActor actor, Clock clock) {
        this.events = events;
        this.actor = actor;
        this.clock = clock;
    }

    /** Records the entry as done by the signed-in user, or by Linkport itself when nobody is. */
    public void record(AuditEntry entry) {
        LinkportPrincipal who = actor.principal().orElse(null);
        write(entry, who == null ? null : who.userId(), who == null ? SYSTEM : who.username());
    }

    /**
     * Records an attempt that Linkport refused (e.g. deciding one's own request), as done by the signed-in
     * user, in a transaction of its own: the refused change rolls back, the line that it was tried stays.
     * Needs no surrounding transaction.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordRefused(AuditEntry entry) {
        record(entry);
    }

    /** Records the entry as done by Linkport itself (the worker, start-up tasks). */
    public void recordSystem(AuditEntry entry) {
        write(entry, null, SYSTEM);
    }

    private void write(AuditEntry e, UUID actorId, String actorName) {
        events.save(new AuditEvent(clock.instant(), actorId, actorName, e.action(), e.targetType(), e.targetId(),
                e.targetLabel(), e.teamId(), e.before(), e.after(), e.reason()));
    }
}
