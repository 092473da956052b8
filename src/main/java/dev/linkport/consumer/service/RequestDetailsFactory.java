package dev.linkport.consumer.service;

import dev.linkport.aws.DnsNameType;
import dev.linkport.catalog.service.ListingDirectory;
import dev.linkport.catalog.service.ListingRef;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.domain.EndpointDnsName;
import dev.linkport.consumer.domain.EndpointRequest;
import dev.linkport.consumer.domain.EndpointTransitionRepository;
import dev.linkport.consumer.service.EndpointRequestDetails.TimelineEntry;
import dev.linkport.identity.service.AccountDirectory;
import dev.linkport.identity.service.AccountRef;
import dev.linkport.identity.service.Caller;
import dev.linkport.identity.service.UserDirectory;
import dev.linkport.identity.service.UserDirectory.UserRef;
import dev.linkport.platform.Pricing;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Turns one request into its {@link EndpointRequestDetails} for a caller, with its timeline and the
 * names other modules own (service, account, people). Lists use {@link RequestRows}: rows without
 * timelines, names looked up once per page.
 */
@Component
class RequestDetailsFactory {

    private final EndpointTransitionRepository transitions;
    private final ListingDirectory listings;
    private final AccountDirectory accounts;
    private final UserDirectory users;
    private final Pricing pricing;

    RequestDetailsFactory(EndpointTransitionRepository transitions, ListingDirectory listings,
                          AccountDirectory accounts, UserDirectory users, Pricing pricing) {
        this.pricing = pricing;
        this.transitions = transitions;
        this.listings = listings;
        this.accounts = accounts;
        this.users = users;
    }

    EndpointRequestDetails details(EndpointRequest r, Caller caller) {
        return details(List.of(r), caller).getFirst();
    }

    private List<EndpointRequestDetails> details(Collection<EndpointRequest> requests, Caller caller) {
        Map<UUID, ListingRef> listingsById = listings.get(requests.stream().map(EndpointRequest::getListingId).toList());
        Map<UUID, AccountRef> accountsById = accounts.get(requests.stream()
                .map(EndpointRequest::getConsumerAccountId).toList());
        Set<UUID> people = new HashSet<>();
        requests.forEach(r -> {
            people.add(r.getRequesterId());
            if (r.getDecidedById() != null) {
                people.add(r.getDecidedById());
            }
        });
        Map<UUID, UserRef> usersById = users.get(people);
        return requests.stream().map(r -> details(r, caller, listingsById.get(r.getListingId()),
                accountsById.get(r.getConsumerAccountId()), usersById)).toList();
    }

    private EndpointRequestDetails details(EndpointRequest r, Caller caller, ListingRef listing, AccountRef account,
                                           Map<UUID, UserRef> people) {
        List<EndpointDnsName> names = r.getDnsNames();
        boolean consumer = caller.admin() || caller.isMemberOf(r.getConsumerTeamId());
        List<TimelineEntry> timeline = transitions.findByRequestIdOrderByOccurredAtAscIdAsc(r.getId()).stream()
                .map(t -> new TimelineEntry(t.getOccurredAt(), t.getFromState(), t.getToState(), t.getActorName(),
                        t.getReason()))
                .toList();
        UserRef decider = r.getDecidedById() == null ? null : people.get(r.getDecidedById());
        return new EndpointRequestDetails(r.getId(), listing.id(), listing.name(), listing.awsServiceName(),
                listing.ownerTeamName(), account.accountId(), account.teamName(), r.getRegion(), r.getVpcId(),
                List.copyOf(r.getSubnetIds()), List.copyOf(r.getSecurityGroupIds()), r.isPrivateDnsEnabled(),
                r.getJustification(), people.get(r.getRequesterId()).username(), r.getState(), r.getVpcEndpointId(),
                names.stream().filter(n -> n.type() == DnsNameType.REGIONAL).map(EndpointDnsName::dnsName)
                        .findFirst().orElse(null),
                names.stream().filter(n -> n.type() == DnsNameType.ZONAL).map(EndpointDnsName::dnsName).toList(),
                r.getFailureReason(), decider == null ? null : decider.username(), r.getDecisionReason(),
                r.getCreatedAt(), r.getUpdatedAt(), timeline,
                consumer && r.getState() != EndpointState.DELETING && !r.getState().terminal(),
                caller.admin() && r.getState() == EndpointState.FAILED, r.getVersion(), r.getPrincipalRoleArn(),
                r.getAllowedPrincipal(), r.getAwsTags(),
                names.stream().map(n -> new EndpointRequestDetails.DnsName(n.dnsName(), n.type(), n.zoneName(),
                        n.hostedZoneId())).toList(),
                r.getIpAddressType(), r.getDnsRecordIpType(), r.getExpectedGbPerMonth(),
                pricing.estimate(r.getRegion(), listing.region(), r.getSubnetIds().size(), r.getExpectedGbPerMonth()));
    }
}
