package dev.linkport.provider.service;

import dev.linkport.aws.AwsGatewayException;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.AwsUnavailableException;
import dev.linkport.aws.AvailabilityZone;
import dev.linkport.aws.EndpointConnection;
import dev.linkport.aws.EndpointService;
import dev.linkport.aws.NetworkLoadBalancer;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.aws.Subnet;
import dev.linkport.catalog.ListingState;
import dev.linkport.catalog.service.ListingDirectory;
import dev.linkport.catalog.service.ListingService;
import dev.linkport.catalog.service.ManagedListing;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.catalog.service.ServiceEditService;
import dev.linkport.consumer.service.EndpointPlacement;
import dev.linkport.consumer.service.ServiceRequests;
import dev.linkport.identity.service.AccountDirectory;
import dev.linkport.platform.ConflictException;
import dev.linkport.platform.FieldError;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.Validation;
import dev.linkport.provider.service.Dependents.Dependent;
import dev.linkport.provider.service.ZoneImpact.AffectedEndpoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
 * Adding and removing network load balancers of a live service, for its owners (and admins). A service is offered
 * in the union of its load balancers' zones, so removing one can drop zones: before the change is made, the
 * provider sees which zones would be lost and which consumers have endpoints there ({@link ZoneImpact}), and a
 * change that drops zones needs their confirmation. AWS is read outside any transaction (the load balancers, the
 * account's endpoint services, the consumers' subnets); the change itself is the catalog's, applied in AWS by the
 * ModifyService job. These methods read AWS: never call them from a UI thread.
 */
@Service
public class LoadBalancerChanges {

    private static final String WHAT = "change the load balancers of";
    static final String ADD = "addLoadBalancerArns";
    static final String REMOVE = "removeLoadBalancerArns";

    private final ListingDirectory listings;
    private final ListingService listingService;
    private final ServiceEditService edits;
    private final ServiceRequests requests;
    private final AccountDirectory accounts;
    private final PrivateLinkGateway gateway;
    private final Validation validation;
    private final TransactionTemplate tx;

    public LoadBalancerChanges(ListingDirectory listings, ListingService listingService, ServiceEditService edits,
                               ServiceRequests requests, AccountDirectory accounts, PrivateLinkGateway gateway,
                               Validation validation, TransactionTemplate tx) {
        this.listings = listings;
        this.listingService = listingService;
        this.edits = edits;
        this.requests = requests;
        this.accounts = accounts;
        this.gateway = gateway;
        this.validation = validation;
        this.tx = tx;
    }

    /**
     * What the change would do, without making it: the zones before and after, the zones lost and the endpoints
     * in them. Refuses what AWS would refuse (a load balancer that does not exist in the service's account and
     * region, is not a network load balancer, or already fronts another endpoint service; none left).
     */
    public ZoneImpact preview(LoadBalancerChange change) {
        return impact(plan(change), false);
    }

    /**
     * Makes the change: the service gets the new set of load balancers and the ModifyService job applies it in AWS,
     * on the service's timeline and in the audit log (with the warning). A change that drops zones is refused until
     * {@link LoadBalancerChange#confirmZoneLoss()} says the provider saw the warning.
     *
     * @throws ConflictException with the warning, when zones would be lost and the change is not confirmed
     */
    public ZoneImpact change(LoadBalancerChange change) {
        Plan plan = plan(change);
        ZoneImpact impact = impact(plan, false);
        if (impact.losesZones() && !change.confirmZoneLoss()) {
            throw new ConflictException(impact.warning() + " Confirm the zone loss to go ahead.");
        }
        tx.executeWithoutResult(status -> edits.changeLoadBalancers(change.serviceId(), change.version(),
                new LinkedHashSet<>(impact.loadBalancersAfter()), impact.warning()));
        return new ZoneImpact(impact.serviceId(), impact.serviceName(), impact.loadBalancersAfter(),
                impact.zonesBefore(), impact.zonesAfter(), impact.zonesLost(), impact.affected(), impact.zonesUnknown(),
                true);
    }

