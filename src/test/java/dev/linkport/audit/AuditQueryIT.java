package dev.linkport.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkport.audit.service.AuditQueryService;
import dev.linkport.audit.service.AuditQueryService.AuditFilter;
import dev.linkport.audit.service.AuditQueryService.AuditRow;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.TestUsers;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Reading the audit log at scale: the CSV export walks the log by keyset, counts stop at a cap, and the
 * filters select by actor, action, target and time. Lines are written straight into the table, dated
 * long ago with a marker of their own, so that they do not disturb other tests' views of the log.
 */
@LinkportIntegrationTest
class AuditQueryIT {

    /** Before anything other tests write. */
    static final Instant LONG_AGO = Instant.parse("2001-01-01T00:00:00Z");

    @Autowired TestUsers users;
    @Autowired AuditQueryService audit;
    @Autowired JdbcClient jdbc;

    record Line(long id, Instant occurredAt) {
    }

    @Test
    void theExportGivesEveryLineOfManyPagesExactlyOnceNewestFirstEvenWhenLinesShareATime() {
        String marker = "keyset-" + UUID.randomUUID();
        // 1,201 lines in groups of 7 sharing a time: pages of 500 end inside a group
        int lines = 1_201;
        jdbc.sql("""
                        insert into audit_event (occurred_at, actor_name, action, target_type, target_id, target_label)
                        select cast(? as timestamptz) + ((n / 7) * interval '1 second'), 'keyset-test', 'TEST_EXPORTED', 'TEST', n::text, ?
                        from generate_series(0, cast(? as int) - 1) n""")
                .params(Timestamp.from(LONG_AGO), marker, lines).update();
        List<Line> expected = jdbc.sql("select id, occurred_at from audit_event where target_label = ?").params(marker)
                .query((rs, n) -> new Line(rs.getLong(1), rs.getTimestamp(2).toInstant())).list().stream()
                .sorted(Comparator.comparing(Line::occurredAt).thenComparing(Line::id).reversed()).toList();
        assertThat(expected).hasSize(lines);

        List<String> rows = export(new AuditFilter(null, null, marker, null, null));

        assertThat(rows.getFirst()).startsWith("id,occurred_at,actor,action");
        List<Long> ids = rows.subList(1, rows.size()).stream().map(r -> Long.parseLong(r.substring(0, r.indexOf(','))))
                .toList();
        assertThat(new HashSet<>(ids)).hasSize(ids.size()); // none twice
        assertThat(ids).containsExactlyElementsOf(expected.stream().map(Line::id).toList());
    }

    @Test
    void countsStopAtTheCapAndTheListStillComesInPages() {
        String marker = "cap-" + UUID.randomUUID();
        jdbc.sql("""
                        insert into audit_event (occurred_at, actor_name, action, target_type, target_id, target_label)
                        select cast(? as timestamptz) + (n * interval '1 millisecond'), 'cap-test', 'TEST_COUNTED', 'TEST', n::text, ?
                        from generate_series(1, cast(? as int)) n""")
                .params(Timestamp.from(LONG_AGO), marker, AuditQueryService.COUNT_CAP + 5).update();
        AuditFilter filter = new AuditFilter(null, null, marker, null, null);

        assertThat(users.as("admin", () -> audit.count(filter))).isEqualTo(AuditQueryService.COUNT_CAP + 1);
        List<AuditRow> page = users.as("admin", () -> audit.list(filter, 0, 50));
        assertThat(page).hasSize(50).extracting(AuditRow::targetId).startsWith(
                String.valueOf(AuditQueryService.COUNT_CAP + 5), String.valueOf(AuditQueryService.COUNT_CAP + 4));
        assertThat(users.as("admin", () -> audit.list(filter, AuditQueryService.COUNT_CAP + 4, 50)))
                .extracting(AuditRow::targetId).containsExactly("1");
    }

    @Test
    void theFiltersSelectByActorActionTargetAndTimeAndTakeWildcardsLiterally() {
        String marker = "filters-" + UUID.randomUUID();
        Instant t0 = LONG_AGO.plusSeconds(86_400);
        line(t0, "dora", "SERVICE_PUBLISHED", marker + " payments", "svc-1");
        line(t0.plusSeconds(60), "erik", "SERVICE_RETIRED", marker + " payments", "svc-1");
        line(t0.plusSeconds(120), "dora", "TEAM_CREATED", marker + " 100%_done", "team-1");

        assertThat(targets(new AuditFilter("DOR", null, marker, null, null))).containsExactly(
                marker + " 100%_done", marker + " payments");
        assertThat(actions(new AuditFilter(null, "service_", marker, null, null)))
                .containsExactly("SERVICE_RETIRED", "SERVICE_PUBLISHED");
        assertThat(actions(new AuditFilter(null, null, marker, t0.plusSeconds(60), t0.plusSeconds(120))))
                .containsExactly("SERVICE_RETIRED");
        assertThat(actions(new AuditFilter(null, null, marker + " 100%_", null, null))).containsExactly("TEAM_CREATED");
        assertThat(actions(new AuditFilter(null, null, marker + " 100__", null, null))).isEmpty();
        assertThat(actions(new AuditFilter(null, "%", marker, null, null))).isEmpty();
        // the target filter matches the target's id as well as its label
        assertThat(users.as("admin", () -> audit.count(new AuditFilter(null, null, "team-1", t0, t0.plusSeconds(121)))))
                .isEqualTo(1);
    }

    @Test
    void noFilterOpensTheLogToSomebodyWhoIsNotAPlatformAdmin() {
        AuditFilter ownTeam = new AuditFilter(null, "checkout", null, null, null, null);
        for (String user : List.of("alice", "bob", "carol")) {
            for (AuditFilter filter : List.of(AuditFilter.none(), ownTeam, new AuditFilter(user, null, null, null, null))) {
                assertThatThrownBy(() -> users.as(user, () -> audit.list(filter, 0, 10)))
                        .isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() -> users.as(user, () -> audit.count(filter)))
                        .isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() -> users.as(user, () -> {
                    audit.exportCsv(filter, new StringWriter());
                    return null;
                })).isInstanceOf(AccessDeniedException.class);
            }
        }
    }

    private void line(Instant at, String actor, String action, String label, String targetId) {
        jdbc.sql("""
                        insert into audit_event (occurred_at, actor_name, action, target_type, target_id, target_label)
                        values (?, ?, ?, 'TEST', ?, ?)""")
                .params(Timestamp.from(at), actor, action, targetId, label).update();
    }

    private List<String> targets(AuditFilter filter) {
        return users.as("admin", () -> audit.list(filter, 0, 100)).stream().map(AuditRow::targetLabel).toList();
    }

    private List<String> actions(AuditFilter filter) {
        return users.as("admin", () -> audit.list(filter, 0, 100)).stream().map(AuditRow::action).toList();
    }

    private List<String> export(AuditFilter filter) {
        StringWriter csv = new StringWriter();
        users.run("admin", () -> {
            try {
                audit.exportCsv(filter, csv);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return csv.toString().lines().toList();
    }
}
