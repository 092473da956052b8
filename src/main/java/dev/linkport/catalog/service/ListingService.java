package dev.linkport.catalog.service;

import dev.linkport.audit.service.AuditEntry;
import dev.linkport.audit.service.AuditLog;
import dev.linkport.aws.AwsGatewayException;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.NetworkLoadBalancer;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.catalog.domain.ListingState;
import dev.linkport.catalog.domain.ServiceListing;
import dev.linkport.catalog.domain.ServiceListingRepository;
import dev.linkport.catalog.domain.Visibility;
import dev.linkport.identity.domain.AwsAccount;
import dev.linkport.identity.domain.AwsAccountRepository;
import dev.linkport.identity.domain.Team;
import dev.linkport.identity.domain.TeamRepository;
import dev.linkport.identity.service.AccessPolicy;
import dev.linkport.identity.service.AwsTargets;
import dev.linkport.identity.service.Caller;
import dev.linkport.platform.ConflictException;
import dev.linkport.platform.FieldError;
import dev.linkport.platform.ForbiddenException;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.NotFoundException;
import dev.linkport.platform.Validation;
import dev.linkport.platform.events.Changed;
import dev.linkport.platform.jobs.JobKind;
import dev.linkport.platform.jobs.Jobs;
import java.time.Clock;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishing services and reading them. {@link #publish} checks the load balancers in AWS first
 * (outside any transaction), then stores the listing in {@code PUBLISHING} together with its
 * PublishService job; the worker creates the endpoint service.
 */
@Service
public class ListingService {

    private final ServiceListingRepository listings;
    private final AwsAccountRepository accounts;
    private final TeamRepository teams;
    private final AccessPolicy access;
    private final Validation validation;
    private final PrivateLinkGateway gateway;
    private final AuditLog audit;
    private final Jobs jobs;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    public ListingService(ServiceListingRepository listings, AwsAccountRepository accounts, TeamRepository teams,
                          AccessPolicy access, Validation validation, PrivateLinkGateway gateway, AuditLog audit,
                          Jobs jobs, ApplicationEventPublisher events, TransactionTemplate tx, Clock clock) {
        this.listings = listings;
        this.accounts = accounts;
        this.teams = teams;
        this.access = access;
        this.validation = validation;
        this.gateway = gateway;
        this.audit = audit;
        this.jobs = jobs;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Publishes a service from one of the caller's team accounts. Refuses load balancers that do
     * not exist in that account and region or are not network load balancers.
     */
    public ServiceDetail publish(PublishServiceCommand command) {
        validation.check(command);
        AwsTarget provider = tx.execute(status -> {
            AwsAccount account = ownAccount(command.accountId());
            if (!account.getRegions().contains(command.region())) {
                throw InvalidInputException.of("region", "Account " + account.getAccountId()
                        + " is registered for " + String.join(", ", account.getRegions()) + " only");
            }
            return AwsTargets.of(account, command.region(), access.caller().username());
        });
        checkLoadBalancers(provider, command.loadBalancerArns());
        return tx.execute(status -> {
            Caller caller = access.caller();
            AwsAccount account = ownAccount(command.accountId());
            Set<UUID> visibleTeamIds = visibleTeams(command);
            ServiceListing listing = new ServiceListing(account.getTeam(), account, command.region(),
                    command.name().trim(), command.summary().trim(), command.approvalPolicy(), clock.instant());
            listing.describe(blankToNull(command.description()), blankToNull(command.documentationUrl()),
                    blankToNull(command.supportContact()), blankToNull(command.ports()), command.tags());
            listing.configure(new LinkedHashSet<>(command.loadBalancerArns()), command.acceptanceRequired(),
                    blankToNull(command.privateDnsName()), command.supportedRegions(), command.visibility(),
                    visibleTeamIds);
            listing.setState(ListingState.PUBLISHING, clock.instant());
            listings.saveAndFlush(listing);
            Team team = account.getTeam();
            if (!team.isProvider()) {
                team.setProvider(true); // publishing makes a team a provider: its members see approvals
            }
            jobs.schedule(JobKind.PUBLISH_SERVICE, listing.getId());
            audit.record(AuditEntry.of("SERVICE_PUBLISHED", "SERVICE", listing.getId(), listing.getName(), team.getId())
                    .change(null, "PUBLISHING in " + account.getAccountId() + "/" + listing.getRegion()
                            + ", policy " + listing.getApprovalPolicy()));
            events.publishEvent(new Changed(Changed.SERVICE_LISTING, listing.getId()));
            return detail(listing, caller);
        });
    }

    /** A service's page, if the caller may see it (available and visible, or owned, or admin). */
    public ServiceDetail detail(UUID id) {
        return tx.execute(status -> {
            Caller caller = access.caller();
            return detail(visible(id, caller), caller);
        });
    }

    /** Publishes a failed service again (its owners and admins). */
    public ServiceDetail retryPublish(UUID id) {
        return tx.execute(status -> {
            Caller caller = access.caller();
            ServiceListing listing = visible(id, caller);
            requireOwner(listing, caller, "Only the service's owners and platform admins retry publishing");
            if (listing.getState() != ListingState.FAILED) {
                throw new ConflictException("Only a failed service can be published again; this one is "
                        + listing.getState());
            }
            listing.retrying(clock.instant());
            listings.flush();
            jobs.schedule(JobKind.PUBLISH_SERVICE, listing.getId());
            audit.record(AuditEntry.of("SERVICE_PUBLISH_RETRIED", "SERVICE", listing.getId(), listing.getName(),
                    listing.getOwnerTeam().getId()).change("FAILED", "PUBLISHING"));
            events.publishEvent(new Changed(Changed.SERVICE_LISTING, listing.getId()));
            return detail(listing, caller);
        });
    }

    private void checkLoadBalancers(AwsTarget provider, List<String> arns) {
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
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private AwsAccount ownAccount(String accountId) {
        Caller caller = access.caller();
        AwsAccount account = accounts.findByAccountId(accountId.trim())
                .filter(a -> caller.admin() || caller.isMemberOf(a.getTeam().getId()))
                .orElseThrow(() -> InvalidInputException.of("accountId",
                        "Account " + accountId + " is not registered for any of your teams"));
        if (!caller.admin() && !caller.isMemberOf(account.getTeam().getId())) {
            throw new ForbiddenException("Only members of " + account.getTeam().getName() + " publish from its accounts");
        }
        return account;
    }

    private Set<UUID> visibleTeams(PublishServiceCommand command) {
        if (command.visibility() != Visibility.SELECTED_TEAMS) {
            return Set.of();
        }
        if (command.visibleTeams().isEmpty()) {
            throw InvalidInputException.of("visibleTeams", "Choose the teams that may see the service");
        }
        Set<UUID> ids = new HashSet<>();
        for (String name : command.visibleTeams()) {
            ids.add(teams.findByName(name.trim())
                    .orElseThrow(() -> InvalidInputException.of("visibleTeams", "No team named " + name)).getId());
        }
        return ids;
    }

    ServiceListing visible(UUID id, Caller caller) {
        return listings.findById(id).filter(l -> mayView(l, caller))
                .orElseThrow(() -> new NotFoundException("No such service, or you may not see it"));
    }

    static boolean mayView(ServiceListing l, Caller caller) {
        if (caller.admin() || caller.isMemberOf(l.getOwnerTeam().getId())) {
            return true;
        }
        if (l.getState() != ListingState.AVAILABLE) {
            return false;
        }
        return l.getVisibility() == Visibility.ALL_TEAMS
                || l.getVisibleTeamIds().stream().anyMatch(caller::isMemberOf);
    }

    private static void requireOwner(ServiceListing listing, Caller caller, String why) {
        if (!caller.admin() && !caller.isMemberOf(listing.getOwnerTeam().getId())) {
            throw new ForbiddenException(why);
        }
    }

    ServiceDetail detail(ServiceListing l, Caller caller) {
        boolean owner = caller.admin() || caller.isMemberOf(l.getOwnerTeam().getId());
        return new ServiceDetail(l.getId(), l.getName(), l.getSummary(), l.getDescription(), Set.copyOf(l.getTags()),
                l.getDocumentationUrl(), l.getSupportContact(), l.getPorts(), l.getOwnerTeam().getName(),
                l.getOwnerTeam().getId(), l.getProviderAccount().getAccountId(), l.getRegion(),
                Set.copyOf(l.getSupportedRegions()), List.copyOf(l.getLoadBalancerArns()), l.isAcceptanceRequired(),
                l.getApprovalPolicy().name(), l.getVisibility().name(), l.getPrivateDnsName(), l.getPrivateDnsState(),
                owner ? l.getPrivateDnsTxtName() : null, owner ? l.getPrivateDnsTxtValue() : null, l.getState().name(),
                l.getAwsServiceId(), l.getAwsServiceName(), Set.copyOf(l.getAvailabilityZoneIds()),
                owner ? l.getFailureReason() : null, listings.countConsumers(l.getId()), owner,
                l.getState() == ListingState.AVAILABLE && !caller.teamIds().isEmpty(), l.getCreatedAt(),
                l.getUpdatedAt(), l.getVersion());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
