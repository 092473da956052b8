package dev.linkport.aws;

import java.util.List;
import java.util.Set;

/**
 * An endpoint service as a consumer account sees it (DescribeVpcEndpointServices): what the consumer needs to
 * choose subnets and the private DNS option.
 *
 * @param availabilityZones      the service's zones, named as the consumer account names them, with zone IDs
 *                               resolved in the consumer account
 * @param privateDnsName         the service's private DNS name, or {@code null}
 * @param privateDnsVerification the name's verification state, or {@code null}
 * @param owner                  the provider's account id (or {@code amazon})
 */
public record ServiceOffer(String serviceName, String serviceId, String owner,
        List<AvailabilityZone> availabilityZones, boolean acceptanceRequired, String privateDnsName,
        String privateDnsVerification, Set<IpAddressType> supportedIpAddressTypes) {

    public ServiceOffer {
        availabilityZones = List.copyOf(availabilityZones);
        supportedIpAddressTypes = Set.copyOf(supportedIpAddressTypes);
    }
}
