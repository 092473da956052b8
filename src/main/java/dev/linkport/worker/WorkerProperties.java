package dev.linkport.worker;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code linkport.worker.*}.
 *
 * @param timeBudget how long a job may keep meeting transient AWS errors, or waiting for AWS to finish,
 *                   before it fails with what AWS last answered
 * @param poll       how often jobs ask AWS whether something finished
 * @param retry      the backoff after a transient AWS error ({@link RetryRule})
 * @param drain      on shutdown, how long the instance waits for the steps it is running to finish after it
 *                   stopped taking new ones; a step still running then is taken over by another instance once
 *                   its heartbeats stop ({@code db-scheduler.heartbeat-interval} × {@code missed-heartbeats-limit})
 */
@ConfigurationProperties("linkport.worker")
public record WorkerProperties(@DefaultValue("30m") Duration timeBudget, @DefaultValue Poll poll,
                               @DefaultValue Retry retry, @DefaultValue("15s") Duration drain) {

    public WorkerProperties {
        if (poll == null) {
            poll = new Poll(Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(15));
        }
        if (retry == null) {
            retry = new Retry(Duration.ofSeconds(1), Duration.ofSeconds(20));
        }
        if (drain == null) {
            drain = Duration.ofSeconds(15);
        }
    }

    /**
     * The pace of polling: every {@code quick} while AWS is expected to answer quickly ({@code quickFor}),
     * then doubling up to {@code max}.
     */
    public record Poll(@DefaultValue("200ms") Duration quick, @DefaultValue("5s") Duration quickFor,
                       @DefaultValue("15s") Duration max) {

        /**
         * How long to wait before asking AWS again.
         *
         * @param polls how many polls already found AWS still busy
         */
        public Duration after(int polls) {
            long quickPolls = Math.max(1, quickFor.toMillis() / quick.toMillis());
            if (polls < quickPolls) {
                return quick;
            }
            long millis = quick.toMillis() << Math.min(polls - quickPolls + 1, 10);
            return Duration.ofMillis(Math.min(max.toMillis(), millis));
        }

        /** The wait before the next poll when nothing moved for {@code quiet}. */
        public Duration afterQuiet(Duration quiet) {
            return after((int) Math.min(Integer.MAX_VALUE, Math.max(0, quiet.toMillis() / quick.toMillis())));
        }
    }

    /**
     * The backoff after a transient AWS error: full jitter from {@code base}, doubling per retry, at most
     * {@code cap}. The defaults follow the AWS SDKs' standard retry mode: a job is back within 20 s of AWS
     * answering again.
     */
    public record Retry(@DefaultValue("1s") Duration base, @DefaultValue("20s") Duration cap) {

        /** The wait before retry {@code retries + 1}. */
        public Duration after(int retries) {
            return RetryRule.fullJitter(retries, base, cap);
        }
    }
}
