package dev.linkport.sandbox;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code linkport sandbox [--name=value ...]}: runs the AWS sandbox as a process of its own, so that
 * several Linkport instances share one AWS world ({@code linkport.sandbox.url}) and a crash of Linkport
 * leaves "AWS" running. {@code LinkportApplication.main} hands over to it before anything of Spring or
 * Vaadin is loaded, so it runs from the plain jar of {@code ./mvnw package} too.
 *
 * <p>The defaults are those of {@link SandboxProperties}. The process runs until it is stopped; on
 * SIGTERM or Ctrl-C it saves its world to the state file and exits.
 */
public final class SandboxCommand {

    /** Exit status for a bad command line. */
    static final int USAGE_ERROR = 2;
    /** Exit status when the sandbox could not start (the port is taken, say). */
    static final int START_FAILED = 1;

    static final String USAGE = """
            Usage: java -jar linkport-<version>.jar sandbox [--name=value ...]
            Runs the AWS sandbox (EC2, ELBv2 and STS Query APIs) on its own until stopped.

              --port=4566                       port to listen on; 0 picks a free one
              --bind=127.0.0.1                  address to listen on; 0.0.0.0 for every address (containers)
              --control-from=loopback           who may use the control API under /_sandbox/: loopback
                                                (this machine only) or any (containers on a private network)
              --state-file=.linkport/sandbox.json
                                                where the AWS world is kept between runs
              --pending-to-available=2s         how long a new endpoint stays pending
              --deleting-to-deleted=2s          how long a deleted endpoint stays deleting
              --private-dns-verification=2s     how long private DNS verification takes
              --throttling=true                 whether AWS's request rate limits are emulated
              --help                            print this and exit

            Durations: 500ms, 2s, 1m, 1h (a bare number is milliseconds) or ISO-8601 (PT2S).
            Point Linkport at it with linkport.sandbox.url=http://127.0.0.1:4566.
            """;

    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)(ns|us|ms|s|m|h|d)?");

    private SandboxCommand() {
    }

    /**
     * Runs the command: starts the sandbox and waits until the process is stopped; exits with status 2
     * after a bad argument and 1 when the sandbox cannot start.
     */
    public static void main(String[] args) throws InterruptedException {
        switch (start(args, System.out, System.err)) {
            case Exit(int status) -> {
                if (status != 0) {
                    System.exit(status);
                }
            }
            case Running(SandboxServer server) -> {
                CountDownLatch stopped = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    server.close();
                    stopped.countDown();
                }, "aws-sandbox-shutdown"));
                stopped.await();
            }
        }
    }

    /** What {@link #start} did: started a sandbox, or nothing, and the process should exit with a status. */
    sealed interface Outcome permits Running, Exit {
    }

    /** A sandbox runs; closing it saves its world. */
    record Running(SandboxServer server) implements Outcome {
    }

    /** Nothing runs: usage was printed (0), the command line was wrong (2), or the sandbox could not start (1). */
    record Exit(int status) implements Outcome {
    }

    /**
     * Starts the sandbox the arguments ask for. {@code --help} prints usage to {@code out}; a bad argument prints a
     * one-line error and the usage to {@code err}, as does a sandbox that cannot listen (without the usage).
     */
    static Outcome start(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = parse(args);
        } catch (UsageException e) {
            err.println("sandbox: " + e.getMessage());
            err.print(USAGE);
            return new Exit(USAGE_ERROR);
        }
        if (options == null) {
            out.print(USAGE);
            return new Exit(0);
        }
        try {
            return new Running(options.start());
        } catch (UncheckedIOException e) {
            err.println("sandbox: " + e.getMessage());
            return new Exit(START_FAILED);
        }
    }

    /**
     * Reads {@code --name=value} options over the defaults.
     *
     * @return the options, or {@code null} when {@code --help} asks for the usage instead
     * @throws UsageException for an unknown option, a missing {@code =value} or a value that does not parse
     */
    static Options parse(String... args) {
        Options defaults = Options.DEFAULTS;
        int port = defaults.port();
        InetAddress bind = defaults.bind();
        Path stateFile = defaults.stateFile();
        Duration pendingToAvailable = defaults.pendingToAvailable();
        Duration deletingToDeleted = defaults.deletingToDeleted();
        Duration privateDnsVerification = defaults.privateDnsVerification();
        boolean throttling = defaults.throttling();
        boolean controlFromAnyAddress = defaults.controlFromAnyAddress();
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                return null;
            }
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "'; options have the form --name=value");
            }
            int eq = arg.indexOf('=');
            String name = arg.substring(2, eq < 0 ? arg.length() : eq);
            if (!Options.NAMES.contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
            if (eq < 0) {
                throw new UsageException("--" + name + " needs a value: --" + name + "=...");
            }
            String value = arg.substring(eq + 1);
            switch (name) {
                case "port" -> port = port(value);
                case "bind" -> bind = address(value);
                case "control-from" -> controlFromAnyAddress = controlFrom(value);
                case "state-file" -> stateFile = path(value);
                case "pending-to-available" -> pendingToAvailable = duration(name, value);
                case "deleting-to-deleted" -> deletingToDeleted = duration(name, value);
                case "private-dns-verification" -> privateDnsVerification = duration(name, value);
                default -> throttling = bool(name, value);
            }
        }
        return new Options(port, bind, stateFile, pendingToAvailable, deletingToDeleted, privateDnsVerification,
                throttling, controlFromAnyAddress);
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--port must be a number from 0 to 65535, not '" + value + "'");
    }

    private static InetAddress address(String value) {
        if (value.isBlank()) {
            throw new UsageException("--bind needs an address, e.g. 127.0.0.1 or 0.0.0.0");
        }
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            throw new UsageException("--bind: '" + value + "' is not an address of this machine");
        }
    }

    /** {@code loopback} (false) or {@code any} (true): whether the control API answers every client. */
    private static boolean controlFrom(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "loopback" -> false;
            case "any" -> true;
            default -> throw new UsageException("--control-from must be loopback or any, not '" + value + "'");
        };
    }

    private static Path path(String value) {
        if (value.isBlank()) {
            throw new UsageException("--state-file needs a path");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException("--state-file: '" + value + "' is not a path: " + e.getReason());
        }
    }

    /** {@code 500ms}, {@code 2s}, {@code 1m}, a bare number of milliseconds, or ISO-8601 ({@code PT2S}), as Spring reads them. */
    static Duration duration(String name, String value) {
        Matcher m = SIMPLE_DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
        try {
            if (m.matches()) {
                long amount = Long.parseLong(m.group(1));
                return switch (m.group(2) == null ? "ms" : m.group(2)) {
                    case "ns" -> Duration.ofNanos(amount);
                    case "us" -> Duration.of(amount, ChronoUnit.MICROS);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    case "d" -> Duration.ofDays(amount);
                    default -> Duration.ofMillis(amount);
                };
            }
            Duration iso = Duration.parse(value.trim());
            if (!iso.isNegative()) {
                return iso;
            }
        } catch (DateTimeParseException | ArithmeticException e) {
            // reported below
        }
        throw new UsageException("--" + name + " must be a duration such as 500ms, 2s or 1m, not '" + value + "'");
    }

    private static boolean bool(String name, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new UsageException("--" + name + " must be true or false, not '" + value + "'");
        };
    }

    /** A command line that cannot be run; the message is one line for the user. */
    static final class UsageException extends IllegalArgumentException {

        UsageException(String message) {
            super(message);
        }
    }

    /**
     * The command's options.
     *
     * @param port  the port; 0 picks a free one
     * @param bind  the address to listen on
     * @param stateFile where the world is kept
     * @param pendingToAvailable   an endpoint's time in {@code pending}
     * @param deletingToDeleted    an endpoint's time in {@code deleting}
     * @param privateDnsVerification how long a private DNS verification takes
     * @param throttling whether AWS's throttling is emulated
     * @param controlFromAnyAddress whether the control API answers every client ({@code --control-from=any})
     *                              rather than only loopback ones
     */
    record Options(int port, InetAddress bind, Path stateFile, Duration pendingToAvailable, Duration deletingToDeleted,
                   Duration privateDnsVerification, boolean throttling, boolean controlFromAnyAddress) {

        /** As in {@link SandboxProperties}, listening on loopback, the control API for loopback clients only. */
        static final Options DEFAULTS = defaults();

        static final Set<String> NAMES = Set.of("port", "bind", "control-from", "state-file", "pending-to-available",
                "deleting-to-deleted", "private-dns-verification", "throttling");

        private static Options defaults() {
            SandboxSettings settings = new SandboxSettings();
            return new Options(4566, InetAddress.getLoopbackAddress(), Path.of(".linkport", "sandbox.json"),
                    settings.pendingToAvailable(), settings.deletingToDeleted(), settings.privateDnsVerification(),
                    settings.throttling(), false);
        }

        /** The sandbox's settings: these delays and throttling, the rest at their defaults. */
        SandboxSettings settings() {
            return new SandboxSettings().pendingToAvailable(pendingToAvailable).deletingToDeleted(deletingToDeleted)
                    .privateDnsVerification(privateDnsVerification).throttling(throttling);
        }

        /** Starts a sandbox with these options. */
        SandboxServer start() {
            return SandboxServer.builder().bind(bind).port(port).controlFromAnyAddress(controlFromAnyAddress)
                    .stateFile(stateFile).settings(settings()).start();
        }
    }
}
