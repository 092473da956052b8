package dev.linkport.aws;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A consumer's endpoint connected (or asking to connect) to a provider's service, as the provider sees it.
 *
 * @param endpointId     {@code vpce-...}
 * @param ownerAccountId the consumer account owning the endpoint
 * @param state          AWS's state string, e.g. {@code pendingAcceptance}, {@code available},
 *                       {@code rejected}, {@code deleted}
 * @param createdAt      when the endpoint was created, may be {@code null}
 * @param serviceId      the endpoint service it connects to, {@code vpce-svc-...}
 */
public record EndpointConnection(String endpointId, String ownerAccountId, String state, Instant createdAt,
        List<DnsEntry> dnsEntries, String serviceId) {

    /** AWS's connection states in which the endpoint still uses the service. */
    public static final Set<String> LIVE_STATES = Set.of("pendingAcceptance", "pending", "available");

    public EndpointConnection {
        dnsEntries = List.copyOf(dnsEntries);
    }

    public boolean pendingAcceptance() {
        return "pendingAcceptance".equals(state);
    }

    /** The endpoint still uses the service (or asks to): it waits for acceptance, is being set up, or is up. */
    public boolean live() {
        return LIVE_STATES.contains(state);
    }
}
