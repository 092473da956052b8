package dev.linkport.worker.jobs;

import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes what reconciliation found ({@code drift_finding}): one open finding per kind and subject;
 * finding it again only refreshes when it was last seen.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class DriftFindings {

    /** Kinds of drift. */
    public static final String ENDPOINT_GONE = "ENDPOINT_GONE";
    public static final String ENDPOINT_REJECTED = "ENDPOINT_REJECTED";
    public static final String OUT_OF_BAND_CONNECTION = "OUT_OF_BAND_CONNECTION";
    public static final String PRINCIPAL_ADDED_OUTSIDE = "PRINCIPAL_ADDED_OUTSIDE";
    public static final String PRINCIPAL_REMOVED_OUTSIDE = "PRINCIPAL_REMOVED_OUTSIDE";

    private final JdbcClient jdbc;

    DriftFindings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a finding, or refreshes the open one of the same kind and subject. */
    public void found(String kind, UUID listingId, UUID requestId, String subject, String detail, Instant now) {
        jdbc.sql("""
                        insert into drift_finding (id, kind, listing_id, request_id, subject, detail, found_at, last_seen_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (kind, subject) where resolved_at is null
                        do update set detail = excluded.detail, last_seen_at = excluded.last_seen_at""")
                .params(UUID.randomUUID(), kind, listingId, requestId, subject, detail, ts(now), ts(now))
                .update();
    }

    /** Closes open findings about the subject (AWS and Linkport agree again). */
    public void resolved(String subject, String by, Instant now) {
        jdbc.sql("update drift_finding set resolved_at = ?, resolved_by = ? where subject = ? and resolved_at is null")
                .params(ts(now), by, subject).update();
    }

    private static java.sql.Timestamp ts(Instant i) {
        return java.sql.Timestamp.from(i);
    }
}
