package dev.linkport.consumer.service;

import dev.linkport.aws.AvailabilityZone;
import dev.linkport.aws.AwsGatewayException;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.aws.ServiceOffer;
import dev.linkport.catalog.service.ListingRef;
import dev.linkport.platform.InvalidInputException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finds the zones a consumer may use ({@link ZoneOffer}). Calls AWS for cross-region requests: never inside a
 * transaction or on a UI thread.
 *
 * <p>For a service of another region AWS decides the zones in the consumer's region, and says which when the
 * service is described from that region with {@code ServiceRegion} (DescribeVpcEndpointServices). Linkport asks
 * as the consumer's account first; before approval that account is usually not an allowed principal yet, and AWS
 * then answers as if the service did not exist, so Linkport asks as the provider's account in the consumer's
 * region (the owner always sees its service). Zone IDs name the same physical zones in every account.
 */
@Component
class OfferedZones {

    private static final Logger log = LoggerFactory.getLogger(OfferedZones.class);

    private final PrivateLinkGateway gateway;

    OfferedZones(PrivateLinkGateway gateway) {
        this.gateway = gateway;
    }

    /**
     * The zones of the service as seen from {@code consumer}'s region.
     *
     * @param provider the provider's account in the consumer's region, asked when the consumer may not see the
     *                 service yet
     * @throws InvalidInputException on {@code region} when AWS offers the service in neither account from that
     *                               region (its supported regions do not include it, or the change is not applied)
     */
    ZoneOffer lookup(ListingRef listing, AwsTarget consumer, AwsTarget provider) {
        String region = consumer.region();
        if (listing.region().equals(region)) {
            return new ZoneOffer(region, listing.region(), !listing.zoneIds().isEmpty(), listing.zoneIds());
        }
        if (listing.awsServiceName() == null) {
            return ZoneOffer.unknown(region, listing.region());
        }
        Optional<ServiceOffer> asConsumer = describe(consumer, listing.awsServiceName());
        if (asConsumer != null && asConsumer.isPresent()) {
            return offer(region, listing, asConsumer.get());
        }
        Optional<ServiceOffer> asOwner = provider == null ? null : describe(provider, listing.awsServiceName());
        if (asOwner != null && asOwner.isPresent()) {
            return offer(region, listing, asOwner.get());
        }
        if (asOwner != null) {
            throw InvalidInputException.of("region", "AWS does not offer " + listing.name() + " in " + region
                    + " (yet): the provider's supported regions do not include it, or the change is still being "
                    + "applied");
        }
        return ZoneOffer.unknown(region, listing.region());
    }

    private static ZoneOffer offer(String region, ListingRef listing, ServiceOffer offer) {
        Set<String> zoneIds = offer.availabilityZones().stream().map(AvailabilityZone::id)
                .filter(Objects::nonNull).collect(Collectors.toSet());
        return new ZoneOffer(region, listing.region(), true, zoneIds);
    }

    /** The offer, empty when the account may not see the service, null when AWS could not be asked. */
    private Optional<ServiceOffer> describe(AwsTarget target, String serviceName) {
        try {
            return gateway.describeServiceOffer(target, serviceName);
        } catch (AwsGatewayException e) {
            log.info("Could not describe {} as account {} in {}: {}; AWS checks the zones when it creates the "
                    + "endpoint", serviceName, target.accountId(), target.region(), e.getMessage());
            return null;
        }
    }
}
