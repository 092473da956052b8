package dev.linkport.catalog.service;

import dev.linkport.audit.service.AuditLog;
import dev.linkport.aws.AwsProperties;
import dev.linkport.catalog.ListingState;
import dev.linkport.catalog.domain.ListingAudit;
import dev.linkport.catalog.domain.ServiceListing;
import dev.linkport.catalog.domain.ServiceListingRepository;
import dev.linkport.catalog.jobs.CatalogJobs;
import dev.linkport.identity.service.AccessPolicy;
import dev.linkport.platform.ConflictException;
import dev.linkport.platform.SandboxDns;
import dev.linkport.platform.Validation;
import dev.linkport.platform.events.Changed;
import dev.linkport.platform.events.Changed.Topic;
import dev.linkport.worker.Jobs;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A service's private DNS name, for its owners (and admins): the name, AWS's verification state
 * and the TXT record to publish, and asking AWS to verify it. Changes to AWS go through jobs
 * (ModifyService, VerifyPrivateDns).
 */
@Service
public class PrivateDnsService {

    private static final String WHAT = "see and change the private DNS name of";

    private final ServiceListingRepository listings;
    private final ListingDirectory directory;
    private final AccessPolicy access;
    private final Validation validation;
    private final AuditLog audit;
    private final Jobs jobs;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Optional<SandboxDns> sandboxDns;

    public PrivateDnsService(ServiceListingRepository listings, ListingDirectory directory, AccessPolicy access,
                             Validation validation, AuditLog audit, Jobs jobs, ApplicationEventPublisher events,
                             TransactionTemplate tx, Clock clock, AwsProperties aws, Optional<SandboxDns> sandboxDns) {
        this.listings = listings;
        this.directory = directory;
        this.access = access;
        this.validation = validation;
        this.audit = audit;
        this.jobs = jobs;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        // the helper exists only against the built-in sandbox, never next to real AWS
        this.sandboxDns = sandboxDns.filter(dns -> aws.sandbox());
    }

    /** The service's private DNS name, its verification state and the TXT record to publish. */
    public PrivateDnsStatus privateDns(UUID id) {
        return tx.execute(status -> status(directory.managed(id, access.caller(), WHAT)));
    }

    /**
     * Sets or changes the private DNS name; the ModifyService job applies it in AWS, which answers
     * with a new TXT record to publish and the state {@code pendingVerification}.
     */
    public PrivateDnsStatus setPrivateDns(PrivateDnsCommand command) {
        validation.check(command);
        String name = command.name().trim().toLowerCase(Locale.ROOT);
        return againOnClash(() -> tx.execute(status -> {
            ServiceListing listing = directory.managed(command.serviceId(), access.caller(), WHAT);
            requireLive(listing, "change its private DNS name");
            String before = listing.getPrivateDnsName();
            if (name.equals(before)) {
                return status(listing);
            }
            listing.privateDnsRequested(name, clock.instant());
            listings.flush();
            jobs.schedule(CatalogJobs.MODIFY_SERVICE, listing.getId());
            audit.record(ListingAudit.entry("SERVICE_PRIVATE_DNS_SET", listing).change(before, name));
            events.publishEvent(new Changed(Topic.SERVICE_LISTING, listing.getId()));
            return status(listing);
        }));
    }

    /**
     * Removes the service's private DNS name; the ModifyService job removes it in AWS
     * (RemovePrivateDnsName). Consumers' endpoints then answer only under their AWS-generated names.
     *
     * @throws ConflictException when the service has no private DNS name or is not available
     */
    public PrivateDnsStatus removePrivateDns(UUID id) {
        return againOnClash(() -> tx.execute(status -> {
            ServiceListing listing = directory.managed(id, access.caller(), WHAT);
            requireLive(listing, "remove its private DNS name");
            String before = listing.getPrivateDnsName();
            if (before == null) {
                throw new ConflictException("Service " + listing.getName() + " has no private DNS name to remove");
            }
            listing.privateDnsRemoved(clock.instant());
            listings.flush();
            jobs.schedule(CatalogJobs.MODIFY_SERVICE, listing.getId());
            audit.record(ListingAudit.entry("SERVICE_PRIVATE_DNS_REMOVED", listing).change(before, null));
            events.publishEvent(new Changed(Topic.SERVICE_LISTING, listing.getId()));
            return status(listing);
        }));
    }

