package dev.linkport.consumer.service;

import dev.linkport.aws.AwsGatewayException;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.aws.SecurityGroup;
import dev.linkport.aws.Subnet;
import dev.linkport.aws.Vpc;
import dev.linkport.catalog.domain.ApprovalPolicy;
import dev.linkport.catalog.domain.ListingState;
import dev.linkport.catalog.domain.ServiceListing;
import dev.linkport.catalog.domain.ServiceListingRepository;
import dev.linkport.catalog.domain.Visibility;
import dev.linkport.consumer.domain.EndpointDnsName;
import dev.linkport.consumer.domain.EndpointRequest;
import dev.linkport.consumer.domain.EndpointRequestRepository;
import dev.linkport.consumer.domain.EndpointState;
import dev.linkport.consumer.domain.EndpointTransitionRepository;
import dev.linkport.consumer.service.EndpointRequestView.TimelineEntry;
import dev.linkport.identity.domain.AppUserRepository;
import dev.linkport.identity.domain.AwsAccount;
import dev.linkport.identity.domain.AwsAccountRepository;
import dev.linkport.identity.service.AccessPolicy;
import dev.linkport.identity.service.AwsTargets;
import dev.linkport.identity.service.AwsUnavailableException;
import dev.linkport.identity.service.Caller;
import dev.linkport.platform.ConflictException;
import dev.linkport.platform.FieldError;
import dev.linkport.platform.ForbiddenException;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.NotFoundException;
import dev.linkport.platform.OffsetPage;
import dev.linkport.platform.Validation;
import dev.linkport.platform.jobs.JobKind;
import dev.linkport.platform.jobs.Jobs;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Consumers' endpoint requests: submit (checked against what the consumer's account holds in
 * AWS), read, delete, and — for admins — retry after a failure.
 */
@Service
public class EndpointRequestService {

    /** Placement the provider's service supports, read before checking the consumer's choice. */
    private record Placement(AwsTarget consumer, Set<String> zoneIds, String region, boolean privateDnsVerified) {
    }

    private final EndpointRequestRepository requests;
    private final EndpointTransitionRepository transitions;
    private final ServiceListingRepository listings;
    private final AwsAccountRepository accounts;
    private final AppUserRepository users;
    private final AccessPolicy access;
    private final Validation validation;
    private final PrivateLinkGateway gateway;
    private final EndpointLifecycle lifecycle;
    private final Jobs jobs;
    private final TransactionTemplate tx;
    private final Clock clock;

