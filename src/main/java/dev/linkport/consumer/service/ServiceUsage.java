package dev.linkport.consumer.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A service's traffic by consumer endpoint over a window, as CloudWatch reports it in the provider's account.
 *
 * @param periods   the start of each period, oldest first
 * @param consumers one entry per live endpoint of the service, busiest first
 */
public record ServiceUsage(UUID serviceId, UsageWindow window, List<Instant> periods, List<ConsumerTraffic> consumers) {

    public ServiceUsage {
        periods = List.copyOf(periods);
        consumers = List.copyOf(consumers);
    }

    /**
     * One consumer endpoint's traffic.
     *
     * @param bytes per period, in the order of {@link ServiceUsage#periods()}
     */
    public record ConsumerTraffic(UUID requestId, String consumerTeam, String accountId, String vpcEndpointId,
                                  List<Long> bytes, long totalBytes, long totalNewConnections) {

        public ConsumerTraffic {
            bytes = List.copyOf(bytes);
        }
    }

    /** Whether no endpoint of the service carried traffic in the window. */
    public boolean noTraffic() {
        return consumers.stream().allMatch(c -> c.totalBytes() == 0 && c.totalNewConnections() == 0);
    }
}
