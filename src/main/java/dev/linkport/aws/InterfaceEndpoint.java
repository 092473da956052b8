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
 * @param ipAddressType   the addresses its network interfaces get ({@code null} read as IPv4, AWS's default)
 * @param dnsRecordIpType its DnsOptions' record type ({@code null} read as the default for its IP address type)
 */
public record InterfaceEndpoint(String endpointId, String state, String serviceName, String vpcId,
        List<String> subnetIds, List<String> securityGroupIds, boolean privateDnsEnabled, List<DnsEntry> dnsEntries,
        Instant createdAt, LastError lastError, Map<String, String> tags, IpAddressType ipAddressType,
        DnsRecordIpType dnsRecordIpType) {

    public InterfaceEndpoint {
        subnetIds = List.copyOf(subnetIds);
        securityGroupIds = List.copyOf(securityGroupIds);
        dnsEntries = List.copyOf(dnsEntries);
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        ipAddressType = ipAddressType == null ? IpAddressType.IPV4 : ipAddressType;
        dnsRecordIpType = dnsRecordIpType == null ? DnsRecordIpType.defaultFor(ipAddressType) : dnsRecordIpType;
    }

    /** An IPv4 endpoint with AWS's default DNS options. */
    public InterfaceEndpoint(String endpointId, String state, String serviceName, String vpcId,
            List<String> subnetIds, List<String> securityGroupIds, boolean privateDnsEnabled, List<DnsEntry> dnsEntries,
            Instant createdAt, LastError lastError, Map<String, String> tags) {
        this(endpointId, state, serviceName, vpcId, subnetIds, securityGroupIds, privateDnsEnabled, dnsEntries,
                createdAt, lastError, tags, null, null);
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
