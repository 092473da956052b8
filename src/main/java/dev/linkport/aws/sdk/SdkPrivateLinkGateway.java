package dev.linkport.aws.sdk;

import dev.linkport.aws.AccessProbe;
import dev.linkport.aws.AssumedRole;
import dev.linkport.aws.AvailabilityZone;
import dev.linkport.aws.AwsGatewayException;
import dev.linkport.aws.AwsReachability;
import dev.linkport.aws.AwsProperties;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.DnsEntry;
import dev.linkport.aws.EndpointConnection;
import dev.linkport.aws.EndpointService;
import dev.linkport.aws.EndpointServiceChanges;
import dev.linkport.aws.EndpointServiceRequest;
import dev.linkport.aws.InterfaceEndpoint;
import dev.linkport.aws.InterfaceEndpointChanges;
import dev.linkport.aws.InterfaceEndpointRequest;
import dev.linkport.aws.IpAddressType;
import dev.linkport.aws.DnsRecordIpType;
import dev.linkport.aws.LoadBalancerTargetGroup;
import dev.linkport.aws.NetworkLoadBalancer;
import dev.linkport.aws.PermittedPrincipal;
import dev.linkport.aws.PrivateDnsConfiguration;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.aws.SecurityGroup;
import dev.linkport.aws.ServiceOffer;
import dev.linkport.aws.Subnet;
import dev.linkport.aws.UnsuccessfulItem;
import dev.linkport.aws.UsageMetrics;
import dev.linkport.aws.Vpc;
import dev.linkport.aws.ratelimit.ApiBucket;
import dev.linkport.aws.ratelimit.Backoff;
import dev.linkport.aws.ratelimit.InMemoryBucketStore;
import dev.linkport.aws.ratelimit.RateLimiter;
import dev.linkport.aws.ratelimit.TimeSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointConnectionsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointServiceConfigurationsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointServicePermissionsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointServicesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ServiceConfiguration;
import software.amazon.awssdk.services.ec2.model.ServiceDetail;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.ec2.model.VpcEndpointConnection;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

/**
 * {@link PrivateLinkGateway} on the AWS SDK for Java v2. Every call goes through {@link AwsCallExecutor} (rate
 * limit, retries, error classification), every describe is filtered and read page by page (each page is an
 * attempt that takes a token), and every request carries the assumed-role credentials of the target's session.
 */
public final class SdkPrivateLinkGateway implements PrivateLinkGateway, AutoCloseable {

    /** ELBv2 accepts at most 20 ARNs per DescribeLoadBalancers. */
    private static final int MAX_ARNS_PER_DESCRIBE = 20;
    private static final String ENDPOINT_NOT_FOUND = "InvalidVpcEndpointId.NotFound";
    private static final Pattern SERVICE_NAME_REGION = Pattern.compile("^com\\.amazonaws\\.vpce\\.([a-z0-9-]+)\\.");

    private final AwsClients clients;
    private final AwsCallExecutor executor;

    SdkPrivateLinkGateway(AwsClients clients, AwsCallExecutor executor) {
        this.clients = clients;
        this.executor = executor;
    }

    /**
     * A gateway configured from {@code properties}, assuming team roles with {@code baseCredentials}.
     *
     * @param time   clock and sleeper for rate limiting and backoff
     * @param random jitter source for backoff
     */
    public static SdkPrivateLinkGateway create(AwsProperties properties, AwsCredentialsProvider baseCredentials,
            TimeSource time, RandomGenerator random) {
        return create(properties, baseCredentials, new RateLimiter(properties.rateLimit().share(),
                properties.rateLimit().adaptive(), time, new InMemoryBucketStore()), time, random);
    }

    /** As {@link #create(AwsProperties, AwsCredentialsProvider, TimeSource, RandomGenerator)}, with given budgets. */
    public static SdkPrivateLinkGateway create(AwsProperties properties, AwsCredentialsProvider baseCredentials,
            RateLimiter limiter, TimeSource time, RandomGenerator random) {
        return create(properties, baseCredentials, limiter, new AwsReachability(Clock.systemUTC()), time, random);
    }

    /** As {@link #create(AwsProperties, AwsCredentialsProvider, RateLimiter, TimeSource, RandomGenerator)}, telling
     * {@code reachability} whether AWS answers. */
    public static SdkPrivateLinkGateway create(AwsProperties properties, AwsCredentialsProvider baseCredentials,
            RateLimiter limiter, AwsReachability reachability, TimeSource time, RandomGenerator random) {
        return create(properties, baseCredentials, limiter, reachability, AwsCallMetrics.NONE, time, random);
    }

