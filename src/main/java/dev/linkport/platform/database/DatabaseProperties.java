package dev.linkport.platform.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL that Linkport starts when {@code spring.datasource.url} is not set
 * ({@code linkport.database.*}).
 *
 * @param dataDirectory where its data lives between restarts
 * @param port          its port on the loopback interface; 0 picks a free one
 * @param ephemeral     true for tests: a fresh database in a temporary directory, deleted at shutdown
 * @param durable       fsync and synchronous commit on, so that a commit survives an operating-system crash;
 *                      tests may turn it off for speed
 */
@ConfigurationProperties("linkport.database")
public record DatabaseProperties(
        @DefaultValue(".linkport/postgres") Path dataDirectory,
        @DefaultValue("15432") int port,
        @DefaultValue("false") boolean ephemeral,
        @DefaultValue("true") boolean durable) {
}
