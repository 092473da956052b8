package dev.linkport.audit.service;

import dev.linkport.platform.security.PlatformAdmins;
import dev.linkport.platform.LikePatterns;
import java.io.IOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit log; platform admins only. Lists are pages newest first; counts stop at
 * {@link #COUNT_CAP}; the CSV export walks the log by keyset ({@code occurred_at}, {@code id}), so
 * its cost per page does not grow with how far into the log it is.
 */
@Service
@Transactional(readOnly = true)
public class AuditQueryService {

    /** Counting stops here: a larger count is reported as {@code COUNT_CAP + 1}, "more than" this. */
    public static final int COUNT_CAP = 10_000;

    /** Rows fetched per database round trip while exporting. */
    static final int EXPORT_BATCH = 500;

    private static final String COLUMNS = "id, occurred_at, actor_name, action, target_type, target_id, target_label,"
            + " team_id, before_value, after_value, reason";
    private static final String NEWEST_FIRST = " order by occurred_at desc, id desc";

    private final PlatformAdmins admins;
    private final AuditTeams teams;
    private final JdbcClient jdbc;

    public AuditQueryService(PlatformAdmins admins, AuditTeams teams, JdbcClient jdbc) {
        this.admins = admins;
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

    /** One audit line as views and the API show it. */
    public record AuditRow(long id, Instant occurredAt, String actorName, String action, String targetType,
                           String targetId, String targetLabel, UUID teamId, String before, String after,
                           String reason) {
    }

    /** A page of the lines matching the filter, newest first. */
    public List<AuditRow> list(AuditFilter filter, int offset, int limit) {
        requireAdmin();
        Where where = where(filter);
        return jdbc.sql("select " + COLUMNS + " from audit_event" + where.sql() + NEWEST_FIRST + " offset ? limit ?")
                .params(where.with(offset, limit)).query(AuditQueryService::row).list();
    }

    /**
     * How many lines match the filter, counted up to {@link #COUNT_CAP}: more than that gives
     * {@code COUNT_CAP + 1}, so a filter matching millions costs no more than one matching ten thousand.
     */
    public long count(AuditFilter filter) {
        requireAdmin();
        Where where = where(filter);
        return jdbc.sql("select count(*) from (select 1 from audit_event" + where.sql() + " limit ?) capped")
                .params(where.with(COUNT_CAP + 1)).query(Long.class).single();
    }

    /**
     * Writes every line matching the filter as CSV (RFC 4180, a header line first), newest first,
     * fetching {@value #EXPORT_BATCH} at a time after the last line written (keyset paging), so any
     * size of log streams in constant memory and each page costs the same. Lines written while it
     * runs are left out.
     */
    public void exportCsv(AuditFilter filter, Writer out) throws IOException {
        requireAdmin();
        Where where = where(filter);
        Map<UUID, String> teamNames = new HashMap<>();
        out.write("id,occurred_at,actor,action,target_type,target_id,target_label,team,before,after,reason\r\n");
        long last = jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
        String upToNow = where.sql().isEmpty() ? " where id <= ?" : where.sql() + " and id <= ?";
        AuditRow after = null;
        while (true) {
            List<AuditRow> batch = after == null
                    ? jdbc.sql("select " + COLUMNS + " from audit_event" + upToNow + NEWEST_FIRST + " limit ?")
                            .params(where.with(last, EXPORT_BATCH)).query(AuditQueryService::row).list()
                    : jdbc.sql("select " + COLUMNS + " from audit_event" + upToNow
                                    + " and (occurred_at, id) < (?, ?)" + NEWEST_FIRST + " limit ?")
                            .params(where.with(last, Timestamp.from(after.occurredAt()), after.id(), EXPORT_BATCH))
                            .query(AuditQueryService::row).list();
            List<UUID> unnamed = batch.stream().map(AuditRow::teamId)
                    .filter(id -> id != null && !teamNames.containsKey(id)).distinct().toList();
            teamNames.putAll(teams.names(unnamed));
            for (AuditRow e : batch) {
                out.write(String.join(",", String.valueOf(e.id()), e.occurredAt().toString(),
                        csv(e.actorName()), csv(e.action()), csv(e.targetType()), csv(e.targetId()),
                        csv(e.targetLabel()), csv(e.teamId() == null ? null : teamNames.get(e.teamId())),
                        csv(e.before()), csv(e.after()), csv(e.reason())));
                out.write("\r\n");
            }
            if (batch.size() < EXPORT_BATCH) {
                break;
            }
            after = batch.getLast();
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

    /** The log lines about one target, oldest first (for timelines and tests). */
    public List<AuditRow> forTarget(String targetType, String targetId) {
        requireAdmin();
        return jdbc.sql("select " + COLUMNS + " from audit_event where target_type = ? and target_id = ?"
                        + " order by occurred_at, id")
                .params(targetType, targetId).query(AuditQueryService::row).list();
    }

    /** From the database, not the session's flag: an admin who lost the flag reads no more on their next call. */
    private void requireAdmin() {
        if (!admins.callerIsAdmin()) {
            throw new AccessDeniedException("Only platform admins may read the audit log");
        }
    }

    /** A where clause and its parameters; empty when nothing filters. */
    private record Where(String sql, List<Object> params) {

        Object[] with(Object... more) {
            List<Object> all = new ArrayList<>(params);
            all.addAll(List.of(more));
            return all.toArray();
        }
    }

    /**
     * The filter as SQL. The text filters are {@code lower(column) like '%…%'}, which the trigram
     * indexes of V14 serve; {@code %} and {@code _} in what people type match themselves.
     */
    private Where where(AuditFilter f) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (hasText(f.team())) {
            List<UUID> ids = teams.idsMatching(f.team());
            conditions.add("team_id = any(cast(? as uuid[]))");
            params.add(ids.stream().map(UUID::toString).toArray(String[]::new));
        }
        if (hasText(f.actor())) {
            conditions.add("lower(actor_name) like ?");
            params.add(LikePatterns.containing(f.actor()));
        }
        if (hasText(f.action())) {
            conditions.add("lower(action) like ?");
            params.add(LikePatterns.containing(f.action()));
        }
        if (hasText(f.target())) {
            conditions.add("(lower(target_label) like ? or lower(target_id) like ?)");
            params.add(LikePatterns.containing(f.target()));
            params.add(LikePatterns.containing(f.target()));
        }
        if (f.from() != null) {
            conditions.add("occurred_at >= ?");
            params.add(Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            conditions.add("occurred_at < ?");
            params.add(Timestamp.from(f.to()));
        }
        return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params);
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }

    private static AuditRow row(ResultSet rs, int n) throws SQLException {
        return new AuditRow(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor_name"), rs.getString("action"), rs.getString("target_type"),
                rs.getString("target_id"), rs.getString("target_label"), rs.getObject("team_id", UUID.class),
                rs.getString("before_value"), rs.getString("after_value"), rs.getString("reason"));
    }
}
