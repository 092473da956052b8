package dev.linkport.catalog.service;

import dev.linkport.audit.service.AuditLog;
import dev.linkport.aws.AwsGatewayException;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.IpAddressType;
import dev.linkport.aws.NetworkLoadBalancer;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.catalog.ListingState;
import dev.linkport.catalog.Visibility;
import dev.linkport.catalog.domain.ListingAudit;
import dev.linkport.catalog.domain.ServiceListing;
import dev.linkport.catalog.domain.ServiceListingRepository;
import dev.linkport.catalog.jobs.CatalogJobs;
import dev.linkport.identity.service.AccessPolicy;
import dev.linkport.identity.service.AccountDirectory;
import dev.linkport.identity.service.AccountRef;
import dev.linkport.identity.service.Caller;
import dev.linkport.identity.service.TeamDirectory;
import dev.linkport.platform.ConflictException;
import dev.linkport.platform.FieldError;
import dev.linkport.platform.ForbiddenException;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.OffsetPage;
import dev.linkport.platform.Validation;
import dev.linkport.platform.events.Changed;
import dev.linkport.platform.events.Changed.Topic;
import dev.linkport.worker.Jobs;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishing services, their pages, the services a team provides, and the start of a retirement.
 * AWS is read outside any transaction (publishing checks the load balancers first).
 */
@Service
public class ListingService {

    static final String CHOOSE_TEAMS = "Choose the teams that may see the service";

