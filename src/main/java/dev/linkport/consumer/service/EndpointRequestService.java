package dev.linkport.consumer.service;

import dev.linkport.aws.AwsGatewayException;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.DnsRecordIpType;
import dev.linkport.aws.IpAddressType;
import dev.linkport.aws.AwsUnavailableException;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.aws.SecurityGroup;
import dev.linkport.aws.Subnet;
import dev.linkport.aws.Vpc;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.PrincipalMode;
import dev.linkport.catalog.service.ListingDirectory;
import dev.linkport.catalog.service.ListingRef;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.domain.EndpointLifecycle;
import dev.linkport.consumer.domain.EndpointRequest;
import dev.linkport.consumer.domain.EndpointRequestRepository;
import dev.linkport.consumer.domain.EndpointRequestRowRepository.Criteria;
import dev.linkport.consumer.jobs.ConsumerJobs;
import dev.linkport.identity.service.AccessPolicy;
import dev.linkport.identity.service.AccountDirectory;
import dev.linkport.identity.service.AccountRef;
import dev.linkport.identity.service.Caller;
import dev.linkport.platform.AwsIds;
import dev.linkport.platform.ConflictException;
import dev.linkport.platform.FieldError;
import dev.linkport.platform.ForbiddenException;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.NotFoundException;
import dev.linkport.platform.Validation;
import dev.linkport.platform.events.ChangeScope;
import dev.linkport.worker.Jobs;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Consumers' endpoint requests: submit (checked against what the consumer's account holds in
 * AWS), read, delete, and — for admins — retry after a failure.
 */
@Service
public class EndpointRequestService {

    /**
     * What the service offers and where the endpoint goes, read before checking the consumer's choice in AWS.
     *
     * @param provider the provider's account in the consumer's region, for a cross-region request; else null
     */
    private record Placement(AwsTarget consumer, ListingRef listing, AwsTarget provider) {
    }

    private final EndpointRequestRepository requests;
    private final ListingDirectory listings;
    private final AccountDirectory accounts;
    private final AccessPolicy access;
    private final Validation validation;
    private final PrivateLinkGateway gateway;
    private final EndpointLifecycle lifecycle;
    private final RequestDetailsFactory details;
    private final RequestRows rows;
    private final Jobs jobs;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final OfferedZones offeredZones;

