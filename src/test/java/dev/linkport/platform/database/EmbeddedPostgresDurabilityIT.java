package dev.linkport.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The embedded PostgreSQL that {@code ./mvnw spring-boot:run} starts keeps what it commits (see also its password). */
class EmbeddedPostgresDurabilityIT {

    static final EmbeddedPostgresConfiguration.Password PASSWORD =
            new EmbeddedPostgresConfiguration.Password(EmbeddedPostgresPassword.generate());

    private final EmbeddedPostgresConfiguration configuration = new EmbeddedPostgresConfiguration();

    @Test
    void theApplicationsEmbeddedDatabaseFlushesEveryCommitToDisk() throws Exception {
        try (EmbeddedPostgres postgres = configuration.embeddedPostgres(
                new DatabaseProperties(Path.of("unused"), 0, true, true), PASSWORD)) {
            assertThat(setting(postgres, "fsync")).isEqualTo("on");
            assertThat(setting(postgres, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(postgres, "full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void testsMayTradeDurabilityForSpeed() throws Exception {
        try (EmbeddedPostgres postgres = configuration.embeddedPostgres(
                new DatabaseProperties(Path.of("unused"), 0, true, false), PASSWORD)) {
            assertThat(setting(postgres, "fsync")).isEqualTo("off");
            assertThat(setting(postgres, "synchronous_commit")).isEqualTo("off");
        }
    }

    private static String setting(EmbeddedPostgres postgres, String name) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