    public EndpointRequestService(EndpointRequestRepository requests, EndpointTransitionRepository transitions,
                                  ServiceListingRepository listings, AwsAccountRepository accounts,
                                  AppUserRepository users, AccessPolicy access, Validation validation,
                                  PrivateLinkGateway gateway, EndpointLifecycle lifecycle, Jobs jobs,
                                  TransactionTemplate tx, Clock clock) {
        this.requests = requests;
        this.transitions = transitions;
        this.listings = listings;
        this.accounts = accounts;
        this.users = users;
        this.access = access;
        this.validation = validation;
        this.gateway = gateway;
        this.lifecycle = lifecycle;
        this.jobs = jobs;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Submits a request. Checks, against the consumer's account in AWS, that the VPC, subnets and
     * security groups exist and that every subnet is in a zone (by zone ID) the service covers.
     * With the {@code AUTO} policy it is approved at once and provisioning starts.
     */
    public EndpointRequestView submit(SubmitEndpointRequest command) {
        validation.check(command);
        Placement placement = tx.execute(status -> placement(command));
        checkInAws(command, placement);
        return tx.execute(status -> {
            Caller caller = access.caller();
            ServiceListing listing = listings.findById(command.serviceId()).orElseThrow();
            AwsAccount account = accounts.findByAccountId(command.accountId()).orElseThrow();
            EndpointRequest request = new EndpointRequest(listing, account, users.getReferenceById(caller.userId()),
                    command.region(), command.vpcId(), new LinkedHashSet<>(command.subnetIds()),
                    new LinkedHashSet<>(command.securityGroupIds()), command.privateDnsEnabled(),
                    command.justification().trim(), clock.instant());
            requests.saveAndFlush(request);
            transitions.save(new dev.linkport.consumer.domain.EndpointTransition(request.getId(), null,
                    EndpointState.SUBMITTED, caller.userId(), caller.username(), command.justification().trim(),
                    clock.instant()));
            lifecycle.submitted(request);
            if (listing.getApprovalPolicy() == ApprovalPolicy.AUTO) {
                request.decided(null, "approval policy AUTO", clock.instant());
                lifecycle.move(request, EndpointState.APPROVED, "Approved at once: the service's approval policy is AUTO");
                jobs.schedule(JobKind.PROVISION_ENDPOINT, request.getId());
            }
            return view(request, caller);
        });
    }

    /** One request, if the caller may see it: its consumer team, the provider team, admins. */
    public EndpointRequestView detail(UUID id) {
        return tx.execute(status -> {
            Caller caller = access.caller();
            return view(visible(id, caller), caller);
        });
    }

    /** Requests into the accounts of the caller's teams (every team's for admins), newest first. */
    public List<EndpointRequestView> mine(int offset, int limit) {
        return tx.execute(status -> {
            Caller caller = access.caller();
            return requests.findByConsumerTeams(caller.teamIdsForQuery(), caller.admin(),
                            new OffsetPage(offset, limit, Sort.unsorted()))
                    .stream().map(r -> view(r, caller)).toList();
        });
    }

    public long countMine() {
        return tx.execute(status -> {
            Caller caller = access.caller();
            return requests.countByConsumerTeams(caller.teamIdsForQuery(), caller.admin());
        });
    }

    /**
     * Deletes the endpoint (or cancels a request that has none yet). Members of the consumer team
     * and admins.
     */
    public EndpointRequestView delete(UUID id) {
        return tx.execute(status -> {
            Caller caller = access.caller();
            EndpointRequest request = visible(id, caller);
            if (!caller.admin() && !caller.isMemberOf(request.getConsumerAccount().getTeam().getId())) {
                throw new ForbiddenException("Only the requesting team and platform admins delete an endpoint");
            }
            EndpointState state = request.getState();
            if (state == EndpointState.DELETING || state.terminal()) {
                throw new ConflictException("This request is already " + state);
            }
            if (request.getVpcEndpointId() == null && (state == EndpointState.SUBMITTED || state == EndpointState.FAILED
                    || state == EndpointState.APPROVED)) {
                lifecycle.move(request, EndpointState.CANCELLED, "Cancelled by " + caller.username());
            } else {
                lifecycle.move(request, EndpointState.DELETING, "Deletion requested by " + caller.username());
                jobs.schedule(JobKind.DELETE_ENDPOINT, request.getId());
            }
            return view(request, caller);
        });
    }

    /** Provisions a failed request again (platform admins), after its cause was fixed. */
    public EndpointRequestView retry(UUID id) {
        return tx.execute(status -> {
            Caller caller = access.caller();
            EndpointRequest request = visible(id, caller);
            if (!caller.admin()) {
                throw new ForbiddenException("Only platform admins retry a failed request");
            }
            if (request.getState() != EndpointState.FAILED) {
                throw new ConflictException("Only a failed request can be retried; this one is " + request.getState());
            }
            lifecycle.move(request, EndpointState.APPROVED, "Retried by " + caller.username());
            jobs.schedule(JobKind.PROVISION_ENDPOINT, request.getId());
            return view(request, caller);
        });
    }

    private Placement placement(SubmitEndpointRequest command) {
        Caller caller = access.caller();
        ServiceListing listing = listings.findById(command.serviceId())
                .filter(l -> l.getState() == ListingState.AVAILABLE)
                .filter(l -> caller.admin() || caller.isMemberOf(l.getOwnerTeam().getId())
                        || l.getVisibility() == Visibility.ALL_TEAMS
                        || l.getVisibleTeamIds().stream().anyMatch(caller::isMemberOf))
                .orElseThrow(() -> InvalidInputException.of("serviceId", "No available service with that id that you may see"));
        AwsAccount account = accounts.findByAccountId(command.accountId())
                .filter(a -> caller.isMemberOf(a.getTeam().getId()))
                .orElseThrow(() -> InvalidInputException.of("accountId",
                        "Account " + command.accountId() + " is not registered for any of your teams"));
        List<FieldError> errors = new ArrayList<>();
        if (!account.getRegions().contains(command.region())) {
            errors.add(new FieldError("region", "Account " + account.getAccountId() + " is registered for "
                    + String.join(", ", account.getRegions()) + " only"));
        }
        if (!command.region().equals(listing.getRegion()) && !listing.getSupportedRegions().contains(command.region())) {
            errors.add(new FieldError("region", listing.getName() + " can be reached from " + listing.getRegion()
                    + (listing.getSupportedRegions().isEmpty() ? "" : ", " + String.join(", ", listing.getSupportedRegions()))
                    + " only"));
        }
        boolean verified = "verified".equalsIgnoreCase(listing.getPrivateDnsState());
        if (command.privateDnsEnabled() && !verified) {
            errors.add(new FieldError("privateDnsEnabled",
                    "Private DNS is available only once the provider's DNS name is verified"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Placement(AwsTargets.of(account, command.region(), caller.username()),
                Set.copyOf(listing.getAvailabilityZoneIds()), listing.getRegion(), verified);
    }

    private void checkInAws(SubmitEndpointRequest command, Placement placement) {
        List<Vpc> vpcs;
        List<Subnet> subnets;
        List<SecurityGroup> groups;
        try {
            vpcs = gateway.describeVpcs(placement.consumer());
            subnets = gateway.describeSubnets(placement.consumer(), command.vpcId());
            groups = command.securityGroupIds().isEmpty() ? List.of()
                    : gateway.describeSecurityGroups(placement.consumer(), command.vpcId());
        } catch (AwsGatewayException e) {
            throw new AwsUnavailableException(e);
        }
        List<FieldError> errors = new ArrayList<>();
        if (vpcs.stream().noneMatch(v -> v.vpcId().equals(command.vpcId()))) {
            errors.add(new FieldError("vpcId", "No VPC " + command.vpcId() + " in account " + command.accountId()
                    + " (" + command.region() + ")"));
        }
        Map<String, Subnet> byId = subnets.stream().collect(Collectors.toMap(Subnet::subnetId, Function.identity()));
        for (String subnetId : command.subnetIds()) {
            Subnet subnet = byId.get(subnetId);
            if (subnet == null) {
                errors.add(new FieldError("subnetIds", "No subnet " + subnetId + " in " + command.vpcId()));
            } else if (!placement.zoneIds().isEmpty() && !placement.zoneIds().contains(subnet.availabilityZoneId())) {
                errors.add(new FieldError("subnetIds", subnetId + " is in " + subnet.availabilityZone() + " ("
                        + subnet.availabilityZoneId() + "), a zone the service does not cover; it covers "
                        + String.join(", ", placement.zoneIds().stream().sorted().toList())));
            }
        }
        Set<String> groupIds = groups.stream().map(SecurityGroup::groupId).collect(Collectors.toSet());
        for (String groupId : command.securityGroupIds()) {
            if (!groupIds.contains(groupId)) {
                errors.add(new FieldError("securityGroupIds", "No security group " + groupId + " in " + command.vpcId()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    EndpointRequest visible(UUID id, Caller caller) {
        return requests.findById(id)
                .filter(r -> caller.admin() || caller.isMemberOf(r.getConsumerAccount().getTeam().getId())
                        || caller.isMemberOf(r.getListing().getOwnerTeam().getId()))
                .orElseThrow(() -> new NotFoundException("No such endpoint request, or you may not see it"));
    }

    /** The view of a request for the caller; used by the approval dashboard too. */
    public EndpointRequestView view(EndpointRequest r, Caller caller) {
        List<EndpointDnsName> names = r.getDnsNames();
        boolean consumer = caller.admin() || caller.isMemberOf(r.getConsumerAccount().getTeam().getId());
        List<TimelineEntry> timeline = transitions.findByRequestIdOrderByOccurredAtAscIdAsc(r.getId()).stream()
                .map(t -> new TimelineEntry(t.getOccurredAt(), t.getFromState() == null ? null : t.getFromState().name(),
                        t.getToState().name(), t.getActorName(), t.getReason()))
                .toList();
        return new EndpointRequestView(r.getId(), r.getListing().getId(), r.getListing().getName(),
                r.getListing().getAwsServiceName(), r.getListing().getOwnerTeam().getName(),
                r.getConsumerAccount().getAccountId(), r.getConsumerAccount().getTeam().getName(), r.getRegion(),
                r.getVpcId(), List.copyOf(r.getSubnetIds()), List.copyOf(r.getSecurityGroupIds()),
                r.isPrivateDnsEnabled(), r.getJustification(), r.getRequester().getUsername(), r.getState().name(),
                r.getVpcEndpointId(), names.isEmpty() ? null : names.getFirst().dnsName(),
                names.size() < 2 ? List.of() : names.subList(1, names.size()).stream().map(EndpointDnsName::dnsName).toList(),
                r.getFailureReason(), r.getDecidedBy() == null ? null : r.getDecidedBy().getUsername(),
                r.getDecisionReason(), r.getCreatedAt(), r.getUpdatedAt(), timeline,
                consumer && r.getState() != EndpointState.DELETING && !r.getState().terminal(),
                caller.admin() && r.getState() == EndpointState.FAILED, r.getVersion());
    }
}
