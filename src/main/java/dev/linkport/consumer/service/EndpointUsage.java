package dev.linkport.consumer.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What one endpoint carried, as CloudWatch reports it, and what it cost this month.
 *
 * @param periods        the start of each period of the window, oldest first (24 hours or 30 days)
 * @param bytes          bytes processed per period (0 where CloudWatch had no data)
 * @param newConnections connections opened per period
 * @param monthToDateBytes bytes processed since the start of the month (UTC)
 * @param monthToDateCost  zone-hours since the start of the month or the endpoint's creation × the region's price,
 *                       plus the GB processed × the region's per-GB price (and inter-region transfer)
 * @param costExplanation  how {@code monthToDateCost} was reached, in words
 */
public record EndpointUsage(UUID requestId, String vpcEndpointId, UsageWindow window, List<Instant> periods,
                            List<Long> bytes, List<Long> newConnections, long monthToDateBytes,
                            BigDecimal monthToDateCost, String costExplanation) {

    public EndpointUsage {
        periods = List.copyOf(periods);
        bytes = List.copyOf(bytes);
        newConnections = List.copyOf(newConnections);
    }

    /** Bytes processed over the window. */
    public long totalBytes() {
        return bytes.stream().mapToLong(Long::longValue).sum();
    }

    /** Connections opened over the window. */
    public long totalNewConnections() {
        return newConnections.stream().mapToLong(Long::longValue).sum();
    }

    /** Whether the window had no traffic at all. */
    public boolean noTraffic() {
        return totalBytes() == 0 && totalNewConnections() == 0;
    }
}
