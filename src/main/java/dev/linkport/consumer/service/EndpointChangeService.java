package dev.linkport.consumer.service;

import dev.linkport.consumer.ChangeState;
import dev.linkport.aws.AwsGatewayException;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.AwsUnavailableException;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.aws.SecurityGroup;
import dev.linkport.aws.Subnet;
import dev.linkport.catalog.service.ListingDirectory;
import dev.linkport.catalog.service.ListingRef;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.domain.EndpointChange;
import dev.linkport.consumer.domain.EndpointChangeRepository;
import dev.linkport.consumer.domain.EndpointLifecycle;
import dev.linkport.consumer.domain.EndpointRequest;
import dev.linkport.consumer.jobs.ConsumerJobs;
import dev.linkport.identity.service.AccessPolicy;
import dev.linkport.identity.service.AccountDirectory;
import dev.linkport.identity.service.Caller;
import dev.linkport.platform.ConflictException;
import dev.linkport.platform.FieldError;
import dev.linkport.platform.ForbiddenException;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.Validation;
import dev.linkport.worker.Jobs;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes of available endpoints (ModifyVpcEndpoint): their subnets, security groups and private DNS setting.
 * Members of the endpoint's team (and platform admins) change it; the choice is checked against the consumer's
 * account in AWS with the rules of a request; the worker applies it ({@code modify-endpoint}), one change of an
 * endpoint at a time. When the service says changes need approval ({@link ListingRef#changesWaitForApproval()}), a
 * change waits for the people who decide its requests ({@link EndpointChangeDecisions}) before the worker applies it.
 */
@Service
public class EndpointChangeService {

    /** The endpoint, where it is, and the service, read before the choice is checked in AWS. */
    private record Placement(AwsTarget consumer, String vpcId, Set<String> zoneIds) {
    }

    private final EndpointRequestService requests;
    private final EndpointChangeRepository changes;
    private final ListingDirectory listings;
    private final AccountDirectory accounts;
    private final AccessPolicy access;
    private final Validation validation;
    private final PrivateLinkGateway gateway;
    private final EndpointLifecycle lifecycle;
    private final Jobs jobs;
    private final TransactionTemplate tx;
    private final Clock clock;

    EndpointChangeService(EndpointRequestService requests, EndpointChangeRepository changes,
                          ListingDirectory listings, AccountDirectory accounts, AccessPolicy access,
                          Validation validation, PrivateLinkGateway gateway, EndpointLifecycle lifecycle, Jobs jobs,
                          TransactionTemplate tx, Clock clock) {
        this.requests = requests;
        this.changes = changes;
        this.listings = listings;
        this.accounts = accounts;
        this.access = access;
        this.validation = validation;
        this.gateway = gateway;
        this.lifecycle = lifecycle;
        this.jobs = jobs;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Asks for a change of the endpoint: checked (fields, then the subnets and groups in the consumer's account in
     * AWS), put on the request's timeline and in the audit log, and applied by the worker — or, when the service asks
     * for it, kept waiting for approval. Only an AVAILABLE endpoint with no open change can be changed.
     *
     * @throws InvalidInputException field by field, when the change breaks a rule or changes nothing
     * @throws ForbiddenException    when the caller is not a member of the endpoint's team (nor an admin)
     * @throws ConflictException     when the endpoint is not AVAILABLE or a change waits or is being applied
     */
    public EndpointChangeDetails change(UUID requestId, ChangeEndpoint command) {
        validation.check(command);
        Placement placement = tx.execute(status -> placement(requestId, command));
        checkInAws(command, placement);
        return tx.execute(status -> {
            Caller caller = access.caller();
            EndpointRequest request = changeable(requestId, caller); // again: it may have moved meanwhile
            Boolean privateDns = command.privateDnsEnabled() == null
                    || command.privateDnsEnabled() == request.isPrivateDnsEnabled() ? null
                    : command.privateDnsEnabled();
            List<String> subnets = command.subnetIds() == null ? null : distinct(command.subnetIds());
            List<String> groups = command.securityGroupIds() == null ? null : distinct(command.securityGroupIds());
            String summary = summary(request, subnets, groups, privateDns);
            if (summary.isEmpty()) {
                throw InvalidInputException.of("subnetIds", "Nothing to change: the endpoint already has these "
                        + "subnets, security groups and private DNS setting");
            }
            ListingRef listing = listings.get(request.getListingId());
            boolean waits = listing.changesWaitForApproval();
            EndpointChange change = changes.saveAndFlush(new EndpointChange(request.getId(), caller.userId(),
                    caller.username(), subnets, groups, privateDns, summary, clock.instant(), waits));
            lifecycle.note(request, "REQUEST_CHANGE_REQUESTED", null, summary,
                    "Change requested by " + caller.username() + ": " + summary
                            + (waits ? " (waits for approval, like requests for " + listing.name() + ")" : ""));
            if (!waits) {
                jobs.schedule(ConsumerJobs.MODIFY_ENDPOINT, change.getId());
            }
            return EndpointChangeDetails.of(change);
        });
    }

    /** The endpoint's changes, newest first, for those who may see the request. */
    public List<EndpointChangeDetails> changes(UUID requestId) {
        return tx.execute(status -> {
            requests.visible(requestId, access.caller());
            return changes.findByRequestIdOrderByCreatedAtDesc(requestId).stream().map(EndpointChangeDetails::of)
                    .toList();
        });
    }

    /** What the change form needs about the endpoint, for those who may see the request. */
    public ChangeOptions options(UUID requestId) {
        return tx.execute(status -> {
            Caller caller = access.caller();
            EndpointRequest request = requests.visible(requestId, caller);
            ListingRef listing = listings.get(request.getListingId());
            String whyNot = whyNot(request, caller);
            return new ChangeOptions(request.getId(), accounts.get(request.getConsumerAccountId()).accountId(),
                    request.getRegion(), request.getVpcId(), List.copyOf(request.getSubnetIds()),
                    List.copyOf(request.getSecurityGroupIds()), request.isPrivateDnsEnabled(),
                    zonesFor(listing, request.getRegion()), listing.privateDnsVerified(), whyNot == null, whyNot);
        });
    }

    private Placement placement(UUID requestId, ChangeEndpoint command) {
        Caller caller = access.caller();
        EndpointRequest request = changeable(requestId, caller);
        ListingRef listing = listings.get(request.getListingId());
        if (Boolean.TRUE.equals(command.privateDnsEnabled()) && !request.isPrivateDnsEnabled()
                && !listing.privateDnsVerified()) {
            throw InvalidInputException.of("privateDnsEnabled",
                    "Private DNS is available only once the provider's DNS name is verified");
        }
        return new Placement(accounts.get(request.getConsumerAccountId()).target(request.getRegion(),
                caller.username()), request.getVpcId(), zonesFor(listing, request.getRegion()));
    }

    /**
     * The zone IDs the endpoint's subnets may be in: the service's when it is in the endpoint's region; none to
     * check (any zone of the region) for a service in another region, as AWS does.
     */
    private static Set<String> zonesFor(ListingRef listing, String region) {
        return listing.region().equals(region) ? listing.zoneIds() : Set.of();
    }

    private EndpointRequest changeable(UUID requestId, Caller caller) {
        EndpointRequest request = requests.visible(requestId, caller);
        if (!caller.admin() && !caller.isMemberOf(request.getConsumerTeamId())) {
            throw new ForbiddenException("Only the requesting team and platform admins change an endpoint");
        }
        String whyNot = whyNot(request, caller);
        if (whyNot != null) {
            throw new ConflictException(whyNot);
        }
        return request;
    }

    /** Why the endpoint cannot be changed now, or null. */
    private String whyNot(EndpointRequest request, Caller caller) {
        if (!caller.admin() && !caller.isMemberOf(request.getConsumerTeamId())) {
            return "Only the requesting team and platform admins change an endpoint";
        }
        if (request.getState() != EndpointState.AVAILABLE) {
            return "Only an available endpoint can be changed; this one is " + request.getState();
        }
        EndpointChange open = changes.findFirstByRequestIdAndStateIn(request.getId(),
                List.of(ChangeState.APPLYING, ChangeState.AWAITING_APPROVAL)).orElse(null);
        if (open != null) {
            return open.getState() == ChangeState.APPLYING
                    ? "A change of this endpoint is being applied; change it again once that is done"
                    : "A change of this endpoint waits for approval; change it again once it is decided";
        }
        return null;
    }

    private void checkInAws(ChangeEndpoint command, Placement placement) {
        if (command.subnetIds() == null && command.securityGroupIds() == null) {
            return;
        }
        List<Subnet> subnets;
        List<SecurityGroup> groups;
        try {
            subnets = command.subnetIds() == null ? List.of()
                    : gateway.describeSubnets(placement.consumer(), placement.vpcId());
            groups = command.securityGroupIds() == null ? List.of()
                    : gateway.describeSecurityGroups(placement.consumer(), placement.vpcId());
        } catch (AwsGatewayException e) {
            throw new AwsUnavailableException(e);
        }
        List<FieldError> errors = new ArrayList<>();
        if (command.subnetIds() != null) {
            Map<String, Subnet> byId = subnets.stream()
                    .collect(Collectors.toMap(Subnet::subnetId, Function.identity(), (a, b) -> a));
            for (String subnetId : distinct(command.subnetIds())) {
                Subnet subnet = byId.get(subnetId);
                if (subnet == null) {
                    errors.add(new FieldError("subnetIds", "No subnet " + subnetId + " in " + placement.vpcId()));
                } else if (!placement.zoneIds().isEmpty()
                        && !placement.zoneIds().contains(subnet.availabilityZoneId())) {
                    errors.add(new FieldError("subnetIds", subnetId + " is in " + subnet.availabilityZone() + " ("
                            + subnet.availabilityZoneId() + "), a zone the service does not cover; it covers "
                            + String.join(", ", new TreeSet<>(placement.zoneIds()))));
                }
            }
            List<Subnet> chosen = distinct(command.subnetIds()).stream().map(byId::get).filter(Objects::nonNull)
                    .toList();
            SubnetsPerZone.conflicts(chosen).forEach(message -> errors.add(new FieldError("subnetIds", message)));
        }
        if (command.securityGroupIds() != null) {
            Set<String> groupIds = groups.stream().map(SecurityGroup::groupId).collect(Collectors.toSet());
            for (String groupId : distinct(command.securityGroupIds())) {
                if (!groupIds.contains(groupId)) {
                    errors.add(new FieldError("securityGroupIds", "No security group " + groupId + " in "
                            + placement.vpcId()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** What the change does, in words ("subnets +subnet-1 −subnet-2; private DNS on"); empty when nothing. */
    static String summary(EndpointRequest request, List<String> subnets, List<String> groups, Boolean privateDns) {
        List<String> parts = new ArrayList<>();
        if (subnets != null) {
            diff("subnets", request.getSubnetIds(), subnets).ifPresent(parts::add);
        }
        if (groups != null) {
            diff("security groups", request.getSecurityGroupIds(), groups).ifPresent(parts::add);
        }
        if (privateDns != null) {
            parts.add("private DNS " + (privateDns ? "on" : "off"));
        }
        return String.join("; ", parts);
    }

    private static java.util.Optional<String> diff(String what, Set<String> before, List<String> after) {
        List<String> words = new ArrayList<>();
        after.stream().filter(id -> !before.contains(id)).forEach(id -> words.add("+" + id));
        before.stream().filter(id -> !after.contains(id)).forEach(id -> words.add("−" + id));
        return words.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(what + " " + String.join(" ", words));
    }

    private static List<String> distinct(List<String> ids) {
        return List.copyOf(new LinkedHashSet<>(ids));
    }
}
