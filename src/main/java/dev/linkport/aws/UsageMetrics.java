package dev.linkport.aws;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Linkport's port to the PrivateLink usage metrics in CloudWatch ({@code GetMetricData}): what an interface
 * endpoint processed ({@code AWS/PrivateLinkEndpoints}, read in the consumer's account) and what a service's
 * endpoints processed ({@code AWS/PrivateLinkServices}, read in the provider's account). Implementations assume
 * the account's role and count every call in the account's read budget, like {@link PrivateLinkGateway}.
 *
 * <p>Calls block; never call from a UI thread or inside a database transaction. AWS publishes no metrics for
 * endpoints that reach a service in another region, so those read as no traffic.
 */
public interface UsageMetrics {

    /** Namespace of the consumer side's metrics. */
    String ENDPOINTS_NAMESPACE = "AWS/PrivateLinkEndpoints";
    /** Namespace of the provider side's metrics. */
    String SERVICES_NAMESPACE = "AWS/PrivateLinkServices";

    /**
     * The endpoint's bytes processed and new connections per {@code period} from {@code from} (inclusive) to
     * {@code to} (exclusive); periods without traffic are left out.
     *
     * @param period a whole number of minutes
     */
    TrafficSeries endpointTraffic(AwsTarget consumer, MeteredEndpoint endpoint, Instant from, Instant to,
                                  Duration period);

    /**
     * The traffic of each of the given endpoints of the provider's service, per {@code period}, by endpoint id;
     * every id is in the answer (with no points when it had no traffic).
     */
    Map<String, TrafficSeries> serviceTraffic(AwsTarget provider, String serviceId, Collection<String> endpointIds,
                                              Instant from, Instant to, Duration period);

    /**
     * What names an endpoint's metrics in {@code AWS/PrivateLinkEndpoints}: the dimensions {@code VPC Endpoint Id},
     * {@code VPC Id}, {@code Service Name} (and {@code Endpoint Type} {@code Interface}).
     */
    record MeteredEndpoint(String endpointId, String vpcId, String serviceName) {
    }
}
