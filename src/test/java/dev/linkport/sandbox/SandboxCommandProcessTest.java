package dev.linkport.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.linkport.LinkportApplication;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code LinkportApplication sandbox ...} in a JVM of its own, as a user runs it: it starts no Spring, answers
 * over HTTP, and saves its world when it gets SIGTERM.
 */
class SandboxCommandProcessTest {

    private static final Pattern LISTENING = Pattern.compile("AWS sandbox listening on (http://127\\.0\\.0\\.1:\\d+)");

    @TempDir
    Path dir;

    private Process process;
    private Thread reader;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stopProcess() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theSandboxRunsWithoutSpringAndSavesItsWorldOnSigterm() throws Exception {
        Path stateFile = dir.resolve("sandbox.json");
        Path loadedClasses = dir.resolve("classes.log");
        start(true, "-Xlog:class+load=info:file=" + loadedClasses, "sandbox", "--port=0", "--state-file=" + stateFile);
        await().atMost(Duration.ofSeconds(30)).until(() -> endpoint() != null || !process.isAlive());
        URI endpoint = endpoint();
        assertThat(endpoint).as(String.join("\n", output)).isNotNull();
        assertThat(output).anySatisfy(line -> assertThat(line).contains("state in " + stateFile.toAbsolutePath()));

        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> vpcs = http.send(HttpRequest.newBuilder(endpoint)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("Action=DescribeVpcs&Version=2016-11-15")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(vpcs.statusCode()).isEqualTo(200);
            assertThat(vpcs.body()).contains("<DescribeVpcsResponse");
            HttpResponse<String> txt = http.send(HttpRequest.newBuilder(URI.create(endpoint + "/_sandbox/dns/txt"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"_sigterm.example.com\",\"value\":\"kept\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(txt.statusCode()).isEqualTo(200);
        }

        process.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of its output
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(reader.join(Duration.ofSeconds(10))).as("the output was read to its end").isTrue();

        assertThat(stateFile).content().contains("_sigterm.example.com", "kept");
        assertThat(output).anySatisfy(line -> assertThat(line).contains("AWS sandbox on port " + endpoint.getPort()
                + " stopped"));
        assertThat(output).noneSatisfy(line -> assertThat(line).containsAnyOf("Spring", "Vaadin", "DEBUG"));
        List<String> classes = Files.readAllLines(loadedClasses).stream()
                .map(line -> line.replaceFirst("^.*\\[class,load\\] (\\S+) .*$", "$1")).toList();
        assertThat(classes).contains(SandboxServer.class.getName()).noneMatch(c -> c.startsWith("com.vaadin."))
                .filteredOn(c -> c.startsWith("org.springframework."))
                .as("only the root log level configurator that Logback finds in Spring Boot's jar")
                .allMatch(c -> c.startsWith("org.springframework.boot.logging.logback."));
    }

    @Test
    void aBadOptionExitsWithStatus2AndSaysWhyOnStandardError() throws Exception {
        start(false, "sandbox", "--port=any", "--state-file=" + dir.resolve("sandbox.json"));
        String stderr;
        try (var err = process.getErrorStream()) {
            stderr = new String(err.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(stderr.lines().findFirst()).hasValue("sandbox: --port must be a number from 0 to 65535, not 'any'");
        assertThat(stderr).contains("Usage: ");
    }

    /**
     * Runs {@code LinkportApplication} in a new JVM on the test class path: JVM options first (those starting with
     * {@code -X}), then the application's arguments.
     */
    private void start(boolean mergeErrors, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        List<String> arguments = List.of(args);
        command.addAll(arguments.stream().filter(a -> a.startsWith("-X")).toList());
        command.add(LinkportApplication.class.getName());
        command.addAll(arguments.stream().filter(a -> !a.startsWith("-X")).toList());
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(mergeErrors);
        process = builder.start();
        if (mergeErrors) {
            reader = Thread.ofVirtual().start(() -> {
                try (BufferedReader lines = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        output.add(line);
                    }
                } catch (IOException e) {
                    // the process ended
                }
            });
        }
    }

    private URI endpoint() {
        synchronized (output) {
            for (String line : output) {
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    return URI.create(m.group(1));
                }
            }
        }
        return null;
    }
}