    /** Asks AWS to verify the private DNS name (the VerifyPrivateDns job polls until AWS decides). */
    public PrivateDnsStatus verifyPrivateDns(UUID id) {
        return againOnClash(() -> tx.execute(status -> {
            ServiceListing listing = directory.managed(id, access.caller(), WHAT);
            requireLive(listing, "verify its private DNS name");
            if (listing.getPrivateDnsName() == null) {
                throw new ConflictException("Set a private DNS name before verifying it");
            }
            if (listing.getPrivateDnsTxtName() == null) {
                throw new ConflictException("AWS has not issued the TXT record for " + listing.getPrivateDnsName()
                        + " yet; wait a moment and try again");
            }
            if (listing.isPrivateDnsVerified()) {
                return status(listing);
            }
            String before = listing.getPrivateDnsState();
            listing.privateDnsObserved("pendingVerification", listing.getPrivateDnsTxtName(),
                    listing.getPrivateDnsTxtValue(), clock.instant());
            listings.flush();
            jobs.schedule(CatalogJobs.VERIFY_PRIVATE_DNS, listing.getId());
            audit.record(ListingAudit.entry("SERVICE_PRIVATE_DNS_VERIFY", listing).change(before, "pendingVerification"));
            events.publishEvent(new Changed(Topic.SERVICE_LISTING, listing.getId()));
            return status(listing);
        }));
    }

    /** Sandbox mode only: publishes the service's TXT record in the sandbox's public DNS. */
    public PrivateDnsStatus publishTxtRecordInSandbox(UUID id) {
        SandboxDns dns = sandboxDns.orElseThrow(() -> new ConflictException(
                "Linkport runs against real AWS: publish the TXT record at your DNS host"));
        PrivateDnsStatus status = privateDns(id);
        if (status.txtRecordName() == null) {
            throw new ConflictException("There is no TXT record to publish yet");
        }
        dns.publishTxtRecord(status.txtRecordName(), status.txtRecordValue());
        tx.executeWithoutResult(s -> {
            ServiceListing listing = listings.findById(id).orElseThrow();
            audit.record(ListingAudit.entry("SANDBOX_TXT_PUBLISHED", listing).change(null, status.txtRecordName()));
        });
        return status;
    }

    private PrivateDnsStatus status(ServiceListing l) {
        String txtName = null;
        if (l.getPrivateDnsTxtName() != null && l.getPrivateDnsName() != null) {
            String domain = l.getPrivateDnsName().startsWith("*.") ? l.getPrivateDnsName().substring(2)
                    : l.getPrivateDnsName();
            // AWS gives the record's first label; it is published under the domain itself
            txtName = l.getPrivateDnsTxtName().endsWith("." + domain) ? l.getPrivateDnsTxtName()
                    : l.getPrivateDnsTxtName() + "." + domain;
        }
        return new PrivateDnsStatus(l.getId(), l.getName(), l.getState(), l.getPrivateDnsName(),
                l.getPrivateDnsState(), txtName, l.getPrivateDnsTxtValue(), l.getFailureReason(),
                sandboxDns.isPresent(),
                PrivateDnsWarning.of(l.getPrivateDnsName(), l.getPrivateDnsState(), l.getPrivateDnsLostAt()));
    }

    private static void requireLive(ServiceListing l, String what) {
        if (l.getState() != ListingState.AVAILABLE || l.getAwsServiceId() == null) {
            throw new ConflictException("Service " + l.getName() + " is " + l.getState()
                    + "; only an available service can " + what);
        }
    }

    /**
     * Runs a change the owners asked for once more when a worker job or reconciliation wrote the listing at the
     * same moment: what they asked does not depend on what the job wrote, so there is nothing to show them.
     */
    private <T> T againOnClash(java.util.function.Supplier<T> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return change.get();
            } catch (ObjectOptimisticLockingFailureException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }
}
