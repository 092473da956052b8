package dev.linkport.catalog.service;

import dev.linkport.audit.service.AuditLog;
import dev.linkport.catalog.PrivateDnsVerificationLost;
import dev.linkport.catalog.domain.ListingAudit;
import dev.linkport.catalog.domain.ServiceListing;
import dev.linkport.catalog.domain.ServiceListingRepository;
import dev.linkport.platform.events.Changed;
import dev.linkport.platform.events.Changed.Topic;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps a service's private DNS verification state true to what AWS reports, for reconciliation: a name that was
 * verified and is not any more is marked lost (the service shows a warning, its owners are told once through
 * {@link PrivateDnsVerificationLost}); verified again, the warning clears.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class PrivateDnsWatch {

    /** What an observation changed. */
    public enum Outcome {
        /** Nothing worth telling: same state, another name, or a state change that is not a loss or a recovery. */
        UNCHANGED,
        /** The verified name is no longer verified: the warning shows from now on. */
        LOST,
        /** The lost name is verified again: the warning is gone. */
        RESTORED
    }

    private final ServiceListingRepository listings;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    PrivateDnsWatch(ServiceListingRepository listings, AuditLog audit, ApplicationEventPublisher events) {
        this.listings = listings;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Records what AWS reports about the service's private DNS name. Ignored when AWS holds another name than
     * Linkport (the ModifyService job or drift deal with that) or when it reports no state. Runs in the caller's
     * transaction.
     *
     * @param name  the private DNS name AWS holds
     * @param state AWS's verification state: {@code pendingVerification}, {@code verified} or {@code failed}
     */
    public Outcome observed(UUID listingId, String name, String state, String txtName, String txtValue, Instant now) {
        ServiceListing l = listings.findById(listingId).orElse(null);
        if (l == null || name == null || state == null || !name.equalsIgnoreCase(l.getPrivateDnsName())) {
            return Outcome.UNCHANGED;
        }
        boolean verified = "verified".equalsIgnoreCase(state);
        if (l.isPrivateDnsVerified() && !verified) {
            String before = l.getPrivateDnsState();
            l.privateDnsLost(state, now);
            audit.record(ListingAudit.entry("SERVICE_PRIVATE_DNS_LOST", l).change(before, state)
                    .because("AWS no longer reports " + name + " as verified"));
            events.publishEvent(new PrivateDnsVerificationLost(l.getId(), l.getName(), l.getOwnerTeamId(), name,
                    state));
            events.publishEvent(new Changed(Topic.SERVICE_LISTING, l.getId()));
            return Outcome.LOST;
        }
        boolean wasLost = l.getPrivateDnsLostAt() != null;
        String before = l.getPrivateDnsState();
        l.privateDnsObserved(state, txtName == null ? l.getPrivateDnsTxtName() : txtName,
                txtValue == null ? l.getPrivateDnsTxtValue() : txtValue, now);
        if (wasLost && verified) {
            audit.record(ListingAudit.entry("SERVICE_PRIVATE_DNS_VERIFIED_AGAIN", l).change(before, state));
            events.publishEvent(new Changed(Topic.SERVICE_LISTING, l.getId()));
            return Outcome.RESTORED;
        }
        if (!java.util.Objects.equals(before, l.getPrivateDnsState())) {
            events.publishEvent(new Changed(Topic.SERVICE_LISTING, l.getId()));
        }
        return Outcome.UNCHANGED;
    }
}
