package dev.linkport.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL asks for a password: zonky's {@code initdb} trusts every local connection, so anyone on the
 * machine could otherwise connect to port 15432 as {@code postgres}. The password is generated on first start and
 * kept in a file only its owner may read ({@code .linkport/postgres-password}, beside the data directory); every
 * start sets it on the {@code postgres} role and makes {@code pg_hba.conf} require it (SCRAM) for every connection.
 */
final class EmbeddedPostgresPassword {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresPassword.class);

    static final String FILE_NAME = "postgres-password";
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    static final String PG_HBA = """
            # Written by Linkport at every start: every connection needs the password (SCRAM).
            local   all   all                 scram-sha-256
            host    all   all   127.0.0.1/32  scram-sha-256
            host    all   all   ::1/128       scram-sha-256
            """;

    private EmbeddedPostgresPassword() {
    }

    /** A new random password: 32 characters of URL-safe Base64, nothing that needs quoting in SQL. */
    static String generate() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The password in {@code file}, or a new one written there, readable and writable by its owner alone. */
    static String readOrCreate(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!Files.exists(file)) {
            String password = generate();
            try {
                if (posix(file.toAbsolutePath().getParent())) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } else {
                    Files.createFile(file);
                }
                Files.writeString(file, password + "\n");
                log.info("Generated the embedded PostgreSQL's password in {}", file.toAbsolutePath());
                return password;
            } catch (FileAlreadyExistsException e) {
                // another start created it in the meantime: use theirs
            }
        }
        if (posix(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            log.warn("{} could be read by others: made it readable by its owner only", file.toAbsolutePath());
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        String password = Files.readString(file).trim();
        if (password.isEmpty() || !password.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalStateException(file.toAbsolutePath() + " holds no usable password (letters, digits, "
                    + "'-' and '_'); delete it together with the data directory to start from scratch");
        }
        return password;
    }

    /**
     * Sets the password on the {@code postgres} role (the server accepts the connection: it still trusts it on
     * first start, or already knows the password) and makes {@code pg_hba.conf} require it from now on.
     */
    static void require(EmbeddedPostgres postgres, Path dataDirectory, String password) throws IOException {
        try (Connection connection = postgres.getDatabase("postgres", "postgres").getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("alter role postgres password '" + password + "'");
            Path hba = dataDirectory.resolve("pg_hba.conf");
            if (!Files.exists(hba) || !Files.readString(hba).equals(PG_HBA)) {
                Files.writeString(hba, PG_HBA);
                statement.execute("select pg_reload_conf()");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The embedded PostgreSQL in " + dataDirectory + " refused the password "
                    + "Linkport keeps for it (" + e.getMessage() + "). If " + FILE_NAME + " beside it was deleted or "
                    + "changed, restore it, or delete the data directory too to start from scratch.", e);
        }
    }

    private static boolean posix(Path path) {
        return Files.getFileAttributeView(path, java.nio.file.attribute.PosixFileAttributeView.class) != null;
    }
}
