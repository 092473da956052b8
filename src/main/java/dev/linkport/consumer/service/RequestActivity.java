package dev.linkport.consumer.service;

import dev.linkport.identity.service.AccessPolicy;
import dev.linkport.worker.RequestStatistics;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Endpoint requests per hour ({@link RequestStatistics}), for the charts of the Operations page (platform admins only): what happened to
 * requests (approved, rejected, available, failed) and how long decisions took. Read from the timeline and the
 * requests in PostgreSQL, so the figures cover every instance and survive restarts; both queries read a day's
 * rows through their indexes (V25), however long the history.
 */
@Service
@Transactional(readOnly = true)
public class RequestActivity implements RequestStatistics {

    private static final String ADMINS_ONLY = "Only platform admins see request activity";

    private final JdbcClient jdbc;
    private final AccessPolicy access;

    RequestActivity(JdbcClient jdbc, AccessPolicy access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /**
     * Per hour from {@code from} (inclusive) to {@code to} (exclusive): requests approved (from submitted; a
     * retry is not a second approval), rejected, available (on provisioning, not on coming back from drift) and
     * failed. Hours with none are left out.
     */
    @Override
    public List<HourlyOutcomes> outcomesPerHour(Instant from, Instant to) {
        access.requireAdmin(ADMINS_ONLY);
        Map<Instant, long[]> hours = new LinkedHashMap<>();
        jdbc.sql("""
                        select date_trunc('hour', occurred_at, 'UTC') as hour, to_state, count(*)
                        from endpoint_request_transition
                        where occurred_at >= ? and occurred_at < ?
                          and (to_state in ('REJECTED', 'FAILED')
                               or (to_state = 'APPROVED' and from_state = 'SUBMITTED')
                               or (to_state = 'AVAILABLE' and from_state in ('PROVISIONING', 'PENDING_ACCEPTANCE')))
                        group by 1, 2 order by 1""")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query(rs -> {
                    long[] counts = hours.computeIfAbsent(rs.getTimestamp(1).toInstant(), h -> new long[4]);
                    int slot = switch (rs.getString(2)) {
                        case "APPROVED" -> 0;
                        case "REJECTED" -> 1;
                        case "AVAILABLE" -> 2;
                        default -> 3;
                    };
                    counts[slot] += rs.getLong(3);
                });
        List<HourlyOutcomes> out = new ArrayList<>();
        hours.forEach((hour, c) -> out.add(new HourlyOutcomes(hour, c[0], c[1], c[2], c[3])));
        return out;
    }

    /**
     * Per hour from {@code from} (inclusive) to {@code to} (exclusive): decisions made in that hour with the
     * median and average time from submission to decision (automatic approvals included, at about zero).
     * Hours without decisions are left out.
     */
    @Override
    public List<HourlyDecisions> decisionsPerHour(Instant from, Instant to) {
        access.requireAdmin(ADMINS_ONLY);
        return jdbc.sql("""
                        select date_trunc('hour', decided_at, 'UTC') as hour, count(*),
                               percentile_cont(0.5) within group (order by extract(epoch from decided_at - created_at)),
                               avg(extract(epoch from decided_at - created_at))
                        from endpoint_request
                        where decided_at >= ? and decided_at < ?
                        group by 1 order by 1""")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new HourlyDecisions(rs.getTimestamp(1).toInstant(), rs.getLong(2),
                        seconds(rs.getDouble(3)), seconds(rs.getDouble(4))))
                .list();
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.max(0, Math.round(seconds * 1000)));
    }
}
