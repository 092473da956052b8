package dev.linkport.aws.sdk;

import dev.linkport.aws.AwsGatewayException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Every attempt of an AWS call as the timer {@code linkport.aws.calls}, tagged {@code action} (the AWS action,
 * a couple of dozen at most) and {@code outcome} ({@link Outcome}); {@link AwsCallExecutor} reports each one.
 * No account or request tags: the series stay few however many accounts Linkport serves.
 */
public class AwsCallMetrics {

    /** Reports nothing (tools and tests without a meter registry). */
    public static final AwsCallMetrics NONE = new AwsCallMetrics(null);

    /** What an attempt came to. */
    public enum Outcome {
        /** AWS answered with success. */
        OK,
        /** AWS said the account's calls come too fast (RequestLimitExceeded, Throttling, HTTP 429). */
        THROTTLED,
        /** AWS refused the call as it was made (4xx: not found, invalid parameter, access denied, ...), or the call
         * could not be made at all (no credentials). */
        CLIENT_ERROR,
        /** AWS failed on its side (5xx). */
        SERVER_ERROR,
        /** No answer: a timeout or an I/O error. */
        UNREACHABLE;

        /** The tag value: lower case with underscores, as Prometheus labels usually are. */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The outcome of an attempt that failed with {@code failure}. */
        public static Outcome of(AwsGatewayException failure) {
            if (failure.throttled()) {
                return THROTTLED;
            }
            int status = failure.httpStatus();
            if (status >= 500) {
                return SERVER_ERROR;
            }
            if (status >= 400) {
                return CLIENT_ERROR;
            }
            return failure.isTransient() ? UNREACHABLE : CLIENT_ERROR;
        }
    }

    private final MeterRegistry registry;

    public AwsCallMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Records one attempt of {@code action} that took {@code nanos}. */
    void attempted(String action, Outcome outcome, long nanos) {
        if (registry == null) {
            return;
        }
        Timer.builder("linkport.aws.calls").description("Attempts of AWS calls, by action and outcome")
                .tag("action", action).tag("outcome", outcome.tag())
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }
}
