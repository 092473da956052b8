package dev.linkport.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Linkport that was killed leaves its embedded PostgreSQL running (or its lock file behind).
 * Before starting again we stop that server, so the data directory can be reused.
 */
final class StalePostgres {

    private static final Logger log = LoggerFactory.getLogger(StalePostgres.class);

    private StalePostgres() {
    }

    static void stopIfRunning(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        long pid;
        try {
            pid = Long.parseLong(lines.getFirst().trim());
        } catch (RuntimeException e) {
            log.warn("Removing unreadable {}", pidFile);
            Files.deleteIfExists(pidFile);
            return;
        }
        var process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(true));
        if (process.isEmpty()) {
            log.info("Removing stale {} of a PostgreSQL that is no longer running (pid {})", pidFile, pid);
            Files.deleteIfExists(pidFile);
            return;
        }
        log.warn("An embedded PostgreSQL from an earlier run is still running (pid {}); stopping it", pid);
        ProcessHandle handle = process.get();
        handle.destroy(); // SIGTERM: smart shutdown; its clients died with the old JVM
        try {
            handle.onExit().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("PostgreSQL pid {} did not stop in 20 s; killing it", pid);
            handle.destroyForcibly();
        }
        Files.deleteIfExists(pidFile);
    }
}
