package dev.linkport.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.aws.AwsGatewayException.Kind;
import dev.linkport.aws.AwsReachability.Outage;
import dev.linkport.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwsReachabilityTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
    private final AwsReachability reachability = new AwsReachability(clock);
    private final AwsTarget consumer = target("us-east-1");
    private final AtomicInteger changes = new AtomicInteger();

    {
        reachability.listen(changes::incrementAndGet);
    }

    @Test
    void aPlaceThatKeepsFailingWithoutAnswerBecomesAnOutageSayingSinceWhenAndWhy() {
        reachability.failed(consumer, noAnswer("Connection refused"));
        clock.advance(Duration.ofSeconds(5));
        reachability.failed(consumer, noAnswer("Connection refused"));
        assertThat(reachability.outages()).as("not yet: a short hiccup is not shown").isEmpty();
        assertThat(changes).hasValue(0);

        clock.advance(Duration.ofSeconds(6));
        reachability.failed(consumer, awsFailure("InternalError", 500));

        assertThat(reachability.outages()).containsExactly(new Outage("us-east-1", "222222222222",
                Instant.parse("2026-11-30T10:00:00Z"), Instant.parse("2026-11-30T10:00:11Z"),
                "InternalError (HTTP 500)", 3));
        assertThat(changes).as("listeners hear when it starts being shown, once").hasValue(1);
        reachability.failed(consumer, noAnswer("Connection refused"));
        assertThat(changes).hasValue(1);
    }

    @Test
    void twoFailuresOfSparseCallsAreNoOutage() {
        reachability.failed(consumer, awsFailure("InternalError", 500));
        clock.advance(Duration.ofSeconds(14));
        reachability.failed(consumer, awsFailure("InternalError", 500));
        assertThat(reachability.outages()).isEmpty();
        assertThat(changes).hasValue(0);
    }

    @Test
    void anyAnswerOfAwsOwnEndsTheOutageThrottlingIncluded() {
        reachability.failed(consumer, noAnswer("Read timed out"));
        reachability.failed(consumer, noAnswer("Read timed out"));
        clock.advance(Duration.ofSeconds(30));
        reachability.failed(consumer, noAnswer("Read timed out"));
        assertThat(reachability.outages()).hasSize(1);

        reachability.failed(consumer, awsFailure("RequestLimitExceeded", 400));

        assertThat(reachability.outages()).isEmpty();
        assertThat(changes).as("shown, then gone").hasValue(2);
    }

    @Test
    void callsHeldBackByLinkportsOwnRateBudgetSayNothingAboutAws() {
        reachability.failed(consumer, noAnswer("Connection refused"));
        reachability.failed(consumer, noAnswer("Connection refused"));
        reachability.failed(consumer, noAnswer("Connection refused"));
        clock.advance(Duration.ofSeconds(20));
        reachability.failed(consumer, AwsGatewayException.deferred("222222222222", "us-east-1", "CreateVpcEndpoint",
                Duration.ofSeconds(1)));
        assertThat(reachability.outages()).as("the deferred call neither ends nor counts in the outage")
                .singleElement().extracting(Outage::failures).isEqualTo(3);
        reachability.failed(consumer, noAnswer("Connection refused"));
        assertThat(reachability.outages()).singleElement().extracting(Outage::failures).isEqualTo(4);
    }

    @Test
    void aSuccessfulCallEndsIt() {
        reachability.failed(consumer, awsFailure("ServiceUnavailable", 503));
        reachability.failed(consumer, awsFailure("ServiceUnavailable", 503));
        clock.advance(Duration.ofSeconds(10));
        reachability.failed(consumer, awsFailure("ServiceUnavailable", 503));
        assertThat(reachability.outages()).hasSize(1);
        reachability.answered(consumer);
        assertThat(reachability.outages()).isEmpty();
    }

    @Test
    void placesAreRegionAndAccount() {
        AwsTarget otherRegion = target("eu-west-1");
        reachability.failed(consumer, noAnswer("Connection refused"));
        reachability.failed(consumer, noAnswer("Connection refused"));
        reachability.failed(otherRegion, noAnswer("Connection refused"));
        reachability.failed(otherRegion, noAnswer("Connection refused"));
        clock.advance(Duration.ofSeconds(10));
        reachability.failed(consumer, noAnswer("Connection refused"));
        reachability.answered(otherRegion);
        assertThat(reachability.outages()).extracting(Outage::region).containsExactly("us-east-1");
    }

    private static AwsTarget target(String region) {
        return new AwsTarget("222222222222", region, "arn:aws:iam::222222222222:role/LinkportAccess", "x", null);
    }

    private static AwsGatewayException noAnswer(String message) {
        return new AwsGatewayException(Kind.TRANSIENT, null, message, "222222222222", "us-east-1",
                "DescribeVpcEndpoints", 0, null);
    }

    private static AwsGatewayException awsFailure(String code, int status) {
        return new AwsGatewayException(Kind.TRANSIENT, code, "AWS says " + code, "222222222222", "us-east-1",
                "DescribeVpcEndpoints", status, null);
    }
}
