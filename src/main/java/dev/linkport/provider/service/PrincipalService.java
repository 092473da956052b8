package dev.linkport.provider.service;

import dev.linkport.audit.service.AuditLog;
import dev.linkport.catalog.service.ListingDirectory;
import dev.linkport.catalog.service.ListingRef;
import dev.linkport.catalog.service.ManagedListing;
import dev.linkport.consumer.service.RequestRef;
import dev.linkport.consumer.service.ServiceRequests;
import dev.linkport.platform.ConflictException;
import dev.linkport.platform.ForbiddenException;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.NotFoundException;
import dev.linkport.platform.TextRules;
import dev.linkport.platform.Validation;
import dev.linkport.platform.events.Changed;
import dev.linkport.platform.events.Changed.Topic;
import dev.linkport.provider.PrincipalSource;
import dev.linkport.provider.PrincipalSyncState;
import dev.linkport.provider.domain.AllowedPrincipal;
import dev.linkport.provider.domain.AllowedPrincipalRepository;
import dev.linkport.provider.domain.ServiceAudit;
import dev.linkport.provider.jobs.ProviderJobs;
import dev.linkport.provider.service.Dependents.Dependent;
import dev.linkport.worker.Jobs;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A service's allowed principals: who AWS lets create endpoints to it. Adding and removing only
 * records the wish and schedules SyncPrincipals, which applies it in AWS and reports the outcome
 * on each principal. For the service's owners and platform admins.
 */
@Service
@Transactional
public class PrincipalService {

    private static final String WHAT = "see and change the allowed principals of";

    private final AllowedPrincipalRepository principals;
    private final ListingDirectory listings;
    private final ServiceRequests requests;
    private final Validation validation;
    private final AuditLog audit;
    private final Jobs jobs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public PrincipalService(AllowedPrincipalRepository principals, ListingDirectory listings, ServiceRequests requests,
                            Validation validation, AuditLog audit, Jobs jobs, ApplicationEventPublisher events,
                            Clock clock) {
        this.principals = principals;
        this.listings = listings;
        this.requests = requests;
        this.validation = validation;
        this.audit = audit;
        this.jobs = jobs;
        this.events = events;
        this.clock = clock;
    }

    /** What removing a principal did, and which live endpoints depended on it. */
    public record Removal(PrincipalRow principal, List<Dependent> liveEndpoints) {
    }

    /** The service's principals, as Linkport wants them and as AWS last reported them, by ARN. */
    @Transactional(readOnly = true)
    public List<PrincipalRow> list(UUID listingId) {
        listings.requireManaged(listingId, WHAT);
        return principals.findByListingIdOrderByArn(listingId).stream().map(PrincipalService::row).toList();
    }

    /**
     * Whether the caller may allow {@code *} (anyone in any AWS account) on the service: owners of its team
     * and platform admins may, plain members may not.
     */
    @Transactional(readOnly = true)
    public boolean mayAllowEveryone(UUID listingId) {
        return listings.requireManaged(listingId, WHAT).byOwnerOrAdmin();
    }

    /**
     * Allows a principal; AWS gets it shortly, through SyncPrincipals. Adding one Linkport already
     * has asks for it again (useful after a failure); one seen only in AWS becomes a managed one.
     *
     * @throws ForbiddenException for {@code *} from a caller who is neither an owner of the service's team nor a
     *                            platform admin (audited as refused)
     */
    public PrincipalRow add(UUID listingId, AddPrincipal command) {
        ManagedListing managed = listings.requireManaged(listingId, WHAT);
        validation.check(command);
        String arn = command.arn().trim();
        if (arn.equals(AddPrincipal.WILDCARD) && !managed.byOwnerOrAdmin()) {
            String why = everyoneRefusal(managed.listing());
            audit.recordRefused(ServiceAudit.entry("PRINCIPAL_ADD_REFUSED", managed.listing()).change(null, arn)
                    .because(why));
            throw new ForbiddenException(why);
        }
        if (arn.equals(AddPrincipal.WILDCARD) && !command.confirmWildcard()) {
            throw InvalidInputException.of("confirmWildcard", AddPrincipal.WILDCARD_WARNING);
        }
        ListingRef listing = requireInAws(managed);
        AllowedPrincipal principal = principals.findByListingIdAndArn(listingId, arn).orElse(null);
        String before = principal == null ? null : principal.getSyncState().name();
        if (principal == null) {
            principal = principals.save(new AllowedPrincipal(listingId, arn, PrincipalSource.MANUAL, clock.instant()));
        } else if (principal.getSyncState() == PrincipalSyncState.IN_SYNC) {
            if (principal.getSource() == PrincipalSource.APPROVAL) {
                principal.adoptedByHand(clock.instant()); // AWS holds it already; now it stays with the last endpoint
                audit.record(ServiceAudit.entry("PRINCIPAL_ADDED", listing).change("APPROVAL " + arn, arn)
                        .because("Added by hand: it stays when the endpoints it was approved for are deleted"));
                events.publishEvent(new Changed(Topic.SERVICE_LISTING, listingId));
            }
            return row(principal); // nothing to do in AWS
        } else {
            principal.wanted(PrincipalSource.MANUAL, clock.instant());
        }
        principals.flush();
        jobs.schedule(ProviderJobs.SYNC_PRINCIPALS, listingId);
        audit.record(ServiceAudit.entry("PRINCIPAL_ADDED", listing).change(before, arn));
        events.publishEvent(new Changed(Topic.SERVICE_LISTING, listingId));
        return row(principal);
    }

