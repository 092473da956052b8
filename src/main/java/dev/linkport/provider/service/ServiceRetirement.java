package dev.linkport.provider.service;

import dev.linkport.aws.AwsGatewayException;
import dev.linkport.aws.AwsUnavailableException;
import dev.linkport.aws.EndpointConnection;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.catalog.service.ListingDirectory;
import dev.linkport.catalog.service.ListingService;
import dev.linkport.catalog.service.ManagedListing;
import dev.linkport.consumer.service.ServiceRequests;
import dev.linkport.platform.ConflictException;
import dev.linkport.provider.service.Dependents.Dependent;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retiring a service, for its owners (forcing it: platform admins). Who still depends on it is
 * asked of the consumers' requests and of AWS (outside any transaction); the retirement itself —
 * the listing to RETIRING with its RetireService job, open requests cancelled, and when forced
 * live ones DRIFTED — happens in one transaction.
 */
@Service
public class ServiceRetirement {

    private final ListingDirectory listings;
    private final ListingService listingService;
    private final ServiceRequests requests;
    private final PrivateLinkGateway gateway;
    private final TransactionTemplate tx;

    public ServiceRetirement(ListingDirectory listings, ListingService listingService, ServiceRequests requests,
                             PrivateLinkGateway gateway, TransactionTemplate tx) {
        this.listings = listings;
        this.listingService = listingService;
        this.requests = requests;
        this.gateway = gateway;
        this.tx = tx;
    }

    /** Who still depends on the service: live Linkport requests and the endpoints AWS reports as connected. */
    public Dependents dependents(UUID id) {
        ManagedListing managed = tx.execute(status -> listings.requireManaged(id, "see who depends on"));
        return dependents(managed);
    }

    /**
     * Retires the service: it leaves the catalog, open requests are cancelled, and the RetireService
     * job deletes the endpoint service configuration. Refused while endpoints are connected, unless
     * an admin forces it; then dependent requests move to DRIFTED (or DELETED) and the job rejects
     * the remaining connections before deleting.
     *
     * @throws ConflictException naming the connected endpoints, when some are live and there is no force
     */
    public Dependents retire(UUID id, boolean force) {
        ManagedListing managed = tx.execute(status -> listingService.checkRetirable(id, force));
        Dependents dependents = dependents(managed);
        if (!force && !dependents.isEmpty()) {
            throw new ConflictException("Service " + managed.listing().name() + " still has live connections: "
                    + dependents.describe() + ". Delete those endpoints first"
                    + (managed.caller().admin() ? ", or force the retirement." : ", or ask a platform admin to force it."));
        }
        tx.executeWithoutResult(status -> {
            requests.serviceRetiring(id, managed.listing().name(), force);
            listingService.startRetirement(id, force, dependents.isEmpty() ? null : dependents.describe());
        });
        return dependents;
    }

    private Dependents dependents(ManagedListing managed) {
        List<Dependent> live = tx.execute(status -> requests.live(managed.listing().id()).stream()
                .map(r -> new Dependent(r.vpcEndpointId(), r.accountId(), r.consumerTeam(), r.state().name(), r.id()))
                .toList());
        List<Dependent> connections = List.of();
        if (managed.inAws()) {
            try {
                connections = gateway.describeEndpointConnections(managed.provider(), managed.listing().awsServiceId())
                        .stream().filter(EndpointConnection::live)
                        .map(c -> {
                            Dependent request = live.stream().filter(r -> c.endpointId().equals(r.vpcEndpointId()))
                                    .findFirst().orElse(null);
                            return new Dependent(c.endpointId(), c.ownerAccountId(),
                                    request == null ? null : request.team(), c.state(),
                                    request == null ? null : request.requestId());
                        })
                        .toList();
            } catch (AwsGatewayException e) {
                throw new AwsUnavailableException(e);
            }
        }
        return new Dependents(live, connections);
    }
}
