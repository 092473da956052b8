package dev.linkport.provider.service;

import dev.linkport.audit.service.AuditEntry;
import dev.linkport.audit.service.AuditLog;
import dev.linkport.catalog.domain.ServiceListing;
import dev.linkport.consumer.domain.EndpointRequest;
import dev.linkport.consumer.domain.EndpointState;
import dev.linkport.platform.ConflictException;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.NotFoundException;
import dev.linkport.platform.Validation;
import dev.linkport.platform.events.Changed;
import dev.linkport.platform.jobs.JobKind;
import dev.linkport.platform.jobs.Jobs;
import dev.linkport.provider.domain.AllowedPrincipal;
import dev.linkport.provider.domain.AllowedPrincipal.Source;
import dev.linkport.provider.domain.AllowedPrincipal.SyncState;
import dev.linkport.provider.domain.AllowedPrincipalRepository;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A service's allowed principals (DESIGN.md §3, Provider): who AWS lets create endpoints to it.
 * Adding and removing only records the wish and schedules SyncPrincipals, which applies it in AWS
 * and reports the outcome on each principal. For the service's owners and platform admins.
 */
@Service
@Transactional
public class PrincipalService {

    /** The request states in which an endpoint exists (or is being made) and depends on its principal. */
    public static final List<EndpointState> LIVE = List.of(EndpointState.PROVISIONING,
            EndpointState.PENDING_ACCEPTANCE, EndpointState.AVAILABLE);

    private final AllowedPrincipalRepository principals;
    private final ServiceOwnership ownership;
    private final Validation validation;
    private final AuditLog audit;
    private final Jobs jobs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public PrincipalService(AllowedPrincipalRepository principals, ServiceOwnership ownership, Validation validation,
                            AuditLog audit, Jobs jobs, ApplicationEventPublisher events, Clock clock) {
        this.principals = principals;
        this.ownership = ownership;
        this.validation = validation;
        this.audit = audit;
        this.jobs = jobs;
        this.events = events;
        this.clock = clock;
    }

    /** A live endpoint that an allowed principal lets exist. */
    public record Dependent(UUID requestId, String vpcEndpointId, String accountId, String team, String state) {

        public String describe() {
            return (vpcEndpointId == null ? "an endpoint being created" : vpcEndpointId) + " of " + team + " ("
                    + accountId + ", " + state + ")";
        }
    }

    /** What removing a principal did, and which live endpoints depended on it. */
    public record Removal(PrincipalView principal, List<Dependent> liveEndpoints) {
    }

    /** The service's principals, as Linkport wants them and as AWS last reported them, by ARN. */
    @Transactional(readOnly = true)
    public List<PrincipalView> list(UUID listingId) {
        ownership.require(listingId, "the allowed principals");
        return principals.findByListingIdOrderByArn(listingId).stream().map(PrincipalService::view).toList();
    }

    /**
     * Allows a principal; AWS gets it shortly, through SyncPrincipals. Adding one Linkport already
     * has asks for it again (useful after a failure); one seen only in AWS becomes a managed one.
     */
    public PrincipalView add(UUID listingId, AddPrincipal command) {
        ServiceOwnership.Managed managed = ownership.require(listingId, "the allowed principals");
        validation.check(command);
        String arn = command.arn().trim();
        if (arn.equals(AddPrincipal.WILDCARD) && !command.confirmWildcard()) {
            throw InvalidInputException.of("confirmWildcard", AddPrincipal.WILDCARD_WARNING);
        }
        ServiceListing listing = requireInAws(managed.listing());
        AllowedPrincipal principal = principals.findByListingIdAndArn(listingId, arn).orElse(null);
        String before = principal == null ? null : principal.getSyncState().name();
        if (principal == null) {
            principal = principals.save(new AllowedPrincipal(listingId, arn, Source.MANUAL, clock.instant()));
        } else if (principal.getSyncState() == SyncState.IN_SYNC) {
            return view(principal); // nothing to do
        } else {
            principal.wanted(Source.MANUAL, clock.instant());
        }
        principals.flush();
        jobs.schedule(JobKind.SYNC_PRINCIPALS, listingId);
        audit.record(AuditEntry.of("PRINCIPAL_ADDED", "SERVICE", listingId, listing.getName(),
                listing.getOwnerTeam().getId()).change(before, arn));
        events.publishEvent(new Changed(Changed.SERVICE_LISTING, listingId));
        return view(principal);
    }