    private final ServiceListingRepository listings;
    private final ListingDirectory directory;
    private final AccountDirectory accounts;
    private final TeamDirectory teams;
    private final AccessPolicy access;
    private final Validation validation;
    private final PrivateLinkGateway gateway;
    private final AuditLog audit;
    private final Jobs jobs;
    private final ConsumerCounts consumers;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    public ListingService(ServiceListingRepository listings, ListingDirectory directory, AccountDirectory accounts,
                          TeamDirectory teams, AccessPolicy access, Validation validation, PrivateLinkGateway gateway,
                          AuditLog audit, Jobs jobs, ConsumerCounts consumers, ApplicationEventPublisher events,
                          TransactionTemplate tx, Clock clock) {
        this.listings = listings;
        this.directory = directory;
        this.accounts = accounts;
        this.teams = teams;
        this.access = access;
        this.validation = validation;
        this.gateway = gateway;
        this.audit = audit;
        this.jobs = jobs;
        this.consumers = consumers;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * A service one of the caller's teams provides, in any state.
     *
     * @param warning why its private DNS name, verified before, is no longer, or {@code null}
     */
    public record OwnedService(UUID id, String name, String ownerTeam, String region, ListingState state,
                               String serviceName, Instant updatedAt, String warning) {

        public OwnedService(UUID id, String name, String ownerTeam, String region, ListingState state,
                            String serviceName, Instant updatedAt) {
            this(id, name, ownerTeam, region, state, serviceName, updatedAt, null);
        }
    }

    /**
     * Publishes a service from one of the caller's team accounts. Refuses load balancers that do
     * not exist in that account and region or are not network load balancers.
     */
    public ServiceDetail publish(PublishServiceCommand command) {
        validation.check(command);
        AwsTarget provider = tx.execute(status -> {
            AccountRef account = ownAccount(command.accountId());
            if (!account.regions().contains(command.region())) {
                throw InvalidInputException.of("region", "Account " + account.accountId()
                        + " is registered for " + String.join(", ", new java.util.TreeSet<>(account.regions())) + " only");
            }
            return account.target(command.region(), access.caller().username());
        });
        checkLoadBalancers(provider, command.loadBalancerArns(), command.supportedIpAddressTypes());
        return tx.execute(status -> {
            Caller caller = access.caller();
            AccountRef account = ownAccount(command.accountId());
            Set<UUID> visibleTeamIds = visibleTeams(command.visibility(), command.visibleTeams());
            ServiceListing listing = new ServiceListing(account.teamId(), account.teamName(), account.id(),
                    command.region(), command.name().trim(), command.summary().trim(), command.approvalPolicy(),
                    clock.instant());
            listing.describe(blankToNull(command.description()), blankToNull(command.documentationUrl()),
                    blankToNull(command.supportContact()), blankToNull(command.ports()), command.tags());
            listing.configure(new LinkedHashSet<>(command.loadBalancerArns()), command.acceptanceRequired(),
                    blankToNull(command.privateDnsName()), command.supportedRegions(), command.visibility(),
                    visibleTeamIds);
            listing.supportIpAddressTypes(command.supportedIpAddressTypes());
            listing.setState(ListingState.PUBLISHING, clock.instant());
            listings.saveAndFlush(listing);
            teams.markProvider(account.teamId()); // publishing makes a team a provider: its members see approvals
            jobs.schedule(CatalogJobs.PUBLISH_SERVICE, listing.getId());
            audit.record(ListingAudit.entry("SERVICE_PUBLISHED", listing)
                    .change(null, "PUBLISHING in " + account.accountId() + "/" + listing.getRegion()
                            + ", policy " + listing.getApprovalPolicy()));
            events.publishEvent(new Changed(Topic.SERVICE_LISTING, listing.getId()));
            return detail(listing, caller, account.accountId());
        });
    }

    /** A service's page, if the caller may see it (available and visible, or owned, or admin). */
    public ServiceDetail detail(UUID id) {
        return tx.execute(status -> {
            Caller caller = access.caller();
            ServiceListing listing = directory.visible(id, caller);
            return detail(listing, caller, accounts.get(listing.getProviderAccountId()).accountId());
        });
    }

    /** Publishes a failed service again (its owners and admins). */
    public ServiceDetail retryPublish(UUID id) {
        return tx.execute(status -> {
            Caller caller = access.caller();
            ServiceListing listing = directory.managed(id, caller, "publish again");
            if (listing.getState() != ListingState.FAILED) {
                throw new ConflictException("Only a failed service can be published again; this one is "
                        + listing.getState());
            }
            listing.retrying(clock.instant());
            listings.flush();
            jobs.schedule(CatalogJobs.PUBLISH_SERVICE, listing.getId());
            audit.record(ListingAudit.entry("SERVICE_PUBLISH_RETRIED", listing).change("FAILED", "PUBLISHING"));
            events.publishEvent(new Changed(Topic.SERVICE_LISTING, listing.getId()));
            return detail(listing, caller, accounts.get(listing.getProviderAccountId()).accountId());
        });
    }

    /** The services the caller's teams provide, in every state, by name. */
    @Transactional(readOnly = true)
    public List<OwnedService> owned(int offset, int limit) {
        return listings.findByOwnerTeamIdInOrderByNameAscIdAsc(access.caller().teamIdsForQuery(),
                        new OffsetPage(offset, limit, org.springframework.data.domain.Sort.unsorted()))
                .stream().map(l -> new OwnedService(l.getId(), l.getName(), l.getOwnerTeamName(), l.getRegion(),
                        l.getState(), l.getAwsServiceName(), l.getUpdatedAt(),
                        PrivateDnsWarning.of(l.getPrivateDnsName(), l.getPrivateDnsState(), l.getPrivateDnsLostAt())))
                .toList();
    }

    @Transactional(readOnly = true)
    public long countOwned() {
        return listings.countByOwnerTeamIdIn(access.caller().teamIdsForQuery());
    }

    /**
     * Checks that the caller may retire the service now: its owners (and admins, who alone may
     * force it), and not while it is being published, already retired, or (unforced) being retired.
     */
    @Transactional(readOnly = true)
    public ManagedListing checkRetirable(UUID id, boolean force) {
        ManagedListing managed = directory.requireManaged(id, "retire");
        ListingRef l = managed.listing();
        if (force && !managed.caller().admin()) {
            throw new ForbiddenException("Only platform admins force a retirement");
        }
        if (l.state() == ListingState.RETIRED) {
            throw new ConflictException("Service " + l.name() + " is already retired");
        }
        if (l.state() == ListingState.PUBLISHING) {
            throw new ConflictException("Service " + l.name() + " is being published; retire it afterwards");
        }
        if (l.state() == ListingState.RETIRING && !force) {
            throw new ConflictException("Service " + l.name() + " is already being retired");
        }
        return managed;
    }

    /**
     * Moves the service to RETIRING and asks the RetireService job to delete its endpoint service
     * once nothing is connected (forced: after rejecting what still is). Runs in the caller's
     * transaction, with whatever else the retirement changes.
     *
     * @param connected the endpoints still connected, in words, for the audit log; {@code null} if none
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void startRetirement(UUID id, boolean force, String connected) {
        ServiceListing l = listings.findById(id).orElseThrow();
        String before = l.getState().name();
        l.setState(ListingState.RETIRING, clock.instant());
        listings.flush();
        jobs.schedule(force ? CatalogJobs.FORCE_RETIRE_SERVICE : CatalogJobs.RETIRE_SERVICE, l.getId());
        audit.record(ListingAudit.entry(force ? "SERVICE_RETIRE_FORCED" : "SERVICE_RETIRING", l).change(before, "RETIRING")
                .because(connected == null ? null : "connected: " + connected));
        events.publishEvent(new Changed(Topic.SERVICE_LISTING, l.getId()));
    }

    private void checkLoadBalancers(AwsTarget provider, List<String> arns, Set<IpAddressType> ipTypes) {
        if (ipTypes.contains(IpAddressType.DUALSTACK)) {
            throw InvalidInputException.of("supportedIpAddressTypes", "A service supports IPV4, IPV6 or both; "
                    + "dual-stack is what a consumer's endpoint chooses when the service supports both");
        }
        List<NetworkLoadBalancer> found;
        try {
            found = gateway.describeLoadBalancers(provider, arns);
        } catch (AwsGatewayException e) {
            throw new InvalidInputException(List.of(new FieldError("loadBalancerArns",
                    "AWS could not find these load balancers in " + provider.accountId() + "/" + provider.region()
                            + ": " + (e.awsMessage() == null ? e.getMessage() : e.awsMessage()))));
        }
        Map<String, NetworkLoadBalancer> byArn = found.stream()
                .collect(Collectors.toMap(NetworkLoadBalancer::arn, Function.identity(), (a, b) -> a));
        List<FieldError> errors = new ArrayList<>();
        for (String arn : arns) {
            NetworkLoadBalancer nlb = byArn.get(arn);
            if (nlb == null) {
                errors.add(new FieldError("loadBalancerArns", "No load balancer " + arn + " in account "
                        + provider.accountId() + " (" + provider.region() + ")"));
            } else if (!nlb.isNetwork()) {
                errors.add(new FieldError("loadBalancerArns", nlb.name() + " is a " + nlb.type()
                        + " load balancer; PrivateLink needs a network load balancer"));
            } else if (ipTypes.contains(IpAddressType.IPV6) && !nlb.dualStack()) {
                errors.add(new FieldError("supportedIpAddressTypes", "IPv6 needs dual-stack load balancers: "
                        + nlb.name() + " has IP address type " + nlb.ipAddressType()
                        + "; make it dualstack in AWS or offer IPv4 only"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** An account of one of the caller's teams (any account for admins). */
    private AccountRef ownAccount(String accountId) {
        Caller caller = access.caller();
        return accounts.byAccountId(accountId)
                .filter(a -> caller.admin() || caller.isMemberOf(a.teamId()))
                .orElseThrow(() -> InvalidInputException.of("accountId",
                        "Account " + accountId + " is not registered for any of your teams"));
    }

    /** The ids of the named teams, for {@code SELECTED_TEAMS} visibility; none for all teams. */
    Set<UUID> visibleTeams(Visibility visibility, Set<String> names) {
        if (visibility != Visibility.SELECTED_TEAMS) {
            return Set.of();
        }
        if (names == null || names.isEmpty()) {
            throw InvalidInputException.of("visibleTeams", CHOOSE_TEAMS);
        }
        Set<UUID> ids = new HashSet<>();
        for (String name : names) {
            ids.add(teams.idByName(name).orElseThrow(() -> InvalidInputException.of("visibleTeams",
                    "No team named " + name)));
        }
        return ids;
    }

    private ServiceDetail detail(ServiceListing l, Caller caller, String providerAccountId) {
        boolean owner = caller.admin() || l.isOwnedByAnyOf(caller.teamIds());
        return new ServiceDetail(l.getId(), l.getName(), l.getSummary(), l.getDescription(), Set.copyOf(l.getTags()),
                l.getDocumentationUrl(), l.getSupportContact(), l.getPorts(), l.getOwnerTeamName(),
                l.getOwnerTeamId(), providerAccountId, l.getRegion(), Set.copyOf(l.getSupportedRegions()),
                List.copyOf(l.getLoadBalancerArns()), l.isAcceptanceRequired(), l.getApprovalPolicy(),
                l.getVisibility(), l.getPrivateDnsName(), l.getPrivateDnsState(),
                owner ? l.getPrivateDnsTxtName() : null, owner ? l.getPrivateDnsTxtValue() : null, l.getState(),
                l.getAwsServiceId(), l.getAwsServiceName(), Set.copyOf(l.getAvailabilityZoneIds()),
                owner ? l.getFailureReason() : null, consumers.count(l.getId()), owner,
                l.getState() == ListingState.AVAILABLE && !caller.teamIds().isEmpty(), l.getCreatedAt(),
                l.getUpdatedAt(), l.getVersion(), l.getPrincipalMode(), l.getAwsTags(), l.getSupportedIpAddressTypes(),
                PrivateDnsWarning.of(l.getPrivateDnsName(), l.getPrivateDnsState(), l.getPrivateDnsLostAt()));
    }


    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
