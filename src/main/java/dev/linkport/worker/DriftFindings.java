package dev.linkport.worker;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What reconciliation found ({@code drift_finding}), written by the modules that reconcile their
 * data: one open finding per kind and subject; finding it again only refreshes when it was last seen.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class DriftFindings {

    private final JdbcClient jdbc;

    DriftFindings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a finding, or refreshes the open one of the same kind and subject. */
    public void found(DriftKind kind, UUID listingId, UUID requestId, String subject, String detail, Instant now) {
        jdbc.sql("""
                        insert into drift_finding (id, kind, listing_id, request_id, subject, detail, found_at, last_seen_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (kind, subject) where resolved_at is null
                        do update set detail = excluded.detail, last_seen_at = excluded.last_seen_at""")
                .params(UUID.randomUUID(), kind.name(), listingId, requestId, subject, detail, Timestamp.from(now),
                        Timestamp.from(now))
                .update();
    }

    /** Closes open findings about the subject (AWS and Linkport agree again). */
    public void resolved(String subject, String by, Instant now) {
        jdbc.sql("update drift_finding set resolved_at = ?, resolved_by = ? where subject = ? and resolved_at is null")
                .params(Timestamp.from(now), by, subject).update();
    }

    /** The subjects of the open findings of these kinds: what a reconciliation may have to close. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Set<String> openSubjects(Collection<DriftKind> kinds) {
        return jdbc.sql("select subject from drift_finding where kind = any(?) and resolved_at is null")
                .param(kinds.stream().map(DriftKind::name).toArray(String[]::new))
                .query(String.class).stream().collect(Collectors.toSet());
    }

    /** The requests with an open finding of this kind. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Set<UUID> openRequestIds(DriftKind kind) {
        return jdbc.sql("select request_id from drift_finding where kind = ? and resolved_at is null"
                        + " and request_id is not null")
                .param(kind.name()).query(UUID.class).stream().collect(Collectors.toSet());
    }
}
