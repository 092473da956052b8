package dev.linkport.audit.service;

import dev.linkport.audit.domain.AuditEvent;
import dev.linkport.audit.domain.AuditEventRepository;
import dev.linkport.platform.OffsetPage;
import dev.linkport.platform.security.CurrentActor;
import jakarta.persistence.criteria.Predicate;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit log; platform admins only. */
@Service
@Transactional(readOnly = true)
public class AuditQueryService {

    private final AuditEventRepository events;
    private final CurrentActor actor;
    private final AuditTeams teams;
    private final JdbcClient jdbc;

    public AuditQueryService(AuditEventRepository events, CurrentActor actor, AuditTeams teams, JdbcClient jdbc) {
        this.events = events;
        this.actor = actor;
        this.teams = teams;
        this.jdbc = jdbc;
    }

    /**
     * Filters for the audit log; null or blank fields do not filter. Text fields match parts,
     * ignoring case; {@code team} matches a team's name or display name; {@code to} is exclusive.
     */
    public record AuditFilter(String actor, String team, String action, String target, Instant from, Instant to) {

        public AuditFilter(String actor, String action, String target, Instant from, Instant to) {
            this(actor, null, action, target, from, to);
        }

        public static AuditFilter none() {
            return new AuditFilter(null, null, null, null, null, null);
        }
    }

    /** Rows fetched per database round trip while exporting. */
    private static final int EXPORT_BATCH = 500;

    /** One audit line as views and the API show it. */
    public record AuditRow(long id, Instant occurredAt, String actorName, String action, String targetType,
                                 String targetId, String targetLabel, UUID teamId, String before, String after,
                                 String reason) {
    }

    /** A page of the log, newest first. */
    public List<AuditRow> list(AuditFilter filter, int offset, int limit) {
        requireAdmin();
        Pageable page = new OffsetPage(offset, limit, Sort.by(Sort.Direction.DESC, "occurredAt", "id"));
        return events.findAll(spec(filter, teamIds(filter)), page).map(AuditQueryService::view).getContent();
    }

    public long count(AuditFilter filter) {
        requireAdmin();
        return events.count(spec(filter, teamIds(filter)));
    }

    /**
     * Writes every line matching the filter as CSV (RFC 4180, a header line first), newest first,
     * fetching a few hundred at a time so any size of log streams in constant memory.
     */
    public void exportCsv(AuditFilter filter, Writer out) throws IOException {
        requireAdmin();
        List<UUID> teamFilter = teamIds(filter);
        Map<UUID, String> teamNames = new HashMap<>();
        out.write("id,occurred_at,actor,action,target_type,target_id,target_label,team,before,after,reason\r\n");
        // lines written meanwhile are left out, so that the pages below do not shift
        long last = jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
        Specification<AuditEvent> upToNow = spec(filter, teamFilter)
                .and((root, query, cb) -> cb.le(root.get("id"), last));
        int offset = 0;
        while (true) {
            Pageable page = new OffsetPage(offset, EXPORT_BATCH, Sort.by(Sort.Direction.DESC, "occurredAt", "id"));
            List<AuditEvent> batch = events.findAll(upToNow, page).getContent();
            List<UUID> unnamed = batch.stream().map(AuditEvent::getTeamId)
                    .filter(id -> id != null && !teamNames.containsKey(id)).distinct().toList();
            teamNames.putAll(teams.names(unnamed));
            for (AuditEvent e : batch) {
                out.write(String.join(",", String.valueOf(e.getId()), e.getOccurredAt().toString(),
                        csv(e.getActorName()), csv(e.getAction()), csv(e.getTargetType()), csv(e.getTargetId()),
                        csv(e.getTargetLabel()), csv(e.getTeamId() == null ? null : teamNames.get(e.getTeamId())),
                        csv(e.getBeforeValue()), csv(e.getAfterValue()), csv(e.getReason())));
                out.write("\r\n");
            }
            if (batch.size() < EXPORT_BATCH) {
                break;
            }
            offset += EXPORT_BATCH;
        }
        out.flush();
    }

    /**
     * One CSV field: quoted when needed; a leading {@code = + - @} is defused with a quote so that
     * spreadsheets do not run the value as a formula.
     */
    static String csv(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    /** The ids of teams whose name matches the filter's team, or null when it does not filter by team. */
    private List<UUID> teamIds(AuditFilter f) {
        if (!hasText(f.team())) {
            return null;
        }
        return teams.idsMatching(f.team());
    }

    /** The log lines about one target, oldest first (for timelines and tests). */
    public List<AuditRow> forTarget(String targetType, String targetId) {
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

    private static Specification<AuditEvent> spec(AuditFilter f, List<UUID> teams) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (teams != null) {
                where.add(teams.isEmpty() ? cb.disjunction() : root.get("teamId").in(teams));
            }
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

    private static AuditRow view(AuditEvent e) {
        return new AuditRow(e.getId(), e.getOccurredAt(), e.getActorName(), e.getAction(), e.getTargetType(),
                e.getTargetId(), e.getTargetLabel(), e.getTeamId(), e.getBeforeValue(), e.getAfterValue(),
                e.getReason());
    }
}
