package dev.linkport.consumer.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A DNS name of an interface endpoint: the regional one first, then one per zone. */
@Embeddable
public record EndpointDnsName(
        @Column(name = "dns_name", nullable = false) String dnsName,
        @Column(name = "hosted_zone_id") String hostedZoneId) {
}
