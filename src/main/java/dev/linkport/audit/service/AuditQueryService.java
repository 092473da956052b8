package dev.linkport.audit.service;

import dev.linkport.audit.domain.AuditEvent;
import dev.linkport.audit.domain.AuditEventRepository;
import dev.linkport.platform.OffsetPage;
import dev.linkport.platform.security.CurrentActor;
import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit log; platform admins only. */
@Service
@Transactional(readOnly = true)
public class AuditQueryService {

    private final AuditEventRepository events;
    private final CurrentActor actor;

    public AuditQueryService(AuditEventRepository events, CurrentActor actor) {
        this.events = events;
        this.actor = actor;
    }

    /** Filters for the audit log; null or blank fields do not filter. */
    public record AuditFilter(String actor, String action, String target, Instant from, Instant to) {
        public static AuditFilter none() {
            return new AuditFilter(null, null, null, null, null);
        }
    }

    /** One audit line as views and the API show it. */
    public record AuditEventView(long id, Instant occurredAt, String actorName, String action, String targetType,
                                 String targetId, String targetLabel, UUID teamId, String before, String after,
                                 String reason) {
    }

    /** A page of the log, newest first. */
    public List<AuditEventView> list(AuditFilter filter, int offset, int limit) {
        requireAdmin();
        Pageable page = new OffsetPage(offset, limit, Sort.by(Sort.Direction.DESC, "occurredAt", "id"));
        return events.findAll(spec(filter), page).map(AuditQueryService::view).getContent();
    }

    public long count(AuditFilter filter) {
        requireAdmin();
        return events.count(spec(filter));
    }

    /** The log lines about one target, oldest first (for timelines and tests). */
    public List<AuditEventView> forTarget(String targetType, String targetId) {
        requireAdmin();
        return events.findAll((root, q, cb) -> cb.and(cb.equal(root.get("targetType"), targetType),
                        cb.equal(root.get("targetId"), targetId)), Sort.by("occurredAt", "id"))
                .stream().map(AuditQueryService::view).toList();
    }

    private void requireAdmin() {
        if (!actor.require().admin()) {
            throw new AccessDeniedException("Only platform admins may read the audit log");
        }
    }

    private static Specification<AuditEvent> spec(AuditFilter f) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (hasText(f.actor())) {
                where.add(cb.like(cb.lower(root.get("actorName")), "%" + f.actor().trim().toLowerCase() + "%"));
            }
            if (hasText(f.action())) {
                where.add(cb.like(cb.lower(root.get("action")), "%" + f.action().trim().toLowerCase() + "%"));
            }
            if (hasText(f.target())) {
                String t = "%" + f.target().trim().toLowerCase() + "%";
                where.add(cb.or(cb.like(cb.lower(root.get("targetLabel")), t),
                        cb.like(cb.lower(root.get("targetId")), t)));
            }
            if (f.from() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), f.from()));
            }
            if (f.to() != null) {
                where.add(cb.lessThan(root.get("occurredAt"), f.to()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }

    private static AuditEventView view(AuditEvent e) {
        return new AuditEventView(e.getId(), e.getOccurredAt(), e.getActorName(), e.getAction(), e.getTargetType(),
                e.getTargetId(), e.getTargetLabel(), e.getTeamId(), e.getBeforeValue(), e.getAfterValue(),
                e.getReason());
    }
}
