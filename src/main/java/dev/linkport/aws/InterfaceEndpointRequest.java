package dev.linkport.aws;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to create with CreateVpcEndpoint (type {@code Interface}) in a consumer account.
 *
 * @param clientToken        idempotency token: the same token creates the endpoint only once
 * @param serviceRegion      the provider's region for cross-region PrivateLink, {@code null} for the same
 *                           region
 * @param tags               tags the endpoint is created with (TagSpecifications), in order; see
 *                           {@link ResourceTags}
 * @param ipAddressType      the addresses its network interfaces get; {@code null} for AWS's default (IPv4)
 * @param dnsRecordIpType    the DNS records AWS creates; {@code null} for AWS's default for the IP address type
 */
public record InterfaceEndpointRequest(String clientToken, String vpcId, String serviceName,
        List<String> subnetIds, List<String> securityGroupIds, boolean privateDnsEnabled, String serviceRegion,
        Map<String, String> tags, IpAddressType ipAddressType, DnsRecordIpType dnsRecordIpType) {

    /** A request for AWS's default IP address type and DNS options. */
    public InterfaceEndpointRequest(String clientToken, String vpcId, String serviceName, List<String> subnetIds,
            List<String> securityGroupIds, boolean privateDnsEnabled, String serviceRegion, Map<String, String> tags) {
        this(clientToken, vpcId, serviceName, subnetIds, securityGroupIds, privateDnsEnabled, serviceRegion, tags,
                null, null);
    }

    /** A request without tags. */
    public InterfaceEndpointRequest(String clientToken, String vpcId, String serviceName, List<String> subnetIds,
            List<String> securityGroupIds, boolean privateDnsEnabled, String serviceRegion) {
        this(clientToken, vpcId, serviceName, subnetIds, securityGroupIds, privateDnsEnabled, serviceRegion,
                Map.of());
    }

    public InterfaceEndpointRequest {
        Objects.requireNonNull(clientToken, "clientToken");
        Objects.requireNonNull(vpcId, "vpcId");
        Objects.requireNonNull(serviceName, "serviceName");
        subnetIds = List.copyOf(subnetIds);
        securityGroupIds = securityGroupIds == null ? List.of() : List.copyOf(securityGroupIds);
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        if (ipAddressType == null && dnsRecordIpType != null) {
            throw new IllegalArgumentException("DNS record IP type without an IP address type");
        }
        if (subnetIds.isEmpty()) {
            throw new IllegalArgumentException("An interface endpoint needs at least one subnet");
        }
    }
}
