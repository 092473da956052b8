package dev.linkport.catalog.jobs;

import dev.linkport.audit.service.AuditEntry;
import dev.linkport.audit.service.AuditLog;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.catalog.domain.ListingAudit;
import dev.linkport.catalog.domain.ServiceListing;
import dev.linkport.catalog.domain.ServiceListingRepository;
import dev.linkport.identity.service.AccountDirectory;
import dev.linkport.platform.events.Changed;
import dev.linkport.platform.events.Changed.Topic;
import dev.linkport.worker.AwsJob;
import dev.linkport.worker.JobKind;
import dev.linkport.worker.JobRuntime;
import java.time.Clock;
import java.util.function.UnaryOperator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * A job about one listing's endpoint service: what every such job uses (the listing, its provider
 * account in AWS, the audit log, live updates) in one place.
 */
abstract class ListingJob<W, R> extends AwsJob<W, R> {

    /** What listing jobs need, as one bean. */
    @Component
    static final class Context {

        final JobRuntime runtime;
        final ServiceListingRepository listings;
        final AccountDirectory accounts;
        final PrivateLinkGateway gateway;
        final AuditLog audit;
        final ApplicationEventPublisher events;
        final Clock clock;

        Context(JobRuntime runtime, ServiceListingRepository listings, AccountDirectory accounts,
                PrivateLinkGateway gateway, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
            this.runtime = runtime;
            this.listings = listings;
            this.accounts = accounts;
            this.gateway = gateway;
            this.audit = audit;
            this.events = events;
            this.clock = clock;
        }
    }

    final ServiceListingRepository listings;
    final PrivateLinkGateway gateway;
    final Clock clock;
    private final Context context;

    ListingJob(JobKind kind, Context context) {
        super(kind, context.runtime);
        this.context = context;
        this.listings = context.listings;
        this.gateway = context.gateway;
        this.clock = context.clock;
    }

    /** Where the listing's endpoint service lives, for Linkport itself. */
    AwsTarget provider(ServiceListing listing) {
        return context.accounts.get(listing.getProviderAccountId()).target(listing.getRegion(), null);
    }

    /** Writes an audit line by Linkport about the listing and tells open views that it changed. */
    void recordAndShow(ServiceListing listing, String action, UnaryOperator<AuditEntry> details) {
        context.audit.recordSystem(details.apply(ListingAudit.entry(action, listing)));
        context.events.publishEvent(new Changed(Topic.SERVICE_LISTING, listing.getId()));
    }
}
