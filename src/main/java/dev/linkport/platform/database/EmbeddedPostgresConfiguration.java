package dev.linkport.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * left running by a killed previous run is stopped first. With a URL this configuration is
 * skipped entirely and Boot's own DataSource is used.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
@ConditionalOnClass(name = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres")
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(DatabaseProperties properties) throws IOException {
        long started = System.nanoTime();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60));
        if (properties.ephemeral()) {
            Path dir = Files.createTempDirectory("linkport-pg-");
            builder.setDataDirectory(dir).setCleanDataDirectory(true); // free port, deleted on close
        } else {
            Path dir = properties.dataDirectory().toAbsolutePath();
            Files.createDirectories(dir.getParent());
            StalePostgres.stopIfRunning(dir);
            builder.setDataDirectory(dir).setCleanDataDirectory(false).setPort(properties.port());
        }
        if (properties.durable()) {
            // the library starts PostgreSQL with fsync and synchronous commit off, fine for tests only
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL started on port {} in {} ms ({})", postgres.getPort(),
                (System.nanoTime() - started) / 1_000_000,
                properties.ephemeral() ? "ephemeral" : "data in " + properties.dataDirectory().toAbsolutePath());
        if (!properties.durable()) {
            log.warn("Embedded PostgreSQL runs without fsync and with asynchronous commits: an operating-system "
                    + "crash can lose its data (linkport.database.durable=false)");
        }
        return postgres;
    }

    /** The connection pool, tuned by the same {@code spring.datasource.hikari.*} settings as an external database's. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        pool.setUsername("postgres");
        pool.setPoolName("linkport-embedded");
        return pool;
    }
}
