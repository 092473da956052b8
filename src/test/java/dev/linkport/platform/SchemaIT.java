package dev.linkport.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkport.support.LinkportIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@LinkportIntegrationTest
class SchemaIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void migrationsApplyOnAnEmptyDatabaseAndHibernateValidatesTheResult() {
        // The test database is created empty for this JVM; the context only starts if Flyway
        // applied every migration and Hibernate's validation accepted the schema.
        List<String> applied = jdbc.sql("select version from flyway_schema_history where success order by installed_rank")
                .query(String.class).list();
        assertThat(applied).startsWith("1");
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where not success").query(Long.class).single())
                .isZero();
    }

    @Test
    void theSchemaCoversTheDomainAndTheJobTable() {
        List<String> tables = jdbc.sql("select table_name from information_schema.tables where table_schema = 'public'")
                .query(String.class).list();
        assertThat(tables).contains("app_user", "team", "team_membership", "aws_account", "service_listing",
                "allowed_principal", "endpoint_request", "endpoint_request_transition", "observed_connection",
                "audit_event", "scheduled_tasks");
    }

    @Test
    void everyMutableAggregateHasAVersionColumnForOptimisticLocking() {
        List<String> versioned = jdbc.sql("""
                        select table_name from information_schema.columns
                        where table_schema = 'public' and column_name = 'version'""")
                .query(String.class).list();
        assertThat(versioned).contains("app_user", "team", "team_membership", "aws_account", "service_listing",
                "allowed_principal", "endpoint_request", "observed_connection");
    }

    /**
     * Each foreign key of the public schema that no index leads with, as "table(columns) references
     * parent (constraint)". Partial indexes do not count: they serve only some rows.
     */
    static final String UNINDEXED_FOREIGN_KEYS = """
            select c.conrelid::regclass::text || '(' || array_to_string(array(
                       select a.attname from unnest(c.conkey) with ordinality k(attnum, n)
                       join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
                       order by k.n), ', ') || ') references ' || c.confrelid::regclass::text
                   || ' (' || c.conname || ')'
            from pg_constraint c
            where c.contype = 'f' and c.connamespace = 'public'::regnamespace
              and not exists (
                  select 1 from pg_index i
                  where i.indrelid = c.conrelid and i.indisvalid and i.indpred is null
                    and i.indnkeyatts >= cardinality(c.conkey)
                    and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey)
            order by 1""";

    /**
     * Without an index led by its columns, deleting a parent row (or joining from it) scans the whole
     * child table: at organisational scale, seconds per delete and per join.
     */
    @Test
    void everyForeignKeyHasAnIndexLedByItsColumns() {
        List<String> unindexed = jdbc.sql(UNINDEXED_FOREIGN_KEYS).query(String.class).list();
        assertThat(unindexed).as("foreign keys without an index led by their columns (add one in a migration)")
                .isEmpty();
    }

    @Test
    void theForeignKeyCheckNamesATableWhoseForeignKeyHasNoIndexUntilItGetsOne() {
        // DDL is transactional in PostgreSQL: the probe table exists only inside this rolled-back transaction
        tx.executeWithoutResult(status -> {
            status.setRollbackOnly();
            jdbc.sql("create table fk_probe (id uuid primary key, team_id uuid references team (id))").update();
            assertThat(jdbc.sql(UNINDEXED_FOREIGN_KEYS).query(String.class).list())
                    .containsExactly("fk_probe(team_id) references team (fk_probe_team_id_fkey)");
            jdbc.sql("create index fk_probe_partial_idx on fk_probe (team_id) where team_id is not null").update();
            assertThat(jdbc.sql(UNINDEXED_FOREIGN_KEYS).query(String.class).list()).hasSize(1);
            jdbc.sql("create index fk_probe_team_idx on fk_probe (team_id, id)").update();
            assertThat(jdbc.sql(UNINDEXED_FOREIGN_KEYS).query(String.class).list()).isEmpty();
        });
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAuditEvents() {
        jdbc.sql("""
                insert into audit_event (occurred_at, actor_name, action, target_type, target_id)
                values (now(), 'test', 'TEST', 'TEST', 'x')""").update();
        assertThatThrownBy(() -> jdbc.sql("update audit_event set reason = 'changed' where action = 'TEST'").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event where action = 'TEST'").update())
                .hasMessageContaining("append-only");
    }
}
