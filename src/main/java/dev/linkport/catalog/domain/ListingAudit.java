package dev.linkport.catalog.domain;

import dev.linkport.audit.service.AuditEntry;

/** Audit lines about a listing: target {@code SERVICE}, labelled with its name, filed under its owner team. */
public final class ListingAudit {

    private ListingAudit() {
    }

    public static AuditEntry entry(String action, ServiceListing listing) {
        return AuditEntry.of(action, "SERVICE", listing.getId(), listing.getName(), listing.getOwnerTeamId());
    }
}
