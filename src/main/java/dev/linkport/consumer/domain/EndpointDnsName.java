package dev.linkport.consumer.domain;

import dev.linkport.aws.DnsEntry;
import dev.linkport.aws.DnsNameType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * A DNS name of an interface endpoint as AWS lists it, with its kind: the regional name, one zonal name per zone
 * (carrying the zone's name) and, with private DNS on, the service's private name.
 *
 * @param zoneName the zone a {@link DnsNameType#ZONAL} name resolves in (e.g. {@code us-east-1a}); null otherwise
 */
@Embeddable
public record EndpointDnsName(
        @Column(name = "dns_name", nullable = false) String dnsName,
        @Column(name = "hosted_zone_id") String hostedZoneId,
        @Enumerated(EnumType.STRING) @Column(name = "name_type", nullable = false) DnsNameType type,
        @Column(name = "zone_name") String zoneName) {

    /** A name whose kind is read from its shape (see {@link DnsEntry#classify(String)}). */
    public EndpointDnsName(String dnsName, String hostedZoneId) {
        this(new DnsEntry(dnsName, hostedZoneId), null);
    }

    private EndpointDnsName(DnsEntry entry, DnsEntry.Label label) {
        this(entry.dnsName(), entry.hostedZoneId(), (label == null ? entry.classify(null) : label).type(),
                (label == null ? entry.classify(null) : label).zoneName());
    }

    /** The entry AWS listed for the endpoint with this id, labelled by kind. */
    public static EndpointDnsName of(String endpointId, DnsEntry entry) {
        return new EndpointDnsName(entry, entry.classify(endpointId));
    }
}
