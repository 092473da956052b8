package dev.linkport.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkport.support.LinkportIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@LinkportIntegrationTest
class SchemaIT {

    @Autowired
    JdbcClient jdbc;

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
