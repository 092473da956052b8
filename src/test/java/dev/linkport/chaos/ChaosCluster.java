package dev.linkport.chaos;

import static org.awaitility.Awaitility.await;

import dev.linkport.LinkportApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real processes of a Linkport cluster, for the chaos runs: one PostgreSQL (this JVM starts and stops it),
 * the AWS sandbox as its own process ({@code LinkportApplication sandbox}), and Linkport instances as processes
 * of their own on that database and that sandbox, each started from this JVM's class path with its output in
 * {@code target/chaos/<name>.log}.
 */
final class ChaosCluster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChaosCluster.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final Path dir;
    private final Path pgData;
    private final int pgPort = freePort();
    private EmbeddedPostgres postgres;
    private final int sandboxPort = freePort();
    private final Path sandboxState;
    private Process sandbox;
    private final Map<String, Instance> instances = new LinkedHashMap<>();
    private final List<Process> all = new ArrayList<>();

    ChaosCluster(Path dir) throws IOException {
        this.dir = dir.toAbsolutePath();
        Files.createDirectories(this.dir);
        this.pgData = this.dir.resolve("postgres");
        this.sandboxState = this.dir.resolve("sandbox.json");
        Files.deleteIfExists(sandboxState);
        Files.deleteIfExists(this.dir.resolve("sandbox.log"));
        if (Files.isDirectory(pgData)) { // each run starts from an empty database
            try (var paths = Files.walk(pgData)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> all.forEach(Process::destroyForcibly)));
    }

    // ------------------------------------------------------------------ PostgreSQL

    void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false).setPort(pgPort)
                .setPGStartupWait(Duration.ofSeconds(60)).start();
    }

    /** Stops PostgreSQL (fast shutdown: open connections are cut, as in a database restart). */
    void stopPostgres() throws IOException {
        postgres.close();
        postgres = null;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + pgPort + "/postgres";
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    // ------------------------------------------------------------------ the sandbox

    void startSandbox() throws IOException {
        sandbox = start(dir.resolve("sandbox.log"), true, List.of("sandbox", "--port=" + sandboxPort, "--state-file=" + sandboxState,
                "--pending-to-available=2s"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> sandboxGet("/_sandbox/health") != null);
    }

    /** Stops the sandbox as an operator would (SIGTERM: it saves its world) and waits until it has. */
    void stopSandbox() throws InterruptedException {
        sandbox.destroy();
        if (!sandbox.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the sandbox did not stop within 30 s");
        }
    }

    String sandboxUrl() {
        return "http://127.0.0.1:" + sandboxPort;
    }

    /** The sandbox control API's answer, or null when it does not answer. */
    String sandboxGet(String path) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(sandboxUrl() + path))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    String sandboxSend(String method, String path, String json) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(sandboxUrl() + path))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ Linkport instances

    /** A Linkport process, and what it said in its log. */
    static final class Instance {
        final String name;
        final int port;
        final Process process;
        final Path logFile;
        volatile Instant stopped;

        Instance(String name, int port, Process process, Path logFile) {
            this.name = name;
            this.port = port;
            this.process = process;
            this.logFile = logFile;
        }

        /** Its log so far; the process writes it itself, so nothing it wrote before exiting is lost. */
        List<String> lines() {
            try {
                return Files.readAllLines(logFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        boolean started() {
            return lines().stream().anyMatch(line -> line.contains("Started LinkportApplication"));
        }

        /** The name its job scheduler marks the jobs it takes with. */
        String schedulerName() {
            String marker = "Job scheduler of this instance: ";
            return lines().stream().filter(line -> line.contains(marker))
                    .map(line -> line.substring(line.indexOf(marker) + marker.length()).trim())
                    .findFirst().orElseThrow();
        }

        long awsOutagesLogged() {
            return lines().stream().filter(line -> line.contains("AWS has not answered in")).count();
        }

        long errorsLogged() {
            return lines().stream().filter(line -> line.contains(" ERROR ")).count();
        }

        /** What it said about letting its running job steps finish when it was asked to stop. */
        String drain() {
            return lines().stream().filter(line -> line.contains("Stopping: this instance takes no more jobs")
                            || line.contains("Stopping: no job steps running") || line.contains("Stopping with "))
                    .map(line -> line.substring(line.indexOf("Stopping")))
                    .reduce((first, next) -> first + " → " + next).orElse("no drain logged");
        }
    }

    /** Starts a Linkport instance in sandbox mode on the cluster's database and sandbox; returns once it serves. */
    Instance startInstance(String name) throws IOException {
        int port = freePort();
        Path logFile = dir.resolve(name + ".log");
        Process process = start(logFile, false, List.of(
                "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--linkport.sandbox.url=" + sandboxUrl(),
                "--vaadin.launch-browser=false",
                "--logging.level.org.atmosphere=warn"));
        Instance instance = new Instance(name, port, process, logFile);
        instances.put(name, instance);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                .until(() -> instance.started() || !process.isAlive());
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " did not start; see " + logFile);
        }
        log.info("{} serves on port {} as scheduler {}", name, port, instance.schedulerName());
        return instance;
    }

    /** {@code kill -9}: the process ends at once, holding whatever it held. */
    void kill(Instance instance) throws InterruptedException {
        instance.process.destroyForcibly();
        instance.process.waitFor();
        instance.stopped = Instant.now();
    }

    /** SIGTERM, as a rolling restart sends it; returns how long the instance took to exit. */
    Duration terminate(Instance instance) throws InterruptedException {
        Instant asked = Instant.now();
        instance.process.destroy();
        if (!instance.process.waitFor(90, TimeUnit.SECONDS)) {
            instance.process.destroyForcibly();
            throw new IllegalStateException(instance.name + " did not exit within 90 s of SIGTERM");
        }
        instance.stopped = Instant.now();
        log.info("{} exited with status {}", instance.name, instance.process.exitValue());
        return Duration.between(asked, instance.stopped);
    }

    /**
     * Starts {@code LinkportApplication} with the arguments, writing straight into its log file (appended to, or
     * a fresh one). Reading its output through a pipe lost its last lines: the JDK drains and closes the pipe of
     * a process that has exited, under the reader's feet.
     */
    private Process start(Path logFile, boolean append, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Duser.home=" + dir.resolve("home"),
                "-cp", System.getProperty("java.class.path"),
                LinkportApplication.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(append ? ProcessBuilder.Redirect.appendTo(logFile.toFile())
                        : ProcessBuilder.Redirect.to(logFile.toFile()));
        builder.environment().remove("SPRING_DATASOURCE_URL");
        Process process = builder.start();
        all.add(process);
        return process;
    }

    @Override
    public void close() throws IOException {
        for (Instance instance : instances.values()) {
            instance.process.destroyForcibly();
        }
        if (sandbox != null) {
            sandbox.destroyForcibly();
        }
        for (Process process : all) {
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
