package dev.linkport.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL of {@code ./mvnw spring-boot:run} asks for a password that Linkport generated on first start
 * and keeps beside the data directory, readable by its owner alone; it no longer trusts every local connection.
 */
class EmbeddedPostgresPasswordIT {

    private final EmbeddedPostgresConfiguration configuration = new EmbeddedPostgresConfiguration();

    @TempDir
    Path linkportDir;

    @Test
    void theFirstStartGeneratesAPasswordOnlyItsOwnerMayReadAndTheServerRefusesConnectionsWithoutIt() throws Exception {
        DatabaseProperties properties = new DatabaseProperties(linkportDir.resolve("postgres"), 0, false, false);
        EmbeddedPostgresConfiguration.Password password = configuration.embeddedPostgresPassword(properties);

        Path file = linkportDir.resolve("postgres-password");
        assertThat(Files.readString(file).trim()).isEqualTo(password.value()).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (EmbeddedPostgres postgres = configuration.embeddedPostgres(properties, password)) {
            String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "guessed").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
            assertThat(select1(url, password.value())).isEqualTo(1);
        }
    }

    @Test
    void laterStartsUseTheSamePassword() throws Exception {
        DatabaseProperties properties = new DatabaseProperties(linkportDir.resolve("postgres"), 0, false, false);
        EmbeddedPostgresConfiguration.Password first = configuration.embeddedPostgresPassword(properties);
        try (EmbeddedPostgres postgres = configuration.embeddedPostgres(properties, first)) {
            assertThat(select1("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", first.value()))
                    .isEqualTo(1);
        }

        EmbeddedPostgresConfiguration.Password again = configuration.embeddedPostgresPassword(properties);

        assertThat(again).isEqualTo(first);
        try (EmbeddedPostgres postgres = configuration.embeddedPostgres(properties, again)) {
            assertThat(select1("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", again.value()))
                    .isEqualTo(1);
        }
    }

    @Test
    void aPasswordFileOthersCouldReadIsMadeOwnerOnly() throws Exception {
        Path file = linkportDir.resolve("postgres-password");
        Files.writeString(file, "abcDEF0123456789_-abcDEF01234567\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(EmbeddedPostgresPassword.readOrCreate(file)).isEqualTo("abcDEF0123456789_-abcDEF01234567");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    private static int select1(String url, String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", password);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
