package dev.linkport.aws;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An interface VPC endpoint in a consumer account.
 *
 * @param state     AWS's state string exactly as sent: {@code pendingAcceptance}, {@code pending},
 *                  {@code available}, {@code deleting}, {@code deleted}, {@code rejected}, {@code failed},
 *                  {@code expired}
 * @param createdAt may be {@code null}
 * @param lastError the last error AWS reports for the endpoint, or {@code null}
 * @param tags      the tags AWS holds on the endpoint, key to value
 */
public record InterfaceEndpoint(String endpointId, String state, String serviceName, String vpcId,
        List<String> subnetIds, List<String> securityGroupIds, boolean privateDnsEnabled, List<DnsEntry> dnsEntries,
        Instant createdAt, LastError lastError, Map<String, String> tags) {

    public InterfaceEndpoint {
        subnetIds = List.copyOf(subnetIds);
        securityGroupIds = List.copyOf(securityGroupIds);
        dnsEntries = List.copyOf(dnsEntries);
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** AWS's last error for an endpoint (e.g. why it failed). */
    public record LastError(String code, String message) {
    }

    public Optional<LastError> error() {
        return Optional.ofNullable(lastError);
    }

    public boolean available() {
        return "available".equals(state);
    }

    public boolean pendingAcceptance() {
        return "pendingAcceptance".equals(state);
    }
}
