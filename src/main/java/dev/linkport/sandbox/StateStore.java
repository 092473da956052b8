package dev.linkport.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Saves the world to a JSON file shortly after it changes (debounced) and loads it at start. */
final class StateStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StateStore.class);
    private static final long DEBOUNCE_MILLIS = 200;

    private final Path file;
    private final SandboxWorld world;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "aws-sandbox-state");
        t.setDaemon(true);
        return t;
    });

    StateStore(Path file, SandboxWorld world) {
        this.file = file.toAbsolutePath();
        this.world = world;
    }

    /** The absolute path of the state file. */
    Path file() {
        return file;
    }

    /** Loads the saved world if the file exists; a file that cannot be read leaves the seeded world. */
    void load() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            world.loadJson(Files.readAllBytes(file));
            log.info("AWS sandbox state loaded from {}", file);
        } catch (IOException | RuntimeException e) {
            Path kept = file.resolveSibling(file.getFileName() + ".unreadable");
            log.warn("AWS sandbox state in {} could not be read ({}); starting from the seed, the file is kept as {}",
                    file, e.toString(), kept);
            try {
                Files.move(file, kept, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                log.warn("{} could not be moved aside: {}", file, moveFailed.toString());
            }
        }
    }

    void changed() {
        if (scheduled.compareAndSet(false, true)) {
            executor.schedule(this::saveNow, DEBOUNCE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    void saveNow() {
        scheduled.set(false);
        try {
            byte[] bytes = world.toJson();
            Path dir = file.getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            log.warn("AWS sandbox state could not be saved to {}: {}", file, e.toString());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        saveNow();
    }
}
