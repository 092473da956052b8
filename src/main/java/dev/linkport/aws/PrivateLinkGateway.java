package dev.linkport.aws;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Linkport's port to AWS PrivateLink: every AWS call Linkport makes goes through here, addressed by a team
 * account and region ({@link AwsTarget}). Implementations assume the account's role, respect AWS's rate limits
 * (a call waits for its turn rather than failing), retry transient failures, and report every failure as an
 * {@link AwsGatewayException}.
 *
 * <p>Calls block and may take seconds; never call from a UI thread or inside a database transaction. Only
 * worker jobs call the mutating operations. Describe operations return all pages.
 */
public interface PrivateLinkGateway {

    // ---------------------------------------------------------------- access

    /**
     * Assumes the target's role now, with its ExternalId, in a new session (never a cached one), so a changed
     * trust policy shows at once. A refusal is an {@link AwsGatewayException} with action {@code AssumeRole}
     * and {@link AwsGatewayException#assumeRoleDenied()} true.
     */
    AssumedRole assumeRole(AwsTarget target);

    /**
     * Makes the one small read {@code probe} names in the target's account and region, to find out whether the
     * role may call it; the answer itself is thrown away. A denied action fails with
     * {@link AwsGatewayException#accessDenied()} true.
     */
    void probe(AwsTarget target, AccessProbe probe);

    // ---------------------------------------------------------------- provider side

    /** The account's network load balancers in the region, with their zone names and zone IDs. */
    List<NetworkLoadBalancer> describeNetworkLoadBalancers(AwsTarget provider);

    /**
     * The load balancers with the given ARNs, of any type (so callers can tell "not a network load balancer"
     * from "does not exist"); ARNs that do not exist fail with {@code LoadBalancerNotFound}.
     */
    List<NetworkLoadBalancer> describeLoadBalancers(AwsTarget provider, Collection<String> arns);

    /** Creates an endpoint service configuration; idempotent for the same client token. */
    EndpointService createEndpointService(AwsTarget provider, EndpointServiceRequest request);

    /** Every endpoint service configuration of the account in the region, all pages. */
    List<EndpointService> describeEndpointServices(AwsTarget provider);

    /** The endpoint service configuration with this id, or empty if the account has none with that id. */
    Optional<EndpointService> describeEndpointService(AwsTarget provider, String serviceId);

    /** Applies {@code changes} to a service configuration; does nothing when there are none. */
    void modifyEndpointService(AwsTarget provider, String serviceId, EndpointServiceChanges changes);

    /**
     * Deletes service configurations. AWS refuses services with active connections; those come back as
     * unsuccessful items rather than an exception.
     */
    List<UnsuccessfulItem> deleteEndpointServices(AwsTarget provider, Collection<String> serviceIds);

    /** The principals currently allowed to connect to the service. */
    List<PermittedPrincipal> describeServicePermissions(AwsTarget provider, String serviceId);

    /** Adds and removes allowed principals (ARNs or {@code *}) in one call; does nothing when both are empty. */
    void modifyServicePermissions(AwsTarget provider, String serviceId, Set<String> add, Set<String> remove);

    /** All endpoint connections of the service, including ones created outside Linkport. */
    List<EndpointConnection> describeEndpointConnections(AwsTarget provider, String serviceId);

    /**
     * Every endpoint connection to any of the account's services in the region, each naming its service:
     * one paginated call however many services there are.
     */
    List<EndpointConnection> describeAllEndpointConnections(AwsTarget provider);

    /** Accepts pending connections of the service's endpoints; endpoints AWS could not accept come back. */
    List<UnsuccessfulItem> acceptEndpointConnections(AwsTarget provider, String serviceId,
            Collection<String> endpointIds);

    /** Rejects connections of the service's endpoints; endpoints AWS could not reject come back. */
    List<UnsuccessfulItem> rejectEndpointConnections(AwsTarget provider, String serviceId,
            Collection<String> endpointIds);

    /**
     * Asks AWS to check the TXT record proving ownership of the service's private DNS name; the outcome shows
     * later in {@link EndpointService#privateDns()}'s verification state.
     */
    void startPrivateDnsVerification(AwsTarget provider, String serviceId);

    // ---------------------------------------------------------------- consumer side

    /** The region's Availability Zones in this account: zone name and zone ID. */
    List<AvailabilityZone> describeAvailabilityZones(AwsTarget account);

    /** The account's VPCs in the region. */
    List<Vpc> describeVpcs(AwsTarget consumer);

    /** The subnets of one VPC, each with zone name and zone ID. */
    List<Subnet> describeSubnets(AwsTarget consumer, String vpcId);

    /** The security groups of one VPC. */
    List<SecurityGroup> describeSecurityGroups(AwsTarget consumer, String vpcId);

    /**
     * An endpoint service as this consumer account sees it, or empty if the account cannot see a service of
     * that name (it does not exist, or the account is not an allowed principal).
     */
    Optional<ServiceOffer> describeServiceOffer(AwsTarget consumer, String serviceName);

    /** Creates an interface endpoint; idempotent for the same client token. */
    InterfaceEndpoint createInterfaceEndpoint(AwsTarget consumer, InterfaceEndpointRequest request);

    /** The endpoint with this id, or empty if AWS no longer knows it. */
    Optional<InterfaceEndpoint> describeInterfaceEndpoint(AwsTarget consumer, String endpointId);

    /** The endpoints with these ids that AWS knows (deleted ones may still show, in state {@code deleted}); unknown ids are left out. */
    List<InterfaceEndpoint> describeInterfaceEndpoints(AwsTarget consumer, Collection<String> endpointIds);

    /**
     * Changes an endpoint's subnets, security groups and private DNS setting (ModifyVpcEndpoint); does nothing
     * when {@code changes} is empty. AWS then reports the endpoint {@code modifying} (or {@code pending}) until
     * the change is done and it is {@code available} again.
     */
    void modifyInterfaceEndpoint(AwsTarget consumer, String endpointId, InterfaceEndpointChanges changes);

    /** Deletes endpoints; endpoints AWS could not delete come back as unsuccessful items. */
    List<UnsuccessfulItem> deleteInterfaceEndpoints(AwsTarget consumer, Collection<String> endpointIds);
}
