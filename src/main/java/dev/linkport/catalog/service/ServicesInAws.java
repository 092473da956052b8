package dev.linkport.catalog.service;

import dev.linkport.aws.AwsTarget;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The listings that have an endpoint service in one provider account and region, with the settings
 * AWS should hold for them: what reconciliation compares with AWS.
 */
public record ServicesInAws(AwsTarget provider, List<Service> services) {

    /**
     * One listing's endpoint service as Linkport wants it.
     *
     * @param supportedRegions regions besides its own that consumers may connect from
     * @param privateDnsState  the verification state Linkport last saw, or {@code null}
     */
    public record Service(UUID listingId, String name, UUID ownerTeamId, String awsServiceId,
                          boolean acceptanceRequired, Set<String> supportedRegions, Set<String> loadBalancerArns,
                          String privateDnsName, String privateDnsState) {
    }

    /** A provider account (Linkport's id) and region that holds endpoint services of listings. */
    public record ProviderRegion(UUID accountId, String region) {
    }
}