    /** The service, where it lives, and the load balancers it would have; checked against AWS. */
    private record Plan(ServiceDetail service, AwsTarget provider, List<String> after, Set<String> zonesAfter,
                        Set<String> zonesLost) {
    }

    private Plan plan(LoadBalancerChange change) {
        validation.check(change);
        record Current(ServiceDetail detail, ManagedListing managed) {
        }
        Current current = tx.execute(status -> new Current(listingService.detail(change.serviceId()),
                listings.requireManaged(change.serviceId(), WHAT)));
        ServiceDetail service = current.detail();
        if (service.state() != ListingState.AVAILABLE || !current.managed().inAws()) {
            throw new ConflictException("Service " + service.name() + " is " + service.state()
                    + "; only an available service can change its load balancers");
        }
        List<FieldError> errors = new ArrayList<>();
        Set<String> have = new LinkedHashSet<>(service.loadBalancerArns());
        Set<String> add = new LinkedHashSet<>(change.addLoadBalancerArns());
        Set<String> remove = new LinkedHashSet<>(change.removeLoadBalancerArns());
        if (add.isEmpty() && remove.isEmpty()) {
            errors.add(new FieldError(ADD, "Add or remove at least one load balancer"));
        }
        for (String arn : add) {
            if (have.contains(arn)) {
                errors.add(new FieldError(ADD, arn + " already fronts " + service.name()));
            }
            if (remove.contains(arn)) {
                errors.add(new FieldError(REMOVE, arn + " cannot be added and removed at once"));
            }
        }
        for (String arn : remove) {
            if (!have.contains(arn)) {
                errors.add(new FieldError(REMOVE, arn + " does not front " + service.name()));
            }
        }
        List<String> after = new ArrayList<>(have);
        after.removeAll(remove);
        add.stream().filter(a -> !after.contains(a)).forEach(after::add);
        if (after.isEmpty()) {
            errors.add(new FieldError(REMOVE, "A service keeps at least one load balancer"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        AwsTarget provider = current.managed().provider();
        Set<String> zonesAfter = zonesOf(provider, after, add, service.serviceId());
        Set<String> zonesLost = new TreeSet<>(service.availabilityZoneIds());
        zonesLost.removeAll(zonesAfter);
        return new Plan(service, provider, after, zonesAfter, zonesLost);
    }

    /** The zone IDs the load balancers cover; refuses added ones AWS would refuse. */
    private Set<String> zonesOf(AwsTarget provider, List<String> after, Set<String> added, String serviceId) {
        List<NetworkLoadBalancer> found;
        List<EndpointService> services;
        try {
            found = gateway.describeLoadBalancers(provider, after);
            services = added.isEmpty() ? List.of() : gateway.describeEndpointServices(provider);
        } catch (AwsGatewayException e) {
            if (e.isTransient()) {
                throw new AwsUnavailableException(e);
            }
            throw InvalidInputException.of(ADD, "AWS could not find these load balancers in " + provider.accountId()
                    + "/" + provider.region() + ": " + (e.awsMessage() == null ? e.getMessage() : e.awsMessage()));
        }
        Map<String, NetworkLoadBalancer> byArn = found.stream()
                .collect(Collectors.toMap(NetworkLoadBalancer::arn, Function.identity(), (a, b) -> a));
        List<FieldError> errors = new ArrayList<>();
        Set<String> zones = new TreeSet<>();
        for (String arn : after) {
            NetworkLoadBalancer nlb = byArn.get(arn);
            String field = added.contains(arn) ? ADD : REMOVE;
            if (nlb == null) {
                errors.add(new FieldError(field, "No load balancer " + arn + " in account " + provider.accountId()
                        + " (" + provider.region() + ")"));
            } else if (!nlb.isNetwork()) {
                errors.add(new FieldError(field, nlb.name() + " is a " + nlb.type()
                        + " load balancer; PrivateLink needs a network load balancer"));
            } else {
                nlb.availabilityZones().stream().map(AvailabilityZone::id).filter(Objects::nonNull).forEach(zones::add);
            }
        }
        for (EndpointService other : services) {
            if (other.serviceId().equals(serviceId)) {
                continue;
            }
            for (String arn : added) {
                if (other.networkLoadBalancerArns().contains(arn)) {
                    errors.add(new FieldError(ADD, arn + " already fronts endpoint service " + other.serviceId()
                            + "; a network load balancer serves one endpoint service"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return zones;
    }

    private ZoneImpact impact(Plan plan, boolean scheduled) {
        ServiceDetail service = plan.service();
        List<AffectedEndpoint> affected = new ArrayList<>();
        List<Dependent> unknown = new ArrayList<>();
        if (!plan.zonesLost().isEmpty()) {
            List<EndpointPlacement> live = tx.execute(status -> requests.livePlacements(service.id()));
            Map<String, String> zoneOfSubnet = subnetZones(live, service.region(), unknown);
            Set<String> linkportEndpoints = new HashSet<>();
            for (EndpointPlacement p : live) {
                if (p.request().vpcEndpointId() != null) {
                    linkportEndpoints.add(p.request().vpcEndpointId());
                }
                if (!service.region().equals(p.region())) {
                    continue; // a cross-region endpoint sits in its own region's zones, whatever the service's are
                }
                Set<String> lost = p.subnetIds().stream().map(zoneOfSubnet::get).filter(Objects::nonNull)
                        .filter(plan.zonesLost()::contains).collect(Collectors.toCollection(TreeSet::new));
                if (!lost.isEmpty()) {
                    affected.add(new AffectedEndpoint(p.request().vpcEndpointId(), p.request().accountId(),
                            p.request().consumerTeam(), p.request().state().name(), p.request().id(), lost));
                }
            }
            unknownConnections(plan, linkportEndpoints, unknown);
        }
        return new ZoneImpact(service.id(), service.name(), plan.after(), service.availabilityZoneIds(),
                plan.zonesAfter(), plan.zonesLost(), affected, unknown, scheduled);
    }

    /** Subnet id to zone ID for the placements in the service's region, read from each consumer VPC once. */
    private Map<String, String> subnetZones(List<EndpointPlacement> live, String region, List<Dependent> unknown) {
        Map<String, String> zones = new HashMap<>();
        Map<String, List<EndpointPlacement>> byVpc = live.stream().filter(p -> region.equals(p.region()))
                .collect(Collectors.groupingBy(p -> p.consumerAccount() + "/" + p.vpcId()));
        for (List<EndpointPlacement> inVpc : byVpc.values()) {
            EndpointPlacement first = inVpc.getFirst();
            try {
                AwsTarget consumer = accounts.get(first.consumerAccount()).target(first.region(), null);
                for (Subnet subnet : gateway.describeSubnets(consumer, first.vpcId())) {
                    zones.put(subnet.subnetId(), subnet.availabilityZoneId());
                }
            } catch (AwsGatewayException e) {
                inVpc.forEach(p -> unknown.add(new Dependent(p.request().vpcEndpointId(), p.request().accountId(),
                        p.request().consumerTeam(), p.request().state().name(), p.request().id())));
            }
        }
        return zones;
    }

    /** The service's live connections that no Linkport request made: Linkport cannot see their zones. */
    private void unknownConnections(Plan plan, Set<String> linkportEndpoints, List<Dependent> unknown) {
        List<EndpointConnection> connections;
        try {
            connections = gateway.describeEndpointConnections(plan.provider(), plan.service().serviceId());
        } catch (AwsGatewayException e) {
            throw new AwsUnavailableException(e);
        }
        Map<String, String> teams = accounts.teamNamesByAccountId(connections.stream()
                .map(EndpointConnection::ownerAccountId).collect(Collectors.toSet()));
        connections.stream().filter(EndpointConnection::live).filter(c -> !linkportEndpoints.contains(c.endpointId()))
                .forEach(c -> unknown.add(new Dependent(c.endpointId(), c.ownerAccountId(),
                        teams.get(c.ownerAccountId()), c.state(), null)));
    }
}
