package dev.linkport.sandbox;

import static dev.linkport.sandbox.SandboxFixture.PROVIDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkport.sandbox.SandboxCommand.Exit;
import dev.linkport.sandbox.SandboxCommand.Options;
import dev.linkport.sandbox.SandboxCommand.Outcome;
import dev.linkport.sandbox.SandboxCommand.Running;
import dev.linkport.sandbox.SandboxCommand.UsageException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ServiceConfiguration;
import software.amazon.awssdk.services.ec2.model.Vpc;

class SandboxCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void withoutOptionsTheSandboxRunsAsLinkportWouldRunItOnLoopback() {
        SandboxProperties linkport = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("linkport.sandbox", SandboxProperties.class);

        Options options = SandboxCommand.parse();

        assertThat(options.port()).isEqualTo(linkport.port()).isEqualTo(4566);
        assertThat(options.stateFile()).isEqualTo(linkport.stateFile()).isEqualTo(Path.of(".linkport/sandbox.json"));
        assertThat(options.bind().isLoopbackAddress()).isTrue();
        assertThat(options.controlFromAnyAddress()).as("control API for loopback clients only").isFalse();
        SandboxSettings settings = options.settings();
        assertThat(settings).hasToString(linkport.toSettings().toString());
        assertThat(settings.throttling()).isTrue();
    }

    @Test
    void everyOptionIsReadInNameEqualsValueForm() throws Exception {
        Options options = SandboxCommand.parse("--port=0", "--bind=0.0.0.0", "--state-file=/tmp/world.json",
                "--pending-to-available=500ms", "--deleting-to-deleted=1m", "--private-dns-verification=PT1.5S",
                "--throttling=false", "--control-from=any");

        assertThat(options).isEqualTo(new Options(0, InetAddress.getByName("0.0.0.0"), Path.of("/tmp/world.json"),
                Duration.ofMillis(500), Duration.ofMinutes(1), Duration.ofMillis(1500), false, true));
    }

    @Test
    void theControlApiIsOpenedToEveryClientOnlyByControlFromAny() {
        assertThat(SandboxCommand.parse("--bind=0.0.0.0").controlFromAnyAddress()).isFalse();
        assertThat(SandboxCommand.parse("--control-from=any").controlFromAnyAddress()).isTrue();
        assertThat(SandboxCommand.parse("--control-from=ANY").controlFromAnyAddress()).isTrue();
        assertThat(SandboxCommand.parse("--control-from=loopback").controlFromAnyAddress()).isFalse();
        assertThat(SandboxCommand.parse("--control-from=any", "--control-from=loopback").controlFromAnyAddress())
                .isFalse();
    }

    @Test
    void durationsAreReadAsSpringReadsThem() {
        assertThat(SandboxCommand.duration("d", "750")).isEqualTo(Duration.ofMillis(750));
        assertThat(SandboxCommand.duration("d", "0s")).isZero();
        assertThat(SandboxCommand.duration("d", "2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(SandboxCommand.duration("d", "3h")).isEqualTo(Duration.ofHours(3));
        assertThat(SandboxCommand.duration("d", "PT2M")).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void theLastOfARepeatedOptionWins() {
        assertThat(SandboxCommand.parse("--port=1", "--port=2").port()).isEqualTo(2);
    }

    @Test
    void helpAsksForTheUsageInsteadOfOptions() {
        assertThat(SandboxCommand.parse("--port=1", "--help")).isNull();
        assertThat(SandboxCommand.parse("-h")).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "--nope=1                       | unknown option --nope",
            "--verbose                      | unknown option --verbose",
            "--port                         | --port needs a value: --port=...",
            "--port=http                    | --port must be a number from 0 to 65535, not 'http'",
            "--port=65536                   | --port must be a number from 0 to 65535, not '65536'",
            "--bind=                        | --bind needs an address, e.g. 127.0.0.1 or 0.0.0.0",
            "--control-from                 | --control-from needs a value: --control-from=...",
            "--control-from=                | --control-from must be loopback or any, not ''",
            "--control-from=0.0.0.0         | --control-from must be loopback or any, not '0.0.0.0'",
            "--control-from=true            | --control-from must be loopback or any, not 'true'",
            "--state-file=                  | --state-file needs a path",
            "--pending-to-available=soon    | --pending-to-available must be a duration such as 500ms, 2s or 1m, not 'soon'",
            "--deleting-to-deleted=-2s      | --deleting-to-deleted must be a duration such as 500ms, 2s or 1m, not '-2s'",
            "--private-dns-verification=PT-1S | --private-dns-verification must be a duration such as 500ms, 2s or 1m, not 'PT-1S'",
            "--throttling=yes               | --throttling must be true or false, not 'yes'",
            "4566                           | unexpected argument '4566'; options have the form --name=value",
    })
    void aBadArgumentIsNamedInOneLine(String argument, String message) {
        assertThatThrownBy(() -> SandboxCommand.parse("--port=0", argument))
                .isInstanceOf(UsageException.class).hasMessage(message);
    }

    @Test
    void aBadArgumentPrintsOneLineAndTheUsageOnStandardErrorAndExitsWithStatus2() {
        Outcome outcome = start("--state-file=" + dir.resolve("sandbox.json"), "--throtling=false");

        assertThat(outcome).isEqualTo(new Exit(2));
        assertThat(err()).startsWith("sandbox: unknown option --throtling\nUsage: ")
                .endsWith(SandboxCommand.USAGE);
        assertThat(out()).isEmpty();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aBadControlFromPrintsOneLineAndTheUsageAndStartsNothing() {
        Outcome outcome = start("--state-file=" + dir.resolve("sandbox.json"), "--bind=0.0.0.0",
                "--control-from=everyone");

        assertThat(outcome).isEqualTo(new Exit(2));
        assertThat(err()).isEqualTo("sandbox: --control-from must be loopback or any, not 'everyone'\n"
                + SandboxCommand.USAGE);
        assertThat(out()).isEmpty();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void helpPrintsTheUsageAndStartsNothing() {
        assertThat(start("--help")).isEqualTo(new Exit(0));

        assertThat(out()).isEqualTo(SandboxCommand.USAGE).contains("--pending-to-available=2s", "--bind=127.0.0.1",
                "--control-from=loopback");
        assertThat(err()).isEmpty();
    }

    @Test
    void aTakenPortIsReportedInOneLineWithStatus1AndLeavesTheStateFileAlone() {
        try (SandboxServer other = SandboxServer.builder().port(0).start()) {
            Path stateFile = dir.resolve("sandbox.json");

            Outcome outcome = start("--port=" + other.port(), "--state-file=" + stateFile);

            assertThat(outcome).isEqualTo(new Exit(1));
            assertThat(err()).startsWith("sandbox: The AWS sandbox could not listen on 127.0.0.1:" + other.port() + ": ")
                    .hasLineCount(1);
            assertThat(stateFile).doesNotExist();
        }
    }

    @Test
    void theCommandServesAwsAndKeepsItsWorldInTheStateFileAcrossARestart() throws Exception {
        Path stateFile = dir.resolve("state/sandbox.json");
        String[] args = {"--port=0", "--state-file=" + stateFile, "--pending-to-available=0s", "--throttling=false"};
        String vpcId;
        String serviceId;
        try (SandboxFixture sandbox = new SandboxFixture(running(start(args)))) {
            assertThat(sandbox.server.endpoint().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(sandbox.server.settings().pendingToAvailable()).isZero();
            assertThat(sandbox.server.settings().throttling()).isFalse();
            Ec2Client provider = sandbox.ec2(PROVIDER);
            vpcId = provider.describeVpcs().vpcs().getFirst().vpcId();
            String nlb = sandbox.elb(PROVIDER).describeLoadBalancers().loadBalancers().getFirst().loadBalancerArn();
            serviceId = provider.createVpcEndpointServiceConfiguration(r -> r.networkLoadBalancerArns(nlb))
                    .serviceConfiguration().serviceId();
        }
        assertThat(stateFile).content().contains(serviceId, vpcId);

        try (SandboxFixture restarted = new SandboxFixture(running(start(args)))) {
            Ec2Client provider = restarted.ec2(PROVIDER);
            assertThat(provider.describeVpcs().vpcs()).extracting(Vpc::vpcId).containsExactly(vpcId);
            assertThat(provider.describeVpcEndpointServiceConfigurations().serviceConfigurations())
                    .extracting(ServiceConfiguration::serviceId).containsExactly(serviceId);
        }
        assertThat(err()).isEmpty();
    }

    @Test
    void boundToEveryAddressItIsStillReachedOnLoopback() throws Exception {
        try (SandboxFixture sandbox = new SandboxFixture(running(start("--bind=0.0.0.0", "--port=0",
                "--state-file=" + dir.resolve("sandbox.json"))))) {
            assertThat(sandbox.server.endpoint().getHost()).isEqualTo("127.0.0.1");
            assertThat(sandbox.ec2(PROVIDER).describeVpcs().vpcs()).hasSize(1);
        }
    }

    private Outcome start(String... args) {
        return SandboxCommand.start(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private SandboxServer running(Outcome outcome) {
        assertThat(outcome).as(err()).isInstanceOf(Running.class);
        return ((Running) outcome).server();
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