    /**
     * Stops allowing a principal; SyncPrincipals removes it in AWS and then forgets it. Endpoints
     * that exist keep working in AWS, but their account cannot create new ones; the answer names them.
     */
    public Removal remove(UUID listingId, String arn) {
        ServiceOwnership.Managed managed = ownership.require(listingId, "the allowed principals");
        ServiceListing listing = managed.listing();
        String wanted = arn == null ? "" : arn.trim();
        AllowedPrincipal principal = principals.findByListingIdAndArn(listingId, wanted)
                .orElseThrow(() -> new NotFoundException("The service has no allowed principal " + wanted));
        List<Dependent> dependents = dependents(listingId, wanted);
        String before = principal.getSyncState().name();
        if (listing.getAwsServiceId() == null) {
            principals.delete(principal); // AWS never had it
        } else {
            principal.unwanted(clock.instant());
            principals.flush();
            jobs.schedule(JobKind.SYNC_PRINCIPALS, listingId);
        }
        audit.record(AuditEntry.of("PRINCIPAL_REMOVED", "SERVICE", listingId, listing.getName(),
                listing.getOwnerTeam().getId()).change(before + " " + wanted, null)
                .because(dependents.isEmpty() ? null : "Live endpoints from this principal: "
                        + String.join(", ", dependents.stream().map(Dependent::describe).toList())));
        events.publishEvent(new Changed(Changed.SERVICE_LISTING, listingId));
        return new Removal(view(principal), dependents);
    }

    /** The live endpoints that were allowed by this principal: its account's, or everybody's for {@code *}. */
    @Transactional(readOnly = true)
    public List<Dependent> liveEndpoints(UUID listingId, String arn) {
        ownership.require(listingId, "the allowed principals");
        return dependents(listingId, arn == null ? "" : arn.trim());
    }

    /** Asks SyncPrincipals to compare AWS with Linkport again (e.g. to pick up changes made in AWS). */
    public void sync(UUID listingId) {
        ServiceOwnership.Managed managed = ownership.require(listingId, "the allowed principals");
        requireInAws(managed.listing());
        jobs.schedule(JobKind.SYNC_PRINCIPALS, listingId);
    }

    private List<Dependent> dependents(UUID listingId, String arn) {
        String account = accountOf(arn);
        return principals.findRequestsInStates(listingId, LIVE).stream()
                .filter(r -> arn.equals(AddPrincipal.WILDCARD) || r.getConsumerAccount().getAccountId().equals(account))
                .map(PrincipalService::dependent).toList();
    }

    private static Dependent dependent(EndpointRequest r) {
        return new Dependent(r.getId(), r.getVpcEndpointId(), r.getConsumerAccount().getAccountId(),
                r.getConsumerAccount().getTeam().getName(), r.getState().name());
    }

    /** The account id in an IAM ARN, or null. */
    static String accountOf(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length == 6 && parts[0].equals("arn") ? parts[4] : null;
    }

    private static ServiceListing requireInAws(ServiceListing listing) {
        if (listing.getAwsServiceId() == null) {
            throw new ConflictException(listing.getName() + " has no endpoint service in AWS yet (it is "
                    + listing.getState() + "); principals can be added once it is available");
        }
        return listing;
    }

    static PrincipalView view(AllowedPrincipal p) {
        return new PrincipalView(p.getId(), p.getArn(), p.getSource().name(), p.getSyncState().name(),
                p.getLastError(), p.getCreatedAt(), p.getUpdatedAt());
    }
}
