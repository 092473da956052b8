package dev.linkport.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads the deployment files as they are shipped and checks their safe defaults: the image and {@code compose.yaml}
 * run against real AWS, sandbox mode comes only from {@code compose.sandbox.yaml} and is published on loopback only,
 * compose refuses to start without its secrets, no demo password anywhere, and {@code ./mvnw spring-boot:run} answers
 * this machine alone.
 */
class SafeDefaultsTest {

    static final Path DOCKER = Path.of("docker");
    static final Path COMPOSE = DOCKER.resolve("compose.yaml");
    static final Path SANDBOX_COMPOSE = DOCKER.resolve("compose.sandbox.yaml");
    static final Path DOCKERFILE = DOCKER.resolve("Dockerfile");
    static final Path APPLICATION = Path.of("src/main/resources/application.yaml");
    static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)([^}]*)}");

    @Test
    void theImageRunsAgainstRealAwsOnEveryInterfaceOfItsContainerAsANonRootUser() throws IOException {
        String dockerfile = Files.readString(DOCKERFILE);
        assertThat(dockerfile).containsPattern("(?m)^ENV LINKPORT_AWS_MODE=aws\\b")
                .contains("SERVER_ADDRESS=0.0.0.0")
                .containsPattern("(?m)^USER linkport$");
    }

    @Test
    void composeRunsLinkportAgainstRealAwsWithoutTheSandbox() throws IOException {
        Map<String, Map<String, Object>> services = services(COMPOSE);
        assertThat(services).doesNotContainKey("sandbox");
        for (String linkport : List.of("linkport", "linkport-2")) {
            assertThat(environment(COMPOSE, linkport)).containsEntry("LINKPORT_AWS_MODE", "aws")
                    .doesNotContainKey("LINKPORT_SANDBOX_URL");
        }
        assertThat(Files.readString(COMPOSE)).doesNotContain("LINKPORT_AWS_MODE:-").doesNotContain("sandbox:4566");
    }

    @Test
    void composeRefusesToStartWithoutTheDatabaseAndAdminPasswords() throws IOException {
        for (Path file : List.of(COMPOSE, SANDBOX_COMPOSE)) {
            Map<String, String> linkport = environment(file, "linkport");
            assertThat(linkport.get("SPRING_DATASOURCE_PASSWORD")).as(file + " database password")
                    .startsWith("${POSTGRES_PASSWORD:?");
            assertThat(linkport.get("LINKPORT_ADMIN_PASSWORD")).as(file + " first admin's password")
                    .startsWith("${LINKPORT_ADMIN_PASSWORD:?");
            assertThat(environment(file, "postgres").get("POSTGRES_PASSWORD")).as(file + " PostgreSQL's password")
                    .startsWith("${POSTGRES_PASSWORD:?");
        }
    }

    @Test
    void noLinkportOrDatabaseSecretHasADefaultValue() throws IOException {
        for (Path file : List.of(COMPOSE, SANDBOX_COMPOSE)) {
            Matcher variables = VARIABLE.matcher(Files.readString(file));
            List<String> defaulted = new ArrayList<>();
            while (variables.find()) {
                String name = variables.group(1);
                boolean secret = name.contains("PASSWORD") || name.contains("SECRET") || name.contains("TOKEN");
                boolean grafanaOnLoopback = name.equals("GRAFANA_ADMIN_PASSWORD"); // published on loopback, below
                if (secret && !grafanaOnLoopback && !variables.group(2).startsWith(":?")
                        && !(name.equals("LINKPORT_METRICS_SCRAPE_TOKEN") && variables.group(2).equals(":-"))) {
                    defaulted.add(variables.group());
                }
            }
            assertThat(defaulted).as(file + ": secrets must be given (${VAR:?message})").isEmpty();
        }
    }

    @Test
    void sandboxModeIsAskedForExplicitlyAndPublishedOnLoopbackOnly() throws IOException {
        assertThat(environment(SANDBOX_COMPOSE, "linkport")).containsEntry("LINKPORT_AWS_MODE", "sandbox");
        List<String> published = publishedPorts(SANDBOX_COMPOSE);
        assertThat(published).isNotEmpty().allSatisfy(port -> assertThat(port).startsWith("127.0.0.1:"));
        assertThat(services(SANDBOX_COMPOSE).get("postgres")).doesNotContainKey("ports");
        assertThat(services(SANDBOX_COMPOSE).get("sandbox")).doesNotContainKey("ports");
    }

    @Test
    void grafanaWithItsDefaultPasswordIsPublishedOnLoopbackOnly() throws IOException {
        assertThat(services(COMPOSE).get("grafana").get("ports")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.LIST).containsExactly("127.0.0.1:3000:3000");
        assertThat(services(COMPOSE).get("postgres")).doesNotContainKey("ports");
    }

    @Test
    void noDeploymentFileCarriesTheDemoPassword() throws IOException {
        try (Stream<Path> files = Files.walk(DOCKER)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain("linkport-demo");
            }
        }
        assertThat(Files.readString(APPLICATION)).doesNotContain("linkport-demo").doesNotContainPattern("(?i)password:");
    }

    @Test
    void runningFromTheSourcesListensOnLoopbackAlone() throws IOException {
        Map<String, Object> application = new Yaml().load(Files.readString(APPLICATION));
        @SuppressWarnings("unchecked")
        Map<String, Object> server = (Map<String, Object>) application.get("server");
        assertThat(server).containsEntry("address", "127.0.0.1");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> services(Path file) throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(file));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> environment(Path file, String service) throws IOException {
        Map<String, Object> definition = services(file).get(service);
        assertThat(definition).as(file + " has the service " + service).isNotNull();
        return (Map<String, String>) definition.get("environment");
    }

    @SuppressWarnings("unchecked")
    static List<String> publishedPorts(Path file) throws IOException {
        List<String> ports = new ArrayList<>();
        for (Map<String, Object> service : services(file).values()) {
            Object list = service.get("ports");
            if (list != null) {
                ((List<Object>) list).forEach(p -> ports.add(String.valueOf(p)));
            }
        }
        return ports;
    }
}