    public EndpointRequestService(EndpointRequestRepository requests, ListingDirectory listings,
                                  AccountDirectory accounts, AccessPolicy access, Validation validation,
                                  PrivateLinkGateway gateway, EndpointLifecycle lifecycle,
                                  RequestDetailsFactory details, RequestRows rows, Jobs jobs, TransactionTemplate tx,
                                  Clock clock, OfferedZones offeredZones) {
        this.offeredZones = offeredZones;
        this.rows = rows;
        this.requests = requests;
        this.listings = listings;
        this.accounts = accounts;
        this.access = access;
        this.validation = validation;
        this.gateway = gateway;
        this.lifecycle = lifecycle;
        this.details = details;
        this.jobs = jobs;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Submits a request. The service must be one the team owning the account may request (it sees
     * it in the catalog); the VPC, subnets and security groups must exist in that account in AWS,
     * every subnet must be in a zone (by zone ID) the service covers, at most one per zone
     * ({@link SubnetsPerZone}); from another region, in a zone AWS offers the service in there
     * ({@link #zonesFor}). The VPC must not have a request for the service already that is open or has an
     * endpoint ({@link DuplicateRequestException}). With the {@code AUTO}
     * policy it is approved at once and provisioning starts.
     */
    public EndpointRequestDetails submit(SubmitEndpointRequest command) {
        validation.check(command);
        Placement placement = tx.execute(status -> placement(command));
        checkInAws(command, placement);
        try {
            return submitChecked(command);
        } catch (DataIntegrityViolationException e) {
            // another submission for the same service and VPC won the race (unique index endpoint_request_one_per_vpc_uq)
            tx.executeWithoutResult(status -> refuseDuplicate(command, accounts.byAccountId(command.accountId())
                    .orElseThrow(), placement.listing()));
            throw e;
        }
    }

    /**
     * The zones, by zone ID, in which an endpoint to the service may go from the account's region: in the
     * service's own region those of its load balancers; from another region the consumer-region zones AWS offers
     * the service in (asked in AWS: call it off the UI thread). Members of the account's team, for a service the
     * team may request.
     *
     * @throws InvalidInputException for an account, service or region the request could not use
     */
    public ZoneOffer zonesFor(UUID serviceId, String accountId, String region) {
        if (region == null || !region.matches(AwsIds.REGION)) {
            throw InvalidInputException.of("region", AwsIds.REGION_MESSAGE);
        }
        if (accountId == null || !accountId.matches(AwsIds.ACCOUNT_ID)) {
            throw InvalidInputException.of("accountId", AwsIds.ACCOUNT_ID_MESSAGE);
        }
        Placement placement = tx.execute(status -> {
            Caller caller = access.caller();
            AccountRef account = ownAccount(accountId, caller);
            ListingRef listing = requestable(serviceId, account);
            if (!listing.reachableFrom(region)) {
                throw InvalidInputException.of("region", unreachable(listing));
            }
            return placementIn(account, listing, region, caller);
        });
        try {
            return offeredZones.lookup(placement.listing(), placement.consumer(), placement.provider());
        } catch (AwsGatewayException e) {
            throw new AwsUnavailableException(e);
        }
    }

    private EndpointRequestDetails submitChecked(SubmitEndpointRequest command) {
        return tx.execute(status -> {
            Caller caller = access.caller();
            // checked again: visibility or the account may have changed while AWS was asked
            AccountRef account = ownAccount(command.accountId(), caller);
            ListingRef listing = requestable(command.serviceId(), account);
            principalErrors(command, account, listing).ifPresent(e -> {
                throw new InvalidInputException(List.of(e));
            });
            refuseDuplicate(command, account, listing);
            EndpointRequest submitted = new EndpointRequest(listing.id(), account.id(),
                    account.teamId(), caller.userId(), command.region(), command.vpcId(),
                    new LinkedHashSet<>(command.subnetIds()), new LinkedHashSet<>(command.securityGroupIds()),
                    command.privateDnsEnabled(), command.justification().trim(), clock.instant());
            submitted.namePrincipalRole(command.principalRoleArn());
            submitted.ipTypes(command.ipAddressType(), command.dnsRecordIpType());
            submitted.expectTraffic(command.expectedGbPerMonth());
            EndpointRequest request = lifecycle.submit(submitted);
            if (listing.approvalPolicy() == ApprovalPolicy.AUTO) {
                request.decided(null, "approval policy AUTO", clock.instant());
                lifecycle.move(request, EndpointState.APPROVED, "Approved at once: the service's approval policy is AUTO");
                jobs.schedule(ConsumerJobs.CREATE_ENDPOINTS, request.getConsumerAccountId());
            }
            return details.details(request, caller);
        });
    }

    /** One request, if the caller may see it: its consumer team, the provider team, admins. */
    public EndpointRequestDetails detail(UUID id) {
        return tx.execute(status -> {
            Caller caller = access.caller();
            return details.details(visible(id, caller), caller);
        });
    }

    /** Requests into the accounts of the caller's teams (every team's for admins), newest first. */
    public List<EndpointRequestRow> mine(int offset, int limit) {
        return mine(MyEndpointsFilter.NONE, offset, limit);
    }

    /**
     * The caller's teams' requests (every team's for admins) that meet the filter, newest first: rows
     * without timelines, one query for the page and one per other module for the names.
     *
     * @throws InvalidInputException for a filter value that cannot be used (field by field)
     */
    public List<EndpointRequestRow> mine(MyEndpointsFilter filter, int offset, int limit) {
        return tx.execute(status -> {
            Caller caller = access.caller();
            return rows.find(rows.mine(myScope(caller), filter), offset, limit);
        });
    }

    public long countMine() {
        return countMine(MyEndpointsFilter.NONE);
    }

    /** How many of the caller's teams' requests meet the filter. */
    public long countMine(MyEndpointsFilter filter) {
        return tx.execute(status -> rows.count(rows.mine(myScope(access.caller()), filter)));
    }

    /** The services and accounts of the caller's teams' requests, for My endpoints' filters. */
    public RequestFilterChoices myFilterChoices() {
        return tx.execute(status -> rows.choices(myScope(access.caller())));
    }

    /** The teams whose requests' changes My endpoints shows the caller: theirs (everyone's for admins). */
    public ChangeScope myChangeScope() {
        return tx.execute(status -> {
            Caller caller = access.caller();
            return caller.admin() ? ChangeScope.all() : ChangeScope.of(caller.teamIds());
        });
    }

    private static Criteria myScope(Caller caller) {
        return Criteria.ofConsumerTeams(caller.admin() ? null : caller.teamIdsForQuery());
    }

    /**
     * Deletes the endpoint (or cancels a request that has none yet). Members of the consumer team
     * and admins.
     */
    public EndpointRequestDetails delete(UUID id) {
        return tx.execute(status -> {
            Caller caller = access.caller();
            EndpointRequest request = visible(id, caller);
            if (!caller.admin() && !caller.isMemberOf(request.getConsumerTeamId())) {
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
                jobs.schedule(ConsumerJobs.DELETE_ENDPOINT, request.getId());
            }
            return details.details(request, caller);
        });
    }

    /** Provisions a failed request again (platform admins), after its cause was fixed. */
    public EndpointRequestDetails retry(UUID id) {
        return tx.execute(status -> {
            Caller caller = access.caller();
            EndpointRequest request = visible(id, caller);
            if (!caller.admin()) {
                throw new ForbiddenException("Only platform admins retry a failed request");
            }
            if (request.getState() != EndpointState.FAILED) {
                throw new ConflictException("Only a failed request can be retried; this one is " + request.getState());
            }
            requests.findFirstByListingIdAndConsumerAccountIdAndRegionAndVpcIdAndStateNotInOrderByCreatedAt(
                    request.getListingId(), request.getConsumerAccountId(), request.getRegion(), request.getVpcId(),
                    EndpointState.FREES_VPC).ifPresent(other -> {
                        throw new ConflictException(request.getVpcId() + " has request " + other.getId() + " ("
                                + other.getState() + ") for the same service since this one failed; retry that one "
                                + "or delete it first");
                    });
            lifecycle.move(request, EndpointState.APPROVED, "Retried by " + caller.username());
            jobs.schedule(ConsumerJobs.CREATE_ENDPOINTS, request.getConsumerAccountId());
            return details.details(request, caller);
        });
    }

    private Placement placement(SubmitEndpointRequest command) {
        Caller caller = access.caller();
        AccountRef account = ownAccount(command.accountId(), caller);
        ListingRef listing = requestable(command.serviceId(), account);
        List<FieldError> errors = new ArrayList<>();
        if (!account.regions().contains(command.region())) {
            errors.add(new FieldError("region", "Account " + account.accountId() + " is registered for "
                    + String.join(", ", new TreeSet<>(account.regions())) + " only"));
        }
        if (!listing.reachableFrom(command.region())) {
            errors.add(new FieldError("region", unreachable(listing)));
        }
        principalErrors(command, account, listing).ifPresent(errors::add);
        ipTypeErrors(command, listing, errors);
        if (command.privateDnsEnabled() && !listing.privateDnsVerified()) {
            errors.add(new FieldError("privateDnsEnabled",
                    "Private DNS is available only once the provider's DNS name is verified"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return placementIn(account, listing, command.region(), caller);
    }

    private static String unreachable(ListingRef listing) {
        return listing.name() + " can be reached from " + listing.region()
                + (listing.supportedRegions().isEmpty() ? ""
                : ", " + String.join(", ", new TreeSet<>(listing.supportedRegions())))
                + " only";
    }

    /** Where the endpoint goes; for a cross-region request also the provider's account, asked for the zones. */
    private Placement placementIn(AccountRef account, ListingRef listing, String region, Caller caller) {
        AwsTarget provider = listing.region().equals(region) ? null
                : accounts.get(listing.providerAccountId()).target(region, caller.username());
        return new Placement(account.target(region, caller.username()), listing, provider);
    }

    /**
     * Refuses a second request for the service into the same VPC (account and region) while an earlier one is open
     * or has its endpoint ({@link EndpointState#FREES_VPC}).
     */
    private void refuseDuplicate(SubmitEndpointRequest command, AccountRef account, ListingRef listing) {
        requests.findFirstByListingIdAndConsumerAccountIdAndRegionAndVpcIdAndStateNotInOrderByCreatedAt(listing.id(),
                account.id(), command.region(), command.vpcId(), EndpointState.FREES_VPC).ifPresent(existing -> {
                    throw new DuplicateRequestException(listing.name(), command.vpcId(), existing.getId(),
                            existing.getState());
                });
    }

    /**
     * The IP address type must be one the service accepts (dual-stack: both IPv4 and IPv6), and the DNS record
     * type one that AWS allows for it ({@link DnsRecordIpType#fits}).
     */
    private static void ipTypeErrors(SubmitEndpointRequest command, ListingRef listing, List<FieldError> errors) {
        IpAddressType type = command.ipAddressType();
        if (!listing.supportedIpAddressTypes().containsAll(type.serviceTypesNeeded())) {
            errors.add(new FieldError("ipAddressType", listing.name() + " accepts "
                    + listing.supportedIpAddressTypes().stream().map(IpAddressType::awsValue).sorted()
                            .collect(Collectors.joining(" and ")) + " only; "
                    + (type == IpAddressType.DUALSTACK ? "dual-stack needs a service that accepts ipv4 and ipv6"
                            : "choose " + (listing.supportedIpAddressTypes().contains(IpAddressType.IPV4)
                                    ? "ipv4" : "ipv6"))));
        }
        DnsRecordIpType records = command.dnsRecordIpType();
        if (records != null && !records.fits(type)) {
            errors.add(new FieldError("dnsRecordIpType", "DNS records " + records.awsValue() + " need "
                    + (records == DnsRecordIpType.IPV4 ? "an ipv4 or dualstack endpoint"
                            : records == DnsRecordIpType.IPV6 ? "an ipv6 or dualstack endpoint"
                            : "a dualstack endpoint") + "; this one is " + type.awsValue()));
        }
    }

    /**
     * What is wrong with the role the consumer named: only a service that allows roles takes one, and it must be a
     * role of the requesting account, in the partition of the region.
     */
    private static Optional<FieldError> principalErrors(SubmitEndpointRequest command, AccountRef account,
                                                        ListingRef listing) {
        String role = command.principalRoleArn();
        if (role == null) {
            return Optional.empty();
        }
        if (listing.principalMode() != PrincipalMode.ROLE) {
            return Optional.of(new FieldError("principalRoleArn", listing.name() + " allows your whole account "
                    + "when a request is approved; leave the role empty"));
        }
        if (!account.accountId().equals(AwsIds.accountOfRoleArn(role))) {
            return Optional.of(new FieldError("principalRoleArn", "Name a role of account " + account.accountId()
                    + ", the account the endpoint goes into"));
        }
        String partition = AwsIds.partitionOf(command.region());
        if (!partition.equals(AwsIds.partitionOfArn(role))) {
            return Optional.of(new FieldError("principalRoleArn", command.region() + " is in the " + partition
                    + " partition: the role's ARN starts with arn:" + partition + ":iam::"));
        }
        return Optional.empty();
    }

    /** An account of one of the caller's teams: endpoints go only into your own team's accounts. */
    private AccountRef ownAccount(String accountId, Caller caller) {
        return accounts.byAccountId(accountId)
                .filter(a -> caller.isMemberOf(a.teamId()))
                .orElseThrow(() -> InvalidInputException.of("accountId",
                        "Account " + accountId + " is not registered for any of your teams"));
    }

    /** The service, if the team that owns the account may request it. */
    private ListingRef requestable(UUID serviceId, AccountRef account) {
        return listings.requestableBy(serviceId, account.teamId())
                .orElseThrow(() -> InvalidInputException.of("serviceId", "No available service with that id that "
                        + account.teamName() + " (the team of account " + account.accountId() + ") may see"));
    }

    private void checkInAws(SubmitEndpointRequest command, Placement placement) {
        List<Vpc> vpcs;
        List<Subnet> subnets;
        List<SecurityGroup> groups;
        ZoneOffer zones;
        try {
            zones = offeredZones.lookup(placement.listing(), placement.consumer(), placement.provider());
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
            } else if (!zones.covers(subnet.availabilityZoneId())) {
                errors.add(new FieldError("subnetIds", subnetId + " is in " + subnet.availabilityZone() + " ("
                        + subnet.availabilityZoneId() + "), a zone the service does not cover"
                        + (zones.crossRegion() ? " from " + zones.region() : "") + "; it covers "
                        + zones.listed()));
            }
        }
        List<Subnet> chosen = command.subnetIds().stream().distinct().map(byId::get).filter(Objects::nonNull).toList();
        for (Subnet subnet : chosen) {
            if (!subnet.fits(command.ipAddressType())) {
                errors.add(new FieldError("subnetIds", subnetMismatch(subnet, command.ipAddressType())));
            }
        }
        SubnetsPerZone.conflicts(chosen).forEach(message -> errors.add(new FieldError("subnetIds", message)));
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

    /** Why AWS would refuse an endpoint network interface of this type in the subnet, in the consumer's words. */
    static String subnetMismatch(Subnet subnet, IpAddressType type) {
        String name = subnet.subnetId() + (subnet.name() == null ? "" : " (" + subnet.name() + ")");
        return switch (type) {
            case IPV4 -> name + " has no IPv4 range; an ipv4 endpoint needs subnets with one";
            case IPV6 -> name + (subnet.hasIpv6() ? " also has an IPv4 range; an ipv6 endpoint needs IPv6-only subnets"
                    + " (choose dualstack instead)" : " has no IPv6 range; an ipv6 endpoint needs IPv6-only subnets");
            case DUALSTACK -> name + (subnet.hasIpv6() ? " has no IPv4 range" : " has no IPv6 range")
                    + "; a dualstack endpoint needs subnets with both an IPv4 and an IPv6 range";
        };
    }

    /** The request, if the caller may see it: admins, the consumer team, the team that owns the service. */
    EndpointRequest visible(UUID id, Caller caller) {
        return requests.findById(id)
                .filter(r -> caller.admin() || caller.isMemberOf(r.getConsumerTeamId())
                        || caller.isMemberOf(listings.get(r.getListingId()).ownerTeamId()))
                .orElseThrow(() -> new NotFoundException("No such endpoint request, or you may not see it"));
    }
}