    /**
     * Stops allowing a principal; SyncPrincipals removes it in AWS and then forgets it. Endpoints
     * that exist keep working in AWS, but their account cannot create new ones; the answer names them.
     */
    public Removal remove(UUID listingId, String arn) {
        ManagedListing managed = listings.requireManaged(listingId, WHAT);
        ListingRef listing = managed.listing();
        String wanted = arn == null ? "" : arn.trim();
        if (!TextRules.isOneLine(wanted)) {
            throw InvalidInputException.of("arn", AddPrincipal.PRINCIPAL_MESSAGE);
        }
        AllowedPrincipal principal = principals.findByListingIdAndArn(listingId, wanted)
                .orElseThrow(() -> new NotFoundException("The service has no allowed principal " + wanted));
        List<Dependent> dependents = dependents(listingId, wanted);
        String before = principal.getSyncState().name();
        if (!managed.inAws()) {
            principals.delete(principal); // AWS never had it
        } else {
            principal.unwanted(clock.instant());
            principals.flush();
            jobs.schedule(ProviderJobs.SYNC_PRINCIPALS, listingId);
        }
        audit.record(ServiceAudit.entry("PRINCIPAL_REMOVED", listing).change(before + " " + wanted, null)
                .because(dependents.isEmpty() ? null : "Live endpoints from this principal: "
                        + String.join(", ", dependents.stream().map(Dependent::describe).toList())));
        events.publishEvent(new Changed(Topic.SERVICE_LISTING, listingId));
        return new Removal(row(principal), dependents);
    }

    /** The live endpoints that were allowed by this principal: its account's, or everybody's for {@code *}. */
    @Transactional(readOnly = true)
    public List<Dependent> liveEndpoints(UUID listingId, String arn) {
        listings.requireManaged(listingId, WHAT);
        return dependents(listingId, arn == null ? "" : arn.trim());
    }

    /** Asks SyncPrincipals to compare AWS with Linkport again (e.g. to pick up changes made in AWS). */
    public void sync(UUID listingId) {
        requireInAws(listings.requireManaged(listingId, WHAT));
        jobs.schedule(ProviderJobs.SYNC_PRINCIPALS, listingId);
    }

    private List<Dependent> dependents(UUID listingId, String arn) {
        String account = accountOf(arn);
        return requests.live(listingId).stream()
                .filter(r -> arn.equals(AddPrincipal.WILDCARD) || r.accountId().equals(account))
                .map(PrincipalService::dependent).toList();
    }

    private static Dependent dependent(RequestRef r) {
        return new Dependent(r.vpcEndpointId(), r.accountId(), r.consumerTeam(), r.state().name(), r.id());
    }

    /** The account id in an IAM ARN, or null. */
    static String accountOf(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length == 6 && parts[0].equals("arn") ? parts[4] : null;
    }

    private static String everyoneRefusal(ListingRef listing) {
        return "Only an owner of " + listing.ownerTeamName() + " or a platform admin may allow * (anyone in any "
                + "AWS account) on " + listing.name();
    }

    private static ListingRef requireInAws(ManagedListing managed) {
        ListingRef listing = managed.listing();
        if (!managed.inAws()) {
            throw new ConflictException(listing.name() + " has no endpoint service in AWS yet (it is "
                    + listing.state() + "); principals can be added once it is available");
        }
        return listing;
    }


    static PrincipalRow row(AllowedPrincipal p) {
        return new PrincipalRow(p.getId(), p.getArn(), p.getSource(), p.getSyncState(), p.getLastError(),
                p.getCreatedAt(), p.getUpdatedAt());
    }
}