    /** As {@link #create(AwsProperties, AwsCredentialsProvider, RateLimiter, AwsReachability, TimeSource,
     * RandomGenerator)}, counting every attempt in {@code metrics}. */
    public static SdkPrivateLinkGateway create(AwsProperties properties, AwsCredentialsProvider baseCredentials,
            RateLimiter limiter, AwsReachability reachability, AwsCallMetrics metrics, TimeSource time,
            RandomGenerator random) {
        var retry = properties.retry();
        var backoff = new Backoff(retry.maxAttempts(), retry.baseDelay(), retry.maxDelay(), random);
        return new SdkPrivateLinkGateway(new AwsClients(properties, baseCredentials),
                new AwsCallExecutor(limiter, backoff, time, reachability, metrics));
    }

    // ---------------------------------------------------------------- access

    /** A new session of the least duration AWS allows; counted in the account's describe budget. */
    @Override
    public AssumedRole assumeRole(AwsTarget target) {
        return call(target, AwsGatewayException.ASSUME_ROLE, ApiBucket.DESCRIBE,
                () -> new AssumedRole(clients.sts().assumeRole(r -> r.roleArn(target.roleArn())
                        .externalId(target.externalId())
                        .roleSessionName(AwsClients.sessionName(target.actingUser()))
                        .durationSeconds(900)).assumedRoleUser().arn()));
    }

    /** The first page only, as small as the API allows (EC2: 5, ELBv2: 1). */
    @Override
    public void probe(AwsTarget target, AccessProbe probe) {
        call(target, probe.action(), ApiBucket.DESCRIBE, () -> switch (probe) {
            case DESCRIBE_ENDPOINT_SERVICES -> ec2(target).describeVpcEndpointServiceConfigurations(r -> r
                    .maxResults(5).overrideConfiguration(auth(target)));
            case DESCRIBE_LOAD_BALANCERS -> clients.elb(target).describeLoadBalancers(r -> r
                    .pageSize(1).overrideConfiguration(auth(target)));
            case DESCRIBE_ENDPOINTS -> ec2(target).describeVpcEndpoints(r -> r
                    .maxResults(5).overrideConfiguration(auth(target)));
            case DESCRIBE_VPCS -> ec2(target).describeVpcs(r -> r
                    .maxResults(5).overrideConfiguration(auth(target)));
        });
    }

    // ---------------------------------------------------------------- provider side

    @Override
    public List<NetworkLoadBalancer> describeNetworkLoadBalancers(AwsTarget provider) {
        List<LoadBalancer> found = new ArrayList<>();
        paginate(provider, "DescribeLoadBalancers",
                marker -> clients.elb(provider).describeLoadBalancers(r -> r.marker(marker).pageSize(400)
                        .overrideConfiguration(auth(provider))),
                DescribeLoadBalancersResponse::nextMarker,
                page -> page.loadBalancers().stream().filter(lb -> "network".equals(lb.typeAsString()))
                        .forEach(found::add));
        return withTargetGroups(provider, toLoadBalancers(provider, found));
    }

    /**
     * The load balancers with their target groups: one paginated DescribeTargetGroups for the account and region
     * (not one per load balancer), then DescribeTargetHealth for each {@code ip} target group, whose targets' zones
     * tell addresses outside the VPC (zone {@code all}) from those inside. A role that may not read target groups
     * (a policy attached before Linkport read them) leaves them unknown instead of failing the listing.
     */
    private List<NetworkLoadBalancer> withTargetGroups(AwsTarget provider, List<NetworkLoadBalancer> loadBalancers) {
        if (loadBalancers.isEmpty()) {
            return loadBalancers;
        }
        Set<String> arns = new HashSet<>(loadBalancers.stream().map(NetworkLoadBalancer::arn).toList());
        try {
            List<TargetGroup> groups = new ArrayList<>();
            paginate(provider, "DescribeTargetGroups",
                    marker -> clients.elb(provider).describeTargetGroups(r -> r.marker(marker).pageSize(400)
                            .overrideConfiguration(auth(provider))),
                    DescribeTargetGroupsResponse::nextMarker,
                    page -> page.targetGroups().stream()
                            .filter(g -> g.loadBalancerArns().stream().anyMatch(arns::contains)).forEach(groups::add));
            Map<String, List<LoadBalancerTargetGroup>> byLoadBalancer = new HashMap<>();
            for (TargetGroup g : groups) {
                List<LoadBalancerTargetGroup.Target> targets = "ip".equals(g.targetTypeAsString())
                        ? targets(provider, g.targetGroupArn()) : List.of();
                LoadBalancerTargetGroup group = new LoadBalancerTargetGroup(g.targetGroupArn(), g.targetGroupName(),
                        g.targetTypeAsString(), g.protocolAsString(), g.port(), targets);
                g.loadBalancerArns().forEach(lb -> byLoadBalancer.computeIfAbsent(lb, k -> new ArrayList<>()).add(group));
            }
            return loadBalancers.stream()
                    .map(lb -> lb.withTargetGroups(byLoadBalancer.getOrDefault(lb.arn(), List.of()))).toList();
        } catch (AwsGatewayException e) {
            if (e.accessDenied()) {
                return loadBalancers;
            }
            throw e;
        }
    }

