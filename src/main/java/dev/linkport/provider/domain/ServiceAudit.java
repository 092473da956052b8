package dev.linkport.provider.domain;

import dev.linkport.audit.service.AuditEntry;
import dev.linkport.catalog.service.ListingRef;

/** Audit lines about a service's provider side: target {@code SERVICE}, filed under its owner team. */
public final class ServiceAudit {

    private ServiceAudit() {
    }

    public static AuditEntry entry(String action, ListingRef listing) {
        return AuditEntry.of(action, "SERVICE", listing.id(), listing.name(), listing.ownerTeamId());
    }
}
