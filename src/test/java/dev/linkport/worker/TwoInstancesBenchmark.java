package dev.linkport.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.linkport.LinkportApplication;
import dev.linkport.aws.sdk.AwsGatewayConfiguration;
import dev.linkport.sandbox.SandboxLifecycle;
import dev.linkport.support.LinkportIntegrationTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Benchmark, not a test (run with {@code ./mvnw verify -Pdevelopment,benchmarks -Dit.test=TwoInstancesBenchmark}): two Linkport
 * instances provision together, this one and a second JVM started here on the same database and the same AWS
 * (the sandbox, reached as real AWS: endpoint override, STS AssumeRole). Adaptive back-off is off in both, so only
 * the shared rate budgets keep them within each account's: the sandbox, which throttles as AWS does, must throttle
 * nothing. Prints the figures and how many jobs each instance ran.
 */
@LinkportIntegrationTest
@Import(BulkProvisioning.class)
@TestPropertySource(properties = {"linkport.aws.rate-limit.adaptive=false", "db-scheduler.scheduler-name=instance-1"})
class TwoInstancesBenchmark {

    static final int ACCOUNTS = 10;
    static final int PER_ACCOUNT = 50;
    static final int SERVICES = 5;

    @Autowired BulkProvisioning bulk;
    @Autowired SandboxLifecycle sandbox;
    @Autowired HikariDataSource dataSource;
    @Autowired JdbcClient jdbc;

    @Test
    void twoInstancesStayWithinOneAccountsBudget() throws Exception {
        // in aws mode the second instance refuses the demo users at sign-in but leaves them as they are in the
        // database: this instance, in sandbox mode, still acts as them
        Process second = startSecondInstance();
        try {
            assertThat(jdbc.sql("select count(*) from app_user where username in ('admin', 'alice', 'bob', 'carol') "
                    + "and enabled").query(Long.class).single()).isEqualTo(4);
            Map<String, Long> picked = new ConcurrentHashMap<>();
            BulkProvisioning.Run run = bulk.provision(bulk.consumers(ACCOUNTS), PER_ACCOUNT, SERVICES, () -> { },
                    () -> jdbc.sql("select picked_by, count(*) from scheduled_tasks where picked group by picked_by")
                            .query((rs, n) -> picked.merge(rs.getString(1), rs.getLong(2), Long::sum)).list());
            System.out.printf("%nBENCHMARK two instances, %d requests from %d consumer accounts to %d services needing "
                    + "acceptance, adaptive back-off off%n", ACCOUNTS * PER_ACCOUNT, ACCOUNTS, SERVICES);
            run.print();
            System.out.printf("BENCHMARK   jobs running, sampled every 0.5 s, by instance: %s (goal: both work; the "
                    + "sandbox throttled 0)%n", new TreeMap<>(picked));
            assertThat(run.failed()).isZero();
            assertThat(picked).containsKeys("instance-1", "instance-2");
        } finally {
            second.destroy();
            if (!second.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                second.destroyForcibly();
            }
        }
    }

    /** A second Linkport on this instance's database, calling the sandbox as AWS; returns once it has started. */
    private Process startSecondInstance() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Daws.accessKeyId=" + AwsGatewayConfiguration.SANDBOX_ACCESS_KEY_ID,
                "-Daws.secretAccessKey=second-instance",
                LinkportApplication.class.getName(),
                "--spring.datasource.url=" + dataSource.getJdbcUrl(),
                "--spring.datasource.username=" + dataSource.getUsername(),
                "--linkport.aws.mode=aws",
                "--linkport.aws.endpoint=" + sandbox.endpoint(),
                "--linkport.aws.rate-limit.adaptive=false",
                "--linkport.reconcile.interval=1h",
                "--db-scheduler.scheduler-name=instance-2",
                "--server.port=0",
                "--vaadin.launch-browser=false"));
        builder.redirectErrorStream(true);
        Process process = builder.start();
        AtomicBoolean started = new AtomicBoolean();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.contains("Started LinkportApplication")) {
                        started.set(true);
                    }
                    if (line.contains("ERROR") || line.contains("WARN") || line.contains("Started")) {
                        System.out.println("instance-2 | " + line);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        await().atMost(Duration.ofMinutes(3)).until(() -> started.get() || !process.isAlive());
        assertThat(process.isAlive()).as("the second instance started").isTrue();
        return process;
    }
}