    private List<LoadBalancerTargetGroup.Target> targets(AwsTarget provider, String targetGroupArn) {
        return call(provider, "DescribeTargetHealth", ApiBucket.DESCRIBE,
                () -> clients.elb(provider).describeTargetHealth(r -> r.targetGroupArn(targetGroupArn)
                        .overrideConfiguration(auth(provider))))
                .targetHealthDescriptions().stream()
                .map(d -> new LoadBalancerTargetGroup.Target(d.target().id(), d.target().port(),
                        d.target().availabilityZone(),
                        d.targetHealth() == null ? null : d.targetHealth().stateAsString()))
                .toList();
    }

    @Override
    public List<NetworkLoadBalancer> describeLoadBalancers(AwsTarget provider, Collection<String> arns) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(arns));
        List<LoadBalancer> found = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += MAX_ARNS_PER_DESCRIBE) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + MAX_ARNS_PER_DESCRIBE));
            paginate(provider, "DescribeLoadBalancers",
                    marker -> clients.elb(provider).describeLoadBalancers(r -> r.loadBalancerArns(chunk)
                            .marker(marker).overrideConfiguration(auth(provider))),
                    DescribeLoadBalancersResponse::nextMarker,
                    page -> found.addAll(page.loadBalancers()));
        }
        return toLoadBalancers(provider, found);
    }

    private List<NetworkLoadBalancer> toLoadBalancers(AwsTarget provider, List<LoadBalancer> loadBalancers) {
        if (loadBalancers.isEmpty()) {
            return List.of();
        }
        Map<String, String> zoneIds = zoneIdsByName(provider);
        return loadBalancers.stream()
                .map(lb -> new NetworkLoadBalancer(lb.loadBalancerArn(), lb.loadBalancerName(), lb.typeAsString(),
                        lb.schemeAsString(), lb.state() == null ? null : lb.state().codeAsString(),
                        lb.availabilityZones().stream()
                                .map(az -> new AvailabilityZone(az.zoneName(), zoneIds.get(az.zoneName())))
                                .toList(), lb.ipAddressTypeAsString()))
                .toList();
    }

    @Override
    public EndpointService createEndpointService(AwsTarget provider, EndpointServiceRequest request) {
        ServiceConfiguration created = call(provider, "CreateVpcEndpointServiceConfiguration",
                ApiBucket.ENDPOINT_SERVICE_CONFIGURATIONS,
                () -> ec2(provider).createVpcEndpointServiceConfiguration(r -> {
                    r.networkLoadBalancerArns(request.networkLoadBalancerArns())
                            .acceptanceRequired(request.acceptanceRequired())
                            .privateDnsName(request.privateDnsName())
                            .clientToken(request.clientToken())
                            .overrideConfiguration(auth(provider));
                    if (!request.tags().isEmpty()) {
                        r.tagSpecifications(tagSpecification("vpc-endpoint-service", request.tags()));
                    }
                    if (!request.supportedRegions().isEmpty()) {
                        r.supportedRegions(request.supportedRegions());
                    }
                    if (!request.supportedIpAddressTypes().isEmpty()) {
                        r.supportedIpAddressTypes(awsValues(request.supportedIpAddressTypes()));
                    }
                }).serviceConfiguration());
        return toEndpointService(created, zoneIdsByName(provider));
    }

    /** Items per page where Linkport reads a whole account. */
    static final int PAGE_SIZE = 1000;

    @Override
    public List<EndpointService> describeEndpointServices(AwsTarget provider) {
        List<ServiceConfiguration> found = new ArrayList<>();
        paginate(provider, "DescribeVpcEndpointServiceConfigurations",
                token -> ec2(provider).describeVpcEndpointServiceConfigurations(r -> r
                        .maxResults(PAGE_SIZE).nextToken(token).overrideConfiguration(auth(provider))),
                DescribeVpcEndpointServiceConfigurationsResponse::nextToken,
                page -> found.addAll(page.serviceConfigurations()));
        if (found.isEmpty()) {
            return List.of();
        }
        Map<String, String> zoneIds = zoneIdsByName(provider);
        return found.stream().map(service -> toEndpointService(service, zoneIds)).toList();
    }

    @Override
    public Optional<EndpointService> describeEndpointService(AwsTarget provider, String serviceId) {
        List<ServiceConfiguration> found = new ArrayList<>();
        paginate(provider, "DescribeVpcEndpointServiceConfigurations",
                token -> ec2(provider).describeVpcEndpointServiceConfigurations(r -> r
                        .filters(filter("service-id", serviceId)).nextToken(token)
                        .overrideConfiguration(auth(provider))),
                DescribeVpcEndpointServiceConfigurationsResponse::nextToken,
                page -> page.serviceConfigurations().stream()
                        .filter(service -> serviceId.equals(service.serviceId()))
                        .forEach(found::add));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(toEndpointService(found.getFirst(), zoneIdsByName(provider)));
    }

    private static EndpointService toEndpointService(ServiceConfiguration service, Map<String, String> zoneIds) {
        PrivateDnsConfiguration privateDns = null;
        if (service.privateDnsName() != null) {
            var config = service.privateDnsNameConfiguration();
            privateDns = config == null
                    ? new PrivateDnsConfiguration(service.privateDnsName(), null, null, null)
                    : new PrivateDnsConfiguration(service.privateDnsName(), config.stateAsString(), config.name(),
                            config.value());
        }
        return new EndpointService(service.serviceId(), service.serviceName(), service.serviceStateAsString(),
                service.availabilityZones().stream().map(name -> new AvailabilityZone(name, zoneIds.get(name)))
                        .toList(),
                Boolean.TRUE.equals(service.acceptanceRequired()), privateDns,
                service.supportedRegions().stream().map(region -> region.region()).toList(),
                ipAddressTypes(service.supportedIpAddressTypesAsStrings()),
                service.networkLoadBalancerArns(), tags(service.tags()));
    }

    @Override
    public void modifyEndpointService(AwsTarget provider, String serviceId, EndpointServiceChanges changes) {
        if (changes.isEmpty()) {
            return;
        }
        call(provider, "ModifyVpcEndpointServiceConfiguration", ApiBucket.ENDPOINT_SERVICE_CONFIGURATIONS,
                () -> ec2(provider).modifyVpcEndpointServiceConfiguration(r -> {
                    r.serviceId(serviceId).overrideConfiguration(auth(provider));
                    if (changes.acceptanceRequired() != null) {
                        r.acceptanceRequired(changes.acceptanceRequired());
                    }
                    if (changes.privateDnsName() != null) {
                        r.privateDnsName(changes.privateDnsName());
                    }
                    if (changes.removePrivateDnsName()) {
                        r.removePrivateDnsName(true);
                    }
                    ifNotEmpty(changes.addSupportedRegions(), r::addSupportedRegions);
                    ifNotEmpty(changes.removeSupportedRegions(), r::removeSupportedRegions);
                    ifNotEmpty(awsValues(changes.addSupportedIpAddressTypes()), r::addSupportedIpAddressTypes);
                    ifNotEmpty(awsValues(changes.removeSupportedIpAddressTypes()), r::removeSupportedIpAddressTypes);
                    ifNotEmpty(changes.addNetworkLoadBalancerArns(), r::addNetworkLoadBalancerArns);
                    ifNotEmpty(changes.removeNetworkLoadBalancerArns(), r::removeNetworkLoadBalancerArns);
                }));
    }

    @Override
    public List<UnsuccessfulItem> deleteEndpointServices(AwsTarget provider, Collection<String> serviceIds) {
        if (serviceIds.isEmpty()) {
            return List.of();
        }
        return unsuccessful(call(provider, "DeleteVpcEndpointServiceConfigurations",
                ApiBucket.ENDPOINT_SERVICE_CONFIGURATIONS,
                () -> ec2(provider).deleteVpcEndpointServiceConfigurations(r -> r.serviceIds(serviceIds)
                        .overrideConfiguration(auth(provider))).unsuccessful()));
    }

    @Override
    public List<PermittedPrincipal> describeServicePermissions(AwsTarget provider, String serviceId) {
        List<PermittedPrincipal> principals = new ArrayList<>();
        paginate(provider, "DescribeVpcEndpointServicePermissions",
                token -> ec2(provider).describeVpcEndpointServicePermissions(r -> r.serviceId(serviceId)
                        .nextToken(token).overrideConfiguration(auth(provider))),
                DescribeVpcEndpointServicePermissionsResponse::nextToken,
                page -> page.allowedPrincipals().forEach(p -> principals.add(
                        new PermittedPrincipal(p.principal(), p.principalTypeAsString()))));
        return principals;
    }

    @Override
    public void modifyServicePermissions(AwsTarget provider, String serviceId, Set<String> add, Set<String> remove) {
        if (add.isEmpty() && remove.isEmpty()) {
            return;
        }
        call(provider, "ModifyVpcEndpointServicePermissions", ApiBucket.OTHER_MUTATING,
                () -> ec2(provider).modifyVpcEndpointServicePermissions(r -> {
                    r.serviceId(serviceId).overrideConfiguration(auth(provider));
                    ifNotEmpty(add, r::addAllowedPrincipals);
                    ifNotEmpty(remove, r::removeAllowedPrincipals);
                }));
    }

    @Override
    public List<EndpointConnection> describeEndpointConnections(AwsTarget provider, String serviceId) {
        List<EndpointConnection> connections = new ArrayList<>();
        paginate(provider, "DescribeVpcEndpointConnections",
                token -> ec2(provider).describeVpcEndpointConnections(r -> r
                        .filters(filter("service-id", serviceId)).nextToken(token)
                        .overrideConfiguration(auth(provider))),
                DescribeVpcEndpointConnectionsResponse::nextToken,
                page -> page.vpcEndpointConnections().stream()
                        .filter(c -> c.serviceId() == null || serviceId.equals(c.serviceId()))
                        .forEach(c -> connections.add(connection(c))));
        return connections;
    }

    @Override
    public List<EndpointConnection> describeAllEndpointConnections(AwsTarget provider) {
        List<EndpointConnection> connections = new ArrayList<>();
        paginate(provider, "DescribeVpcEndpointConnections",
                token -> ec2(provider).describeVpcEndpointConnections(r -> r
                        .maxResults(PAGE_SIZE).nextToken(token).overrideConfiguration(auth(provider))),
                DescribeVpcEndpointConnectionsResponse::nextToken,
                page -> page.vpcEndpointConnections().forEach(c -> connections.add(connection(c))));
        return connections;
    }

    private static EndpointConnection connection(VpcEndpointConnection c) {
        return new EndpointConnection(c.vpcEndpointId(), c.vpcEndpointOwner(), c.vpcEndpointStateAsString(),
                c.creationTimestamp(), dnsEntries(c.dnsEntries()), c.serviceId());
    }

    @Override
    public List<UnsuccessfulItem> acceptEndpointConnections(AwsTarget provider, String serviceId,
            Collection<String> endpointIds) {
        if (endpointIds.isEmpty()) {
            return List.of();
        }
        return unsuccessful(call(provider, "AcceptVpcEndpointConnections", ApiBucket.ENDPOINT_CONNECTIONS,
                () -> ec2(provider).acceptVpcEndpointConnections(r -> r.serviceId(serviceId)
                        .vpcEndpointIds(endpointIds).overrideConfiguration(auth(provider))).unsuccessful()));
    }

    @Override
    public List<UnsuccessfulItem> rejectEndpointConnections(AwsTarget provider, String serviceId,
            Collection<String> endpointIds) {
        if (endpointIds.isEmpty()) {
            return List.of();
        }
        return unsuccessful(call(provider, "RejectVpcEndpointConnections", ApiBucket.ENDPOINT_CONNECTIONS,
                () -> ec2(provider).rejectVpcEndpointConnections(r -> r.serviceId(serviceId)
                        .vpcEndpointIds(endpointIds).overrideConfiguration(auth(provider))).unsuccessful()));
    }

    @Override
    public void startPrivateDnsVerification(AwsTarget provider, String serviceId) {
        call(provider, "StartVpcEndpointServicePrivateDnsVerification", ApiBucket.OTHER_MUTATING,
                () -> ec2(provider).startVpcEndpointServicePrivateDnsVerification(r -> r.serviceId(serviceId)
                        .overrideConfiguration(auth(provider))));
    }

    // ---------------------------------------------------------------- consumer side

    @Override
    public List<AvailabilityZone> describeAvailabilityZones(AwsTarget account) {
        return call(account, "DescribeAvailabilityZones", ApiBucket.DESCRIBE,
                () -> ec2(account).describeAvailabilityZones(r -> r
                        .filters(filter("zone-type", "availability-zone"))
                        .overrideConfiguration(auth(account))))
                .availabilityZones().stream()
                .map(zone -> new AvailabilityZone(zone.zoneName(), zone.zoneId()))
                .toList();
    }

    private Map<String, String> zoneIdsByName(AwsTarget account) {
        Map<String, String> ids = new HashMap<>();
        describeAvailabilityZones(account).forEach(zone -> ids.put(zone.name(), zone.id()));
        return ids;
    }

    @Override
    public List<Vpc> describeVpcs(AwsTarget consumer) {
        List<Vpc> vpcs = new ArrayList<>();
        paginate(consumer, "DescribeVpcs",
                token -> ec2(consumer).describeVpcs(r -> r.nextToken(token).overrideConfiguration(auth(consumer))),
                DescribeVpcsResponse::nextToken,
                page -> page.vpcs().forEach(vpc -> vpcs.add(new Vpc(vpc.vpcId(), vpc.cidrBlock(),
                        vpc.stateAsString(), Boolean.TRUE.equals(vpc.isDefault()), name(vpc.tags())))));
        return vpcs;
    }

    @Override
    public List<Subnet> describeSubnets(AwsTarget consumer, String vpcId) {
        List<Subnet> subnets = new ArrayList<>();
        paginate(consumer, "DescribeSubnets",
                token -> ec2(consumer).describeSubnets(r -> r.filters(filter("vpc-id", vpcId)).nextToken(token)
                        .overrideConfiguration(auth(consumer))),
                DescribeSubnetsResponse::nextToken,
                page -> page.subnets().stream().filter(s -> vpcId.equals(s.vpcId()))
                        .forEach(s -> subnets.add(new Subnet(s.subnetId(), s.vpcId(), s.cidrBlock(),
                                s.availabilityZone(), s.availabilityZoneId(), name(s.tags()),
                                s.ipv6CidrBlockAssociationSet().stream()
                                        .filter(a -> a.ipv6CidrBlockState() == null
                                                || "associated".equals(a.ipv6CidrBlockState().stateAsString()))
                                        .map(a -> a.ipv6CidrBlock()).toList()))));
        return subnets;
    }

    @Override
    public List<SecurityGroup> describeSecurityGroups(AwsTarget consumer, String vpcId) {
        List<SecurityGroup> groups = new ArrayList<>();
        paginate(consumer, "DescribeSecurityGroups",
                token -> ec2(consumer).describeSecurityGroups(r -> r.filters(filter("vpc-id", vpcId))
                        .nextToken(token).overrideConfiguration(auth(consumer))),
                DescribeSecurityGroupsResponse::nextToken,
                page -> page.securityGroups().stream().filter(g -> vpcId.equals(g.vpcId()))
                        .forEach(g -> groups.add(new SecurityGroup(g.groupId(), g.groupName(), g.description(),
                                g.vpcId()))));
        return groups;
    }

    @Override
    public Optional<ServiceOffer> describeServiceOffer(AwsTarget consumer, String serviceName) {
        String serviceRegion = regionOf(serviceName);
        boolean crossRegion = serviceRegion != null && !serviceRegion.equals(consumer.region());
        List<ServiceDetail> found = new ArrayList<>();
        try {
            paginate(consumer, "DescribeVpcEndpointServices",
                    token -> ec2(consumer).describeVpcEndpointServices(r -> {
                        r.serviceNames(serviceName).nextToken(token).overrideConfiguration(auth(consumer));
                        if (crossRegion) {
                            r.serviceRegions(serviceRegion);
                        }
                    }),
                    DescribeVpcEndpointServicesResponse::nextToken,
                    page -> page.serviceDetails().stream().filter(s -> serviceName.equals(s.serviceName()))
                            .forEach(found::add));
        } catch (AwsGatewayException e) {
            // AWS answers InvalidServiceName both for names that do not exist and for services the account may
            // not see: either way, nothing is offered to this consumer.
            if (e.errorCode().filter("InvalidServiceName"::equals).isPresent()) {
                return Optional.empty();
            }
            throw e;
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ServiceDetail service = found.getFirst();
        Map<String, String> zoneIds = zoneIdsByName(consumer);
        return Optional.of(new ServiceOffer(service.serviceName(), service.serviceId(), service.owner(),
                service.availabilityZones().stream().map(name -> new AvailabilityZone(name, zoneIds.get(name)))
                        .toList(),
                Boolean.TRUE.equals(service.acceptanceRequired()), service.privateDnsName(),
                service.privateDnsNameVerificationStateAsString(),
                ipAddressTypes(service.supportedIpAddressTypesAsStrings())));
    }

    @Override
    public InterfaceEndpoint createInterfaceEndpoint(AwsTarget consumer, InterfaceEndpointRequest request) {
        VpcEndpoint created = call(consumer, "CreateVpcEndpoint", ApiBucket.VPC_ENDPOINTS,
                () -> ec2(consumer).createVpcEndpoint(r -> {
                    r.vpcEndpointType(VpcEndpointType.INTERFACE)
                            .clientToken(request.clientToken())
                            .vpcId(request.vpcId())
                            .serviceName(request.serviceName())
                            .subnetIds(request.subnetIds())
                            .privateDnsEnabled(request.privateDnsEnabled())
                            .overrideConfiguration(auth(consumer));
                    ifNotEmpty(request.securityGroupIds(), r::securityGroupIds);
                    if (!request.tags().isEmpty()) {
                        r.tagSpecifications(tagSpecification("vpc-endpoint", request.tags()));
                    }
                    if (request.serviceRegion() != null) {
                        r.serviceRegion(request.serviceRegion());
                    }
                    if (request.ipAddressType() != null) {
                        r.ipAddressType(request.ipAddressType().awsValue());
                    }
                    if (request.dnsRecordIpType() != null) {
                        r.dnsOptions(o -> o.dnsRecordIpType(request.dnsRecordIpType().awsValue()));
                    }
                }).vpcEndpoint());
        return toInterfaceEndpoint(created);
    }

    @Override
    public Optional<InterfaceEndpoint> describeInterfaceEndpoint(AwsTarget consumer, String endpointId) {
        return describeInterfaceEndpoints(consumer, List.of(endpointId)).stream().findFirst();
    }

    @Override
    public List<InterfaceEndpoint> describeInterfaceEndpoints(AwsTarget consumer, Collection<String> endpointIds) {
        if (endpointIds.isEmpty()) {
            return List.of();
        }
        List<String> wanted = List.copyOf(new LinkedHashSet<>(endpointIds));
        try {
            return describeEndpointsById(consumer, wanted);
        } catch (AwsGatewayException e) {
            // AWS fails the whole call when one id is unknown (e.g. deleted long ago); ask one by one to tell which.
            if (e.errorCode().filter(ENDPOINT_NOT_FOUND::equalsIgnoreCase).isEmpty()) {
                throw e;
            }
            if (wanted.size() == 1) {
                return List.of();
            }
            List<InterfaceEndpoint> endpoints = new ArrayList<>();
            for (String endpointId : wanted) {
                endpoints.addAll(describeInterfaceEndpoints(consumer, List.of(endpointId)));
            }
            return endpoints;
        }
    }

    private List<InterfaceEndpoint> describeEndpointsById(AwsTarget consumer, List<String> endpointIds) {
        List<InterfaceEndpoint> endpoints = new ArrayList<>();
        paginate(consumer, "DescribeVpcEndpoints",
                token -> ec2(consumer).describeVpcEndpoints(r -> r.vpcEndpointIds(endpointIds).nextToken(token)
                        .overrideConfiguration(auth(consumer))),
                DescribeVpcEndpointsResponse::nextToken,
                page -> page.vpcEndpoints().forEach(e -> endpoints.add(toInterfaceEndpoint(e))));
        return endpoints;
    }

    private static InterfaceEndpoint toInterfaceEndpoint(VpcEndpoint endpoint) {
        var lastError = endpoint.lastError() == null || endpoint.lastError().code() == null
                ? null : new InterfaceEndpoint.LastError(endpoint.lastError().code(), endpoint.lastError().message());
        return new InterfaceEndpoint(endpoint.vpcEndpointId(), endpoint.stateAsString(), endpoint.serviceName(),
                endpoint.vpcId(), endpoint.subnetIds(),
                endpoint.groups().stream().map(group -> group.groupId()).toList(),
                Boolean.TRUE.equals(endpoint.privateDnsEnabled()), dnsEntries(endpoint.dnsEntries()),
                endpoint.creationTimestamp(), lastError, tags(endpoint.tags()),
                endpoint.ipAddressTypeAsString() == null ? null : IpAddressType.fromAws(endpoint.ipAddressTypeAsString()),
                endpoint.dnsOptions() == null || endpoint.dnsOptions().dnsRecordIpTypeAsString() == null ? null
                        : DnsRecordIpType.fromAws(endpoint.dnsOptions().dnsRecordIpTypeAsString()));
    }

    /** Counted in the endpoints' bucket (CreateVpcEndpoint, ModifyVpcEndpoint, DeleteVpcEndpoints). */
    @Override
    public void modifyInterfaceEndpoint(AwsTarget consumer, String endpointId, InterfaceEndpointChanges changes) {
        if (changes.isEmpty()) {
            return;
        }
        call(consumer, "ModifyVpcEndpoint", ApiBucket.VPC_ENDPOINTS,
                () -> ec2(consumer).modifyVpcEndpoint(r -> {
                    r.vpcEndpointId(endpointId).overrideConfiguration(auth(consumer));
                    ifNotEmpty(changes.addSubnetIds(), r::addSubnetIds);
                    ifNotEmpty(changes.removeSubnetIds(), r::removeSubnetIds);
                    ifNotEmpty(changes.addSecurityGroupIds(), r::addSecurityGroupIds);
                    ifNotEmpty(changes.removeSecurityGroupIds(), r::removeSecurityGroupIds);
                    if (changes.privateDnsEnabled() != null) {
                        r.privateDnsEnabled(changes.privateDnsEnabled());
                    }
                }));
    }

    @Override
    public List<UnsuccessfulItem> deleteInterfaceEndpoints(AwsTarget consumer, Collection<String> endpointIds) {
        if (endpointIds.isEmpty()) {
            return List.of();
        }
        return unsuccessful(call(consumer, "DeleteVpcEndpoints", ApiBucket.VPC_ENDPOINTS,
                () -> ec2(consumer).deleteVpcEndpoints(r -> r.vpcEndpointIds(endpointIds)
                        .overrideConfiguration(auth(consumer))).unsuccessful()));
    }

    // ---------------------------------------------------------------- plumbing

    private Ec2Client ec2(AwsTarget target) {
        return clients.ec2(target);
    }

    /** Usage metrics read with this gateway's clients, sessions and rate budgets. */
    UsageMetrics usageMetrics() {
        return new SdkUsageMetrics(clients, executor);
    }

    private <T> T call(AwsTarget target, String action, ApiBucket bucket, Supplier<T> call) {
        return executor.call(target, action, bucket, call);
    }

    /** Reads all pages: each page is its own rate-limited, retried call. */
    private <P> void paginate(AwsTarget target, String action, Function<String, P> fetch,
            Function<P, String> nextToken, Consumer<P> onPage) {
        String token = null;
        do {
            String current = token;
            P page = call(target, action, ApiBucket.DESCRIBE, () -> fetch.apply(current));
            onPage.accept(page);
            token = nextToken.apply(page);
        } while (token != null && !token.isEmpty());
    }

    /** The request-level credentials: the target's assumed-role session (so one client serves every user). */
    private AwsRequestOverrideConfiguration auth(AwsTarget target) {
        return AwsRequestOverrideConfiguration.builder().credentialsProvider(clients.credentials(target)).build();
    }

    private static Filter filter(String name, String value) {
        return Filter.builder().name(name).values(value).build();
    }

    private static <T> void ifNotEmpty(Collection<T> values, Consumer<Collection<T>> setter) {
        if (!values.isEmpty()) {
            setter.accept(values);
        }
    }

    private static List<String> awsValues(Set<IpAddressType> types) {
        return types.stream().map(IpAddressType::awsValue).sorted().toList();
    }

    private static Set<IpAddressType> ipAddressTypes(List<String> values) {
        Set<IpAddressType> types = EnumSet.noneOf(IpAddressType.class);
        for (String value : values) {
            for (IpAddressType type : IpAddressType.values()) {
                if (type.awsValue().equalsIgnoreCase(value)) {
                    types.add(type);
                }
            }
        }
        return types;
    }

    private static List<DnsEntry> dnsEntries(List<software.amazon.awssdk.services.ec2.model.DnsEntry> entries) {
        return entries.stream().map(entry -> new DnsEntry(entry.dnsName(), entry.hostedZoneId())).toList();
    }

    private static List<UnsuccessfulItem> unsuccessful(
            List<software.amazon.awssdk.services.ec2.model.UnsuccessfulItem> items) {
        return items.stream()
                .map(item -> new UnsuccessfulItem(item.resourceId(),
                        item.error() == null ? null : item.error().code(),
                        item.error() == null ? null : item.error().message()))
                .toList();
    }

    /** Tags to create a resource of {@code resourceType} with, in the given order. */
    private static TagSpecification tagSpecification(String resourceType, Map<String, String> tags) {
        return TagSpecification.builder().resourceType(resourceType)
                .tags(tags.entrySet().stream().map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build())
                        .toList())
                .build();
    }

    /** AWS's tag list as key to value, in AWS's order. */
    private static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        tags.forEach(tag -> map.put(tag.key(), tag.value() == null ? "" : tag.value()));
        return map;
    }

    private static String name(List<Tag> tags) {
        return tags.stream().filter(tag -> "Name".equals(tag.key())).map(Tag::value).findFirst().orElse(null);
    }

    /** The region in a service name {@code com.amazonaws.vpce.<region>.vpce-svc-...}, or {@code null}. */
    static String regionOf(String serviceName) {
        Matcher matcher = SERVICE_NAME_REGION.matcher(serviceName);
        return matcher.find() ? matcher.group(1) : null;
    }

    @Override
    public void close() {
        clients.close();
    }
}
