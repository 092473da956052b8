package dev.linkport.sandbox;

import dev.linkport.sandbox.NextTokenPaging.Page;
import dev.linkport.sandbox.WorldState.Endpoint;
import dev.linkport.sandbox.WorldState.LoadBalancer;
import dev.linkport.sandbox.WorldState.Permission;
import dev.linkport.sandbox.WorldState.SecurityGroup;
import dev.linkport.sandbox.WorldState.Service;
import dev.linkport.sandbox.WorldState.Subnet;
import dev.linkport.sandbox.WorldState.Vpc;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** The EC2 Query API (version 2016-11-15) actions Linkport uses, against the {@link SandboxWorld}. */
final class Ec2Api {

    static final String NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/";
    private static final Set<String> ACTIVE = Set.of("pendingAcceptance", "pending", "available", "modifying");
    private static final Set<String> IP_TYPES = Set.of("ipv4", "ipv6");

    private final SandboxWorld world;

    Ec2Api(SandboxWorld world) {
        this.world = world;
    }

    /** Handles one request; the caller holds the world's lock. */
    String handle(QueryRequest r) {
        if (Boolean.TRUE.equals(r.bool("DryRun"))) {
            throw new AwsException("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", 412);
        }
        String action = r.action();
        return switch (action) {
            case "DescribeAvailabilityZones" -> describeAvailabilityZones(r);
            case "DescribeVpcs" -> describeVpcs(r);
            case "DescribeSubnets" -> describeSubnets(r);
            case "DescribeSecurityGroups" -> describeSecurityGroups(r);
            case "CreateVpcEndpointServiceConfiguration" -> createServiceConfiguration(r);
            case "DescribeVpcEndpointServiceConfigurations" -> describeServiceConfigurations(r);
            case "ModifyVpcEndpointServiceConfiguration" -> modifyServiceConfiguration(r);
            case "DeleteVpcEndpointServiceConfigurations" -> deleteServiceConfigurations(r);
            case "DescribeVpcEndpointServicePermissions" -> describePermissions(r);
            case "ModifyVpcEndpointServicePermissions" -> modifyPermissions(r);
            case "DescribeVpcEndpointConnections" -> describeConnections(r);
            case "AcceptVpcEndpointConnections" -> decideConnections(r, true);
            case "RejectVpcEndpointConnections" -> decideConnections(r, false);
            case "StartVpcEndpointServicePrivateDnsVerification" -> startPrivateDnsVerification(r);
            case "DescribeVpcEndpointServices" -> describeEndpointServices(r);
            case "CreateVpcEndpoint" -> createEndpoint(r);
            case "DescribeVpcEndpoints" -> describeEndpoints(r);
            case "ModifyVpcEndpoint" -> modifyEndpoint(r);
            case "DeleteVpcEndpoints" -> deleteEndpoints(r);
            case "CreateTags" -> createTags(r);
            case "DeleteTags" -> deleteTags(r);
            default -> throw new AwsException("InvalidAction",
                    "The action " + action + " is not valid for this web service.");
        };
    }

    private static Xml response(QueryRequest r) {
        return new Xml().open(r.action() + "Response", NAMESPACE).leaf("requestId", r.requestId());
    }

    private static <T> Page<T> page(QueryRequest r, List<T> items) {
        return NextTokenPaging.page(items, r.integer("MaxResults"), r.get("NextToken"), "InvalidNextToken");
    }

    private static List<String> tagName(String name) {
        return name == null ? List.of() : List.of(name);
    }

    // ---------------------------------------------------------------- networks

    private String describeAvailabilityZones(QueryRequest r) {
        CallerIdentity c = r.caller();
        List<Zones.Zone> zones = new ArrayList<>(Zones.of(c.accountId(), c.region()));
        List<String> names = r.list("ZoneName");
        List<String> ids = r.list("ZoneId");
        if (!names.isEmpty()) {
            zones.removeIf(z -> !names.contains(z.name()));
        }
        if (!ids.isEmpty()) {
            zones.removeIf(z -> !ids.contains(z.id()));
        }
        Map<String, Function<Zones.Zone, Collection<String>>> fields = Map.of(
                "zone-name", z -> List.of(z.name()), "zone-id", z -> List.of(z.id()),
                "region-name", z -> List.of(z.region()), "state", z -> List.of("available"),
                "zone-type", z -> List.of("availability-zone"), "group-name", z -> List.of(z.region()),
                "opt-in-status", z -> List.of("opt-in-not-required"));
        zones = NextTokenPaging.filter(zones, r.filters(), fields);
        return renderZones(r, zones);
    }

    private String renderZones(QueryRequest r, List<Zones.Zone> zones) {
        Xml x = response(r);
        x.items("availabilityZoneInfo", "item", zones, z -> x.leaf("zoneState", "available")
                .leaf("optInStatus", "opt-in-not-required").strings("messageSet", "item", List.of())
                .leaf("regionName", z.region()).leaf("zoneName", z.name()).leaf("zoneId", z.id())
                .leaf("groupName", z.region()).leaf("networkBorderGroup", z.region())
                .leaf("zoneType", "availability-zone"));
        return x.toString();
    }

    private String describeVpcs(QueryRequest r) {
        CallerIdentity c = r.caller();
        List<Vpc> vpcs = world.state().vpcs.values().stream()
                .filter(v -> SandboxWorld.owned(c, v.accountId, v.region)).toList();
        List<String> ids = r.list("VpcId");
        for (String id : ids) {
            world.vpc(c, id).orElseThrow(() -> vpcNotFound(id));
        }
        if (!ids.isEmpty()) {
            vpcs = vpcs.stream().filter(v -> ids.contains(v.id)).toList();
        }
        Map<String, Function<Vpc, Collection<String>>> fields = Map.of(
                "vpc-id", v -> List.of(v.id), "owner-id", v -> List.of(v.accountId),
                "state", v -> List.of("available"), "cidr", v -> List.of(v.cidr),
                "cidr-block-association.cidr-block", v -> List.of(v.cidr), "is-default", v -> List.of("false"),
                "tag:Name", v -> tagName(v.name));
        Page<Vpc> page = page(r, NextTokenPaging.filter(vpcs, r.filters(), fields));
        Xml x = response(r);
        x.items("vpcSet", "item", page.items(), v -> x.leaf("vpcId", v.id).leaf("ownerId", v.accountId)
                .leaf("state", "available").leaf("cidrBlock", v.cidr)
                .items("cidrBlockAssociationSet", "item", List.of(v), a -> x
                        .leaf("associationId", SandboxWorld.stableId("vpc-cidr-assoc-", v.id))
                        .leaf("cidrBlock", v.cidr).open("cidrBlockState").leaf("state", "associated").close())
                .items("ipv6CidrBlockAssociationSet", "item", v.ipv6Cidr == null ? List.<String>of() : List.of(v.ipv6Cidr),
                        cidr -> ipv6Association(x, v.id, cidr).leaf("ipv6Pool", "Amazon")
                                .leaf("networkBorderGroup", v.region))
                .leaf("dhcpOptionsId", SandboxWorld.stableId("dopt-", v.accountId + v.region))
                .leaf("instanceTenancy", "default").leaf("isDefault", false).tags(v.name));
        return x.leaf("nextToken", page.nextToken()).toString();
    }

    private String describeSubnets(QueryRequest r) {
        CallerIdentity c = r.caller();
        List<Subnet> subnets = world.state().subnets.values().stream()
                .filter(s -> SandboxWorld.owned(c, s.accountId, s.region)).toList();
        List<String> ids = r.list("SubnetId");
        for (String id : ids) {
            world.subnet(c, id).orElseThrow(() -> subnetNotFound(id));
        }
        if (!ids.isEmpty()) {
            subnets = subnets.stream().filter(s -> ids.contains(s.id)).toList();
        }
        Map<String, Function<Subnet, Collection<String>>> fields = Map.of(
                "vpc-id", s -> List.of(s.vpcId), "subnet-id", s -> List.of(s.id),
                "availability-zone", s -> List.of(s.zoneName), "availability-zone-id", s -> List.of(world.zoneIdOf(s)),
                "state", s -> List.of("available"), "owner-id", s -> List.of(s.accountId),
                "cidr-block", s -> List.of(s.cidr), "tag:Name", s -> tagName(s.name));
        Page<Subnet> page = page(r, NextTokenPaging.filter(subnets, r.filters(), fields));
        Xml x = response(r);
        x.items("subnetSet", "item", page.items(), s -> x.leaf("subnetId", s.id)
                .leaf("subnetArn", "arn:aws:ec2:" + s.region + ":" + s.accountId + ":subnet/" + s.id)
                .leaf("state", "available").leaf("ownerId", s.accountId).leaf("vpcId", s.vpcId)
                .leaf("cidrBlock", s.cidr).leaf("availableIpAddressCount", s.cidr == null ? 0 : 4091)
                .leaf("availabilityZone", s.zoneName).leaf("availabilityZoneId", world.zoneIdOf(s))
                .leaf("defaultForAz", false).leaf("mapPublicIpOnLaunch", false)
                .leaf("assignIpv6AddressOnCreation", false)
                .items("ipv6CidrBlockAssociationSet", "item", s.ipv6Cidr == null ? List.<String>of() : List.of(s.ipv6Cidr),
                        cidr -> ipv6Association(x, s.id, cidr))
                .leaf("ipv6Native", s.cidr == null)
                .tags(s.name));
        return x.leaf("nextToken", page.nextToken()).toString();
    }

    private static Xml ipv6Association(Xml x, String resourceId, String cidr) {
        return x.leaf("associationId", SandboxWorld.stableId(resourceId.startsWith("vpc-") ? "vpc-cidr-assoc-"
                        : "subnet-cidr-assoc-", resourceId + "/" + cidr))
                .leaf("ipv6CidrBlock", cidr).open("ipv6CidrBlockState").leaf("state", "associated").close();
    }

    private String describeSecurityGroups(QueryRequest r) {
        CallerIdentity c = r.caller();
        List<SecurityGroup> groups = world.state().securityGroups.values().stream()
                .filter(g -> SandboxWorld.owned(c, g.accountId, g.region)).toList();
        List<String> ids = r.list("GroupId");
        for (String id : ids) {
            world.group(c, id).orElseThrow(() -> groupNotFound(id));
        }
        if (!ids.isEmpty()) {
            groups = groups.stream().filter(g -> ids.contains(g.id)).toList();
        }
        List<String> names = r.list("GroupName");
        if (!names.isEmpty()) {
            groups = groups.stream().filter(g -> names.contains(g.name)).toList();
        }
        Map<String, Function<SecurityGroup, Collection<String>>> fields = Map.of(
                "vpc-id", g -> List.of(g.vpcId), "group-id", g -> List.of(g.id), "group-name", g -> List.of(g.name),
                "owner-id", g -> List.of(g.accountId), "description", g -> List.of(g.description),
                "tag:Name", g -> tagName(g.name));
        Page<SecurityGroup> page = page(r, NextTokenPaging.filter(groups, r.filters(), fields));
        Xml x = response(r);
        x.items("securityGroupInfo", "item", page.items(), g -> x.leaf("ownerId", g.accountId)
                .leaf("groupId", g.id).leaf("groupName", g.name).leaf("groupDescription", g.description)
                .leaf("vpcId", g.vpcId)
                .leaf("securityGroupArn", "arn:aws:ec2:" + g.region + ":" + g.accountId + ":security-group/" + g.id)
                .strings("ipPermissions", "item", List.of())
                .items("ipPermissionsEgress", "item", List.of(g), e -> x.leaf("ipProtocol", "-1")
                        .strings("groups", "item", List.of())
                        .items("ipRanges", "item", List.of("0.0.0.0/0"), cidr -> x.leaf("cidrIp", cidr))
                        .strings("ipv6Ranges", "item", List.of()).strings("prefixListIds", "item", List.of()))
                .tags(g.name));
        return x.leaf("nextToken", page.nextToken()).toString();
    }

    // ---------------------------------------------------------------- endpoint services (provider)

    private String createServiceConfiguration(QueryRequest r) {
        CallerIdentity c = r.caller();
        String token = r.get("ClientToken");
        String fingerprint = r.fingerprint();
        if (token != null) {
            for (Service s : world.state().services.values()) {
                if (token.equals(s.clientToken) && SandboxWorld.owned(c, s.accountId, s.region)) {
                    if (!fingerprint.equals(s.fingerprint)) {
                        throw idempotentMismatch();
                    }
                    Xml x = response(r).open("serviceConfiguration");
                    renderServiceConfiguration(x, s);
                    return x.close().leaf("clientToken", token).toString();
                }
            }
        }
        List<String> nlbs = r.list("NetworkLoadBalancerArn");
        if (nlbs.isEmpty()) {
            if (!r.list("GatewayLoadBalancerArn").isEmpty()) {
                throw AwsException.invalidParameter("Gateway Load Balancer endpoint services are not supported by the sandbox");
            }
            throw AwsException.invalidParameter(
                    "exactly one of network_load_balancer_arn or gateway_load_balancer_arn is a required member");
        }
        Service s = new Service();
        s.accountId = c.accountId();
        s.region = c.region();
        s.acceptanceRequired = !Boolean.FALSE.equals(r.bool("AcceptanceRequired"));
        s.loadBalancerArns.addAll(new LinkedHashSet<>(nlbs));
        s.zoneIds.addAll(zoneIdsOf(c, s.loadBalancerArns));
        s.supportedRegions.add(c.region());
        for (String region : r.list("SupportedRegion")) {
            addSupportedRegion(s.supportedRegions, region);
        }
        List<String> ipTypes = r.list("SupportedIpAddressType");
        for (String type : ipTypes.isEmpty() ? List.of("ipv4") : ipTypes) {
            addIpType(s.ipAddressTypes, type);
        }
        requireDualStackForIpv6(c, s.loadBalancerArns, s.ipAddressTypes);
        String privateDnsName = r.get("PrivateDnsName");
        if (privateDnsName != null) {
            setPrivateDnsName(s, privateDnsName);
        }
        s.tags.putAll(SandboxTags.requested(r, "vpc-endpoint-service"));
        s.id = world.randomId("vpce-svc-");
        s.clientToken = token;
        s.fingerprint = fingerprint;
        s.createdAt = world.now();
        world.state().services.put(s.id, s);
        Xml x = response(r).open("serviceConfiguration");
        renderServiceConfiguration(x, s);
        return x.close().leaf("clientToken", token).toString();
    }

    /** The AZ ids the load balancers cover; each must be an existing NLB of the caller's account and region. */
    private List<String> zoneIdsOf(CallerIdentity c, List<String> arns) {
        TreeSet<String> zoneIds = new TreeSet<>();
        for (String arn : arns) {
            LoadBalancer lb = world.loadBalancer(c, arn).orElseThrow(() -> AwsException.invalidParameter(
                    "The load balancer " + arn + " was not found in account " + c.accountId() + " and Region "
                            + c.region()));
            if (!"network".equals(lb.type)) {
                throw AwsException.invalidParameter("The load balancer " + arn + " is not a Network Load Balancer");
            }
            for (String subnetId : lb.subnetIds) {
                zoneIds.add(world.zoneIdOf(world.state().subnets.get(subnetId)));
            }
        }
        return new ArrayList<>(zoneIds);
    }

    /** AWS lets a service support IPv6 only when every one of its network load balancers is dual-stack. */
    private void requireDualStackForIpv6(CallerIdentity c, List<String> arns, List<String> ipTypes) {
        if (!ipTypes.contains("ipv6")) {
            return;
        }
        for (String arn : arns) {
            LoadBalancer lb = world.loadBalancer(c, arn).orElse(null);
            if (lb != null && !"dualstack".equals(lb.ipAddressType)) {
                throw AwsException.invalidParameter("The load balancer " + arn + " must have IP address type "
                        + "dualstack for the endpoint service to support the IP address type ipv6");
            }
        }
    }

    private static void addSupportedRegion(List<String> regions, String region) {
        if (!Zones.knownRegion(region)) {
            throw AwsException.invalidParameter("Invalid region: " + region);
        }
        if (!regions.contains(region)) {
            regions.add(region);
        }
    }

    private static void addIpType(List<String> types, String type) {
        if (!IP_TYPES.contains(type)) {
            throw new AwsException("InvalidParameterValue",
                    "Value (" + type + ") for parameter SupportedIpAddressType is invalid. Valid values: ipv4, ipv6");
        }
        if (!types.contains(type)) {
            types.add(type);
        }
    }

    private void setPrivateDnsName(Service s, String name) {
        String n = name.toLowerCase();
        if (!n.matches("(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}")) {
            throw AwsException.invalidParameter("Invalid private DNS name: " + name);
        }
        s.privateDnsName = n;
        s.dnsVerificationName = "_" + world.randomAlnum(20);
        s.dnsVerificationValue = "vpce:" + world.randomAlnum(20);
        s.dnsState = "pendingVerification";
        s.dnsVerificationRequestedAt = 0;
    }

    private void renderServiceConfiguration(Xml x, Service s) {
        x.items("serviceType", "item", List.of("Interface"), t -> x.leaf("serviceType", t))
                .leaf("serviceId", s.id).leaf("serviceName", s.name()).leaf("serviceState", "Available")
                .strings("availabilityZoneIdSet", "item", s.zoneIds)
                .strings("availabilityZoneSet", "item", SandboxWorld.zoneNames(s.accountId, s.region, s.zoneIds))
                .leaf("acceptanceRequired", s.acceptanceRequired).leaf("managesVpcEndpoints", false)
                .strings("networkLoadBalancerArnSet", "item", s.loadBalancerArns)
                .strings("supportedIpAddressTypeSet", "item", s.ipAddressTypes)
                .strings("baseEndpointDnsNameSet", "item", List.of(s.id + "." + s.region + ".vpce.amazonaws.com"))
                .leaf("privateDnsName", s.privateDnsName);
        x.open("privateDnsNameConfiguration");
        if (s.privateDnsName != null) {
            x.leaf("state", s.dnsState).leaf("type", "TXT").leaf("value", s.dnsVerificationValue)
                    .leaf("name", s.dnsVerificationName);
        }
        x.close().leaf("payerResponsibility", "ServiceOwner");
        SandboxTags.render(x, s.tags);
        x.items("supportedRegionSet", "item", s.supportedRegions, region -> x.leaf("region", region)
                        .leaf("serviceState", "Available"))
                .leaf("remoteAccessEnabled", s.supportedRegions.size() > 1);
    }

    private String describeServiceConfigurations(QueryRequest r) {
        CallerIdentity c = r.caller();
        List<Service> services = world.state().services.values().stream()
                .filter(s -> SandboxWorld.owned(c, s.accountId, s.region)).toList();
        List<String> ids = r.list("ServiceId");
        for (String id : ids) {
            world.ownService(c, id);
        }
        if (!ids.isEmpty()) {
            services = services.stream().filter(s -> ids.contains(s.id)).toList();
        }
        Map<String, Function<Service, Collection<String>>> fields = Map.of(
                "service-name", s -> List.of(s.name()), "service-id", s -> List.of(s.id),
                "service-state", s -> List.of("Available"), "supported-region", s -> s.supportedRegions);
        services = SandboxTags.mutable(services);
        Map<String, List<String>> filters = SandboxTags.filter(services, r.filters(), s -> s.tags);
        Page<Service> page = page(r, NextTokenPaging.filter(services, filters, fields));
        Xml x = response(r);
        x.items("serviceConfigurationSet", "item", page.items(), s -> renderServiceConfiguration(x, s));
        return x.leaf("nextToken", page.nextToken()).toString();
    }

    private String modifyServiceConfiguration(QueryRequest r) {
        CallerIdentity c = r.caller();
        Service s = world.ownService(c, r.required("ServiceId"));
        Boolean acceptance = r.bool("AcceptanceRequired");
        if (acceptance != null) {
            s.acceptanceRequired = acceptance;
        }
        String privateDnsName = r.get("PrivateDnsName");
        if (privateDnsName != null && Boolean.TRUE.equals(r.bool("RemovePrivateDnsName"))) {
            throw AwsException.invalidParameter("PrivateDnsName and RemovePrivateDnsName cannot both be specified");
        }
        if (privateDnsName != null && !privateDnsName.equalsIgnoreCase(s.privateDnsName)) {
            setPrivateDnsName(s, privateDnsName);
        }
        if (Boolean.TRUE.equals(r.bool("RemovePrivateDnsName"))) {
            s.privateDnsName = null;
            s.dnsVerificationName = null;
            s.dnsVerificationValue = null;
            s.dnsState = null;
            s.dnsVerificationRequestedAt = 0;
        }
        List<String> arns = new ArrayList<>(s.loadBalancerArns);
        for (String arn : r.list("AddNetworkLoadBalancerArn")) {
            for (Service other : world.state().services.values()) {
                if (other != s && other.loadBalancerArns.contains(arn)) {
                    throw AwsException.invalidParameter("The load balancer " + arn
                            + " is already associated with another VPC endpoint service (" + other.id + ")");
                }
            }
            if (!arns.contains(arn)) {
                arns.add(arn);
            }
        }
        arns.removeAll(r.list("RemoveNetworkLoadBalancerArn"));
        if (arns.isEmpty()) {
            throw AwsException.invalidParameter("An endpoint service must have at least one load balancer");
        }
        List<String> zoneIds = zoneIdsOf(c, arns);
        List<String> regions = new ArrayList<>(s.supportedRegions);
        List<String> ipTypes = new ArrayList<>(s.ipAddressTypes);
        for (String region : r.list("AddSupportedRegion")) {
            addSupportedRegion(regions, region);
        }
        for (String region : r.list("RemoveSupportedRegion")) {
            if (region.equals(s.region)) {
                throw AwsException.invalidParameter("The service Region " + region + " cannot be removed");
            }
            regions.remove(region);
        }
        for (String type : r.list("AddSupportedIpAddressType")) {
            addIpType(ipTypes, type);
        }
        ipTypes.removeAll(r.list("RemoveSupportedIpAddressType"));
        if (ipTypes.isEmpty()) {
            throw AwsException.invalidParameter("An endpoint service must support at least one IP address type");
        }
        requireDualStackForIpv6(c, arns, ipTypes);
        s.loadBalancerArns = arns;
        s.zoneIds = zoneIds;
        s.supportedRegions = regions;
        s.ipAddressTypes = ipTypes;
        return response(r).leaf("return", true).toString();
    }

    private String deleteServiceConfigurations(QueryRequest r) {
        CallerIdentity c = r.caller();
        List<String> ids = r.list("ServiceId");
        if (ids.isEmpty()) {
            throw AwsException.missing("ServiceId");
        }
        List<String[]> unsuccessful = new ArrayList<>();
        for (String id : ids) {
            Service s = world.state().services.get(id);
            if (s == null || !SandboxWorld.owned(c, s.accountId, s.region)) {
                unsuccessful.add(new String[] {id, "InvalidVpcEndpointService.NotFound",
                        "The VpcEndpointService Id '" + id + "' does not exist"});
            } else if (world.state().endpoints.values().stream()
                    .anyMatch(e -> e.serviceId.equals(id) && ACTIVE.contains(e.state))) {
                unsuccessful.add(new String[] {id, "ExistingVpcEndpointConnections",
                        "Service has existing active VPC Endpoint connections!"});
            } else {
                world.state().services.remove(id);
            }
        }
        return unsuccessful(response(r), unsuccessful).toString();
    }

    private static Xml unsuccessful(Xml x, List<String[]> items) {
        return x.items("unsuccessful", "item", items, u -> x.open("error").leaf("code", u[1]).leaf("message", u[2])
                .close().leaf("resourceId", u[0]));
    }

    private String describePermissions(QueryRequest r) {
        Service s = world.ownService(r.caller(), r.required("ServiceId"));
        Map<String, Function<Permission, Collection<String>>> fields = Map.of(
                "principal", p -> List.of(p.principal), "principal-type", p -> List.of(p.type));
        Page<Permission> page = page(r, NextTokenPaging.filter(s.principals, r.filters(), fields));
        Xml x = response(r);
        x.items("allowedPrincipals", "item", page.items(), p -> x.leaf("principalType", p.type)
                .leaf("principal", p.principal).leaf("servicePermissionId", p.id).strings("tagSet", "item", List.of())
                .leaf("serviceId", s.id));
        return x.leaf("nextToken", page.nextToken()).toString();
    }

    private String modifyPermissions(QueryRequest r) {
        Service s = world.ownService(r.caller(), r.required("ServiceId"));
        List<String> add = r.list("AddAllowedPrincipals");
        List<String> remove = r.list("RemoveAllowedPrincipals");
        List<Permission> added = new ArrayList<>();
        for (String principal : add) {
            String type = principalType(principal);
            if (s.principals.stream().noneMatch(p -> p.principal.equals(principal))) {
                Permission p = new Permission();
                p.id = world.randomId("vpce-svc-perm-");
                p.principal = principal;
                p.type = type;
                s.principals.add(p);
                added.add(p);
            }
        }
        s.principals.removeIf(p -> remove.contains(p.principal));
        Xml x = response(r);
        x.items("addedPrincipalSet", "item", added, p -> x.leaf("principalType", p.type).leaf("principal", p.principal)
                .leaf("servicePermissionId", p.id).leaf("serviceId", s.id));
        return x.leaf("return", true).toString();
    }

    /** The start of an ARN in one of the partitions the sandbox models. */
    private static final String PARTITION = "arn:(aws|aws-cn|aws-us-gov)";

    private static String principalType(String principal) {
        if (principal.equals("*")) {
            return "All";
        }
        if (principal.matches(PARTITION + ":iam::\\d{12}:root")) {
            return "Account";
        }
        if (principal.matches(PARTITION + ":iam::\\d{12}:role/.+")) {
            return "Role";
        }
        if (principal.matches(PARTITION + ":iam::\\d{12}:user/.+")) {
            return "User";
        }
        throw new AwsException("InvalidPrincipal", "Invalid principal " + principal);
    }

    // ---------------------------------------------------------------- connections (provider view of endpoints)

    private String describeConnections(QueryRequest r) {
        CallerIdentity c = r.caller();
        List<Endpoint> connections = world.state().endpoints.values().stream().filter(e -> {
            Service s = world.state().services.get(e.serviceId);
            return s != null && SandboxWorld.owned(c, s.accountId, s.region);
        }).toList();
        Map<String, Function<Endpoint, Collection<String>>> fields = Map.of(
                "service-id", e -> List.of(e.serviceId), "vpc-endpoint-id", e -> List.of(e.id),
                "vpc-endpoint-owner", e -> List.of(e.accountId), "vpc-endpoint-state", e -> List.of(e.state),
                "vpc-endpoint-region", e -> List.of(e.region), "ip-address-type", e -> List.of("ipv4"));
        Page<Endpoint> page = page(r, NextTokenPaging.filter(connections, r.filters(), fields));
        Xml x = response(r);
        x.items("vpcEndpointConnectionSet", "item", page.items(), e -> {
            Service s = world.state().services.get(e.serviceId);
            x.leaf("serviceId", e.serviceId).leaf("vpcEndpointId", e.id).leaf("vpcEndpointOwner", e.accountId)
                    .leaf("vpcEndpointState", e.state).leaf("creationTimestamp", Instant.ofEpochMilli(e.createdAt));
            renderDnsEntries(x, e, false);
            x.strings("networkLoadBalancerArnSet", "item", s.loadBalancerArns)
                    .strings("gatewayLoadBalancerArnSet", "item", List.of()).leaf("ipAddressType", "ipv4")
                    .leaf("vpcEndpointConnectionId", e.connectionId).strings("tagSet", "item", List.of())
                    .leaf("vpcEndpointRegion", e.region);
        });
        return x.leaf("nextToken", page.nextToken()).toString();
    }

    private String decideConnections(QueryRequest r, boolean accept) {
        CallerIdentity c = r.caller();
        Service s = world.ownService(c, r.required("ServiceId"));
        List<String> ids = r.list("VpcEndpointId");
        if (ids.isEmpty()) {
            throw AwsException.missing("VpcEndpointId");
        }
        List<String[]> unsuccessful = new ArrayList<>();
        for (String id : ids) {
            Endpoint e = world.state().endpoints.get(id);
            if (e == null || !e.serviceId.equals(s.id)) {
                unsuccessful.add(new String[] {id, "InvalidVpcEndpointId.NotFound",
                        "The Vpc Endpoint Id '" + id + "' does not exist"});
            } else if (accept && e.state.equals("pendingAcceptance")) {
                e.state = "pending";
                e.stateSince = world.now();
            } else if (!accept && ACTIVE.contains(e.state)) {
                e.state = "rejected";
                e.stateSince = world.now();
            } else {
                unsuccessful.add(new String[] {id, "InvalidState",
                        "Vpc Endpoint " + id + " is in state " + e.state + " and cannot be "
                                + (accept ? "accepted" : "rejected")});
            }
        }
        return unsuccessful(response(r), unsuccessful).toString();
    }

    private String startPrivateDnsVerification(QueryRequest r) {
        Service s = world.ownService(r.caller(), r.required("ServiceId"));
        if (s.privateDnsName == null) {
            throw AwsException.invalidParameter("The service " + s.id + " does not have a private DNS name");
        }
        s.dnsState = "pendingVerification";
        s.dnsVerificationRequestedAt = Math.max(1, world.now());
        return response(r).leaf("return", true).toString();
    }

    // ---------------------------------------------------------------- endpoints (consumer)

    private String describeEndpointServices(QueryRequest r) {
        CallerIdentity c = r.caller();
        List<String> serviceRegions = r.list("ServiceRegion");
        List<String> names = r.list("ServiceName");
        List<Service> services = new ArrayList<>();
        if (!names.isEmpty()) {
            for (String name : names) {
                String region = name.startsWith("com.amazonaws.vpce.") ? name.split("\\.")[3] : null;
                services.add(world.visibleService(c, name, serviceRegions.contains(region) ? region : null));
            }
        } else {
            for (Service s : world.state().services.values()) {
                boolean reachable = s.region.equals(c.region())
                        || serviceRegions.contains(s.region) && s.supportedRegions.contains(c.region());
                if (reachable && world.allowed(c, s)) {
                    services.add(s);
                }
            }
        }
        Map<String, Function<Service, Collection<String>>> fields = Map.of(
                "service-name", s -> List.of(s.name()), "service-type", s -> List.of("Interface"),
                "owner", s -> List.of(s.accountId), "service-region", s -> List.of(s.region));
        Page<Service> page = page(r, NextTokenPaging.filter(services, r.filters(), fields));
        Xml x = response(r);
        x.strings("serviceNameSet", "item", page.items().stream().map(Service::name).toList());
        x.items("serviceDetailSet", "item", page.items(), s -> {
            List<Zones.Zone> zones = consumerZones(c, s);
            x.leaf("serviceName", s.name()).leaf("serviceId", s.id)
                    .items("serviceType", "item", List.of("Interface"), t -> x.leaf("serviceType", t))
                    .leaf("serviceRegion", s.region)
                    .strings("availabilityZoneIdSet", "item", zones.stream().map(Zones.Zone::id).toList())
                    .strings("availabilityZoneSet", "item", zones.stream().map(Zones.Zone::name).toList())
                    .leaf("owner", s.accountId)
                    .strings("baseEndpointDnsNameSet", "item", List.of(s.id + "." + s.region + ".vpce.amazonaws.com"))
                    .leaf("privateDnsName", s.privateDnsName);
            x.items("privateDnsNameSet", "item", s.privateDnsName == null ? List.<String>of() : List.of(s.privateDnsName),
                    n -> x.leaf("privateDnsName", n));
            x.leaf("vpcEndpointPolicySupported", false).leaf("acceptanceRequired", s.acceptanceRequired)
                    .leaf("managesVpcEndpoints", false).leaf("payerResponsibility", "ServiceOwner")
                    .strings("tagSet", "item", List.of())
                    .leaf("privateDnsNameVerificationState", s.privateDnsName == null ? null : s.dnsState)
                    .strings("supportedIpAddressTypeSet", "item", s.ipAddressTypes);
        });
        return x.leaf("nextToken", page.nextToken()).toString();
    }

    /**
     * The service's zones under the consumer's own AZ names; for a remote service, the zones of the consumer's
     * region that serve cross-region endpoints ({@link Zones#servesRemoteServices}).
     */
    private static List<Zones.Zone> consumerZones(CallerIdentity c, Service s) {
        List<Zones.Zone> zones = new ArrayList<>(Zones.of(c.accountId(), c.region()));
        if (s.region.equals(c.region())) {
            zones.removeIf(z -> !s.zoneIds.contains(z.id()));
        } else {
            zones.removeIf(z -> !Zones.servesRemoteServices(z.id()));
        }
        return zones;
    }

    private String createEndpoint(QueryRequest r) {
        CallerIdentity c = r.caller();
        String type = r.get("VpcEndpointType");
        if (type != null && !type.equals("Interface")) {
            throw AwsException.invalidParameter("The sandbox supports only Interface VPC endpoints, not " + type);
        }
        String token = r.get("ClientToken");
        String fingerprint = r.fingerprint();
        if (token != null) {
            for (Endpoint e : world.state().endpoints.values()) {
                if (token.equals(e.clientToken) && SandboxWorld.owned(c, e.accountId, e.region)) {
                    if (!fingerprint.equals(e.fingerprint)) {
                        throw idempotentMismatch();
                    }
                    Xml x = response(r).open("vpcEndpoint");
                    renderEndpoint(x, e);
                    return x.close().leaf("clientToken", token).toString();
                }
            }
        }
        String vpcId = r.required("VpcId");
        Vpc vpc = world.vpc(c, vpcId).orElseThrow(() -> vpcNotFound(vpcId));
        String serviceName = r.required("ServiceName");
        Service s = world.visibleService(c, serviceName, r.get("ServiceRegion"));
        boolean remote = !s.region.equals(c.region());
        List<String> subnetIds = r.list("SubnetId");
        Set<String> zonesUsed = new LinkedHashSet<>();
        for (String subnetId : subnetIds) {
            Subnet subnet = world.subnet(c, subnetId).orElseThrow(() -> subnetNotFound(subnetId));
            if (!subnet.vpcId.equals(vpc.id)) {
                throw AwsException.invalidParameter(
                        "The subnet ID '" + subnetId + "' does not belong to the VPC '" + vpc.id + "'");
            }
            if (!zonesUsed.add(subnet.zoneName)) {
                throw new AwsException("DuplicateSubnetsInSameZone", "Found another VPC endpoint subnet in the "
                        + "availability zone of " + subnetId + ". VPC endpoint subnets should be in different "
                        + "availability zones supported by the VPC endpoint service.");
            }
            String zoneId = world.zoneIdOf(subnet);
            if (remote ? !Zones.servesRemoteServices(zoneId) : !s.zoneIds.contains(zoneId)) {
                throw AwsException.invalidParameter("The VPC endpoint service " + serviceName
                        + " does not support the availability zone of the subnet: " + subnetId + ".");
            }
        }
        String ipAddressType = r.get("IpAddressType") == null ? "ipv4" : r.get("IpAddressType");
        String dnsRecordIpType = r.get("DnsOptions.DnsRecordIpType");
        checkIpTypes(s, serviceName, subnetIds.stream().map(id -> world.state().subnets.get(id)).toList(),
                ipAddressType, dnsRecordIpType);
        List<String> groupIds = r.list("SecurityGroupId");
        for (String groupId : groupIds) {
            SecurityGroup group = world.group(c, groupId).orElseThrow(() -> groupNotFound(groupId));
            if (!group.vpcId.equals(vpc.id)) {
                throw AwsException.invalidParameter("Security group " + groupId + " and subnet "
                        + (subnetIds.isEmpty() ? vpc.id : subnetIds.get(0)) + " belong to different networks.");
            }
        }
        if (groupIds.isEmpty()) {
            world.state().securityGroups.values().stream()
                    .filter(g -> g.vpcId.equals(vpc.id) && g.name.equals("default")).findFirst()
                    .ifPresent(g -> groupIds.add(g.id));
        }
        Boolean privateDns = r.bool("PrivateDnsEnabled");
        boolean dnsVerified = s.privateDnsName != null && "verified".equals(s.dnsState);
        if (Boolean.TRUE.equals(privateDns) && !dnsVerified) {
            throw AwsException.invalidParameter(s.privateDnsName == null
                    ? "Private DNS can't be enabled because the service " + serviceName
                            + " does not provide a private DNS name."
                    : "Private DNS can't be enabled because the private DNS name of the service " + serviceName
                            + " is not verified.");
        }
        Map<String, String> tags = SandboxTags.requested(r, "vpc-endpoint");
        Endpoint e = new Endpoint();
        e.tags.putAll(tags);
        e.id = world.randomId("vpce-");
        e.accountId = c.accountId();
        e.region = c.region();
        e.vpcId = vpc.id;
        e.serviceId = s.id;
        e.serviceName = serviceName;
        e.serviceRegion = s.region;
        e.subnetIds.addAll(subnetIds);
        e.groupIds.addAll(groupIds);
        e.privateDnsEnabled = privateDns == null ? dnsVerified : privateDns;
        e.ipAddressType = ipAddressType;
        e.dnsRecordIpType = dnsRecordIpType == null ? ipAddressType : dnsRecordIpType;
        e.state = s.acceptanceRequired ? "pendingAcceptance" : "pending";
        e.createdAt = world.now();
        e.stateSince = e.createdAt;
        e.dnsSuffix = world.randomAlnum(8);
        e.connectionId = world.randomId("vpce-con-");
        e.privateHostedZoneId = "Z" + world.randomUpper(20);
        e.clientToken = token;
        e.fingerprint = fingerprint;
        world.state().endpoints.put(e.id, e);
        Xml x = response(r).open("vpcEndpoint");
        renderEndpoint(x, e);
        return x.close().leaf("clientToken", token).toString();
    }

    /**
     * What AWS checks of an endpoint's IP address type and DNS record IP type: known values; a service that
     * accepts the type (both types for dual-stack); subnets with the ranges it needs (an IPv4 range for ipv4,
     * IPv6-only subnets for ipv6, both ranges for dualstack); and a record type the address type can serve.
     */
    private static void checkIpTypes(Service s, String serviceName, List<Subnet> subnets, String ipAddressType,
            String dnsRecordIpType) {
        if (!Set.of("ipv4", "ipv6", "dualstack").contains(ipAddressType)) {
            throw new AwsException("InvalidParameterValue", "Value (" + ipAddressType
                    + ") for parameter IpAddressType is invalid. Valid values: ipv4, ipv6, dualstack");
        }
        if (dnsRecordIpType != null && !Set.of("ipv4", "ipv6", "dualstack", "service-defined").contains(dnsRecordIpType)) {
            throw new AwsException("InvalidParameterValue", "Value (" + dnsRecordIpType
                    + ") for parameter DnsRecordIpType is invalid. Valid values: ipv4, ipv6, dualstack, service-defined");
        }
        List<String> needed = ipAddressType.equals("dualstack") ? List.of("ipv4", "ipv6") : List.of(ipAddressType);
        if (!s.ipAddressTypes.containsAll(needed)) {
            throw AwsException.invalidParameter("The VPC endpoint service " + serviceName + " does not support the "
                    + "IP address type " + ipAddressType + "; it supports " + String.join(", ", s.ipAddressTypes));
        }
        for (Subnet subnet : subnets) {
            boolean fits = switch (ipAddressType) {
                case "ipv4" -> subnet.cidr != null;
                case "ipv6" -> subnet.ipv6Cidr != null && subnet.cidr == null;
                default -> subnet.cidr != null && subnet.ipv6Cidr != null;
            };
            if (!fits) {
                throw AwsException.invalidParameter("The subnet " + subnet.id + " does not support the IP address "
                        + "type " + ipAddressType + (ipAddressType.equals("ipv4") ? "" : ipAddressType.equals("ipv6")
                        ? ": it is not an IPv6-only subnet" : ": it needs both an IPv4 and an IPv6 CIDR block") + ".");
            }
        }
        if (dnsRecordIpType != null) {
            boolean allowed = switch (dnsRecordIpType) {
                case "ipv4" -> !ipAddressType.equals("ipv6");
                case "ipv6" -> !ipAddressType.equals("ipv4");
                default -> ipAddressType.equals("dualstack");
            };
            if (!allowed) {
                throw AwsException.invalidParameter("DnsRecordIpType " + dnsRecordIpType
                        + " is not supported for the IpAddressType " + ipAddressType + ".");
            }
        }
    }

    static String ipAddressTypeOf(Endpoint e) {
        return e.ipAddressType == null ? "ipv4" : e.ipAddressType;
    }

    static String dnsRecordIpTypeOf(Endpoint e) {
        return e.dnsRecordIpType == null ? ipAddressTypeOf(e) : e.dnsRecordIpType;
    }

    private void renderEndpoint(Xml x, Endpoint e) {
        x.leaf("vpcEndpointId", e.id).leaf("vpcEndpointType", "Interface").leaf("vpcId", e.vpcId)
                .leaf("serviceName", e.serviceName).leaf("state", e.state)
                .strings("routeTableIdSet", "item", List.of())
                .strings("subnetIdSet", "item", e.subnetIds)
                .items("groupSet", "item", e.groupIds, id -> {
                    SecurityGroup g = world.state().securityGroups.get(id);
                    x.leaf("groupId", id).leaf("groupName", g == null ? null : g.name);
                })
                .leaf("ipAddressType", ipAddressTypeOf(e)).open("dnsOptions")
                .leaf("dnsRecordIpType", dnsRecordIpTypeOf(e)).close()
                .leaf("privateDnsEnabled", e.privateDnsEnabled).leaf("requesterManaged", false)
                .strings("networkInterfaceIdSet", "item",
                        e.subnetIds.stream().map(id -> SandboxWorld.stableId("eni-", e.id + "/" + id)).toList());
        renderDnsEntries(x, e, e.privateDnsEnabled);
        x.leaf("creationTimestamp", Instant.ofEpochMilli(e.createdAt));
        SandboxTags.render(x, e.tags);
        x.leaf("ownerId", e.accountId);
        if (!e.serviceRegion.equals(e.region)) {
            x.leaf("serviceRegion", e.serviceRegion);
        }
    }

    /** Regional name, one zonal name per subnet AZ (the consumer's AZ names), and the private DNS name if enabled. */
    private void renderDnsEntries(Xml x, Endpoint e, boolean withPrivateDns) {
        String base = e.serviceId + "." + e.region + ".vpce.amazonaws.com";
        String zone = Zones.vpceHostedZoneId(e.region);
        List<String[]> entries = new ArrayList<>();
        entries.add(new String[] {e.id + "-" + e.dnsSuffix + "." + base, zone});
        e.subnetIds.stream().map(id -> world.state().subnets.get(id)).filter(java.util.Objects::nonNull)
                .map(s -> s.zoneName).sorted()
                .forEach(z -> entries.add(new String[] {e.id + "-" + e.dnsSuffix + "-" + z + "." + base, zone}));
        Service s = world.state().services.get(e.serviceId);
        if (withPrivateDns && s != null && s.privateDnsName != null) {
            entries.add(new String[] {s.privateDnsName, e.privateHostedZoneId});
        }
        x.items("dnsEntrySet", "item", entries, d -> x.leaf("dnsName", d[0]).leaf("hostedZoneId", d[1]));
    }

    private String describeEndpoints(QueryRequest r) {
        CallerIdentity c = r.caller();
        List<Endpoint> endpoints = world.state().endpoints.values().stream()
                .filter(e -> SandboxWorld.owned(c, e.accountId, e.region)).toList();
        List<String> ids = r.list("VpcEndpointId");
        for (String id : ids) {
            Endpoint e = world.state().endpoints.get(id);
            if (e == null || !SandboxWorld.owned(c, e.accountId, e.region)) {
                throw new AwsException("InvalidVpcEndpointId.NotFound", "The Vpc Endpoint Id '" + id + "' does not exist");
            }
        }
        if (!ids.isEmpty()) {
            endpoints = endpoints.stream().filter(e -> ids.contains(e.id)).toList();
        }
        Map<String, Function<Endpoint, Collection<String>>> fields = Map.of(
                "vpc-endpoint-id", e -> List.of(e.id), "vpc-id", e -> List.of(e.vpcId),
                "service-name", e -> List.of(e.serviceName), "vpc-endpoint-state", e -> List.of(e.state),
                "vpc-endpoint-type", e -> List.of("Interface"), "ip-address-type", e -> List.of(ipAddressTypeOf(e)),
                "service-region", e -> List.of(e.serviceRegion));
        endpoints = SandboxTags.mutable(endpoints);
        Map<String, List<String>> filters = SandboxTags.filter(endpoints, r.filters(), e -> e.tags);
        Page<Endpoint> page = page(r, NextTokenPaging.filter(endpoints, filters, fields));
        Xml x = response(r);
        x.items("vpcEndpointSet", "item", page.items(), e -> renderEndpoint(x, e));
        return x.leaf("nextToken", page.nextToken()).toString();
    }

    /**
     * ModifyVpcEndpoint of an interface endpoint, with AWS's checks: the endpoint is the caller's and not busy; added
     * subnets exist, are in the endpoint's VPC and in zones the service covers, one per zone with the ones it keeps;
     * added security groups exist in the VPC; at least one subnet and one group remain; private DNS only with the
     * service's verified name. Adding what the endpoint has or removing what it has not changes nothing. The
     * endpoint is {@code modifying} until the sandbox's pending delay has passed, then {@code available} again with
     * its network interfaces and zonal DNS names following its subnets.
     */
    private String modifyEndpoint(QueryRequest r) {
        CallerIdentity c = r.caller();
        String id = r.required("VpcEndpointId");
        Endpoint e = world.state().endpoints.get(id);
        if (e == null || !SandboxWorld.owned(c, e.accountId, e.region) || e.state.equals("deleted")) {
            throw new AwsException("InvalidVpcEndpointId.NotFound", "The Vpc Endpoint Id '" + id + "' does not exist");
        }
        if (!e.state.equals("available") && !e.state.equals("pendingAcceptance")) {
            throw new AwsException("IncorrectState", "The VPC endpoint " + id + " is in state " + e.state
                    + " and cannot be modified now.");
        }
        Service s = world.state().services.get(e.serviceId);
        boolean remote = !e.serviceRegion.equals(e.region);
        List<String> subnetIds = new ArrayList<>(e.subnetIds);
        subnetIds.removeAll(r.list("RemoveSubnetId"));
        for (String subnetId : r.list("AddSubnetId")) {
            Subnet subnet = world.subnet(c, subnetId).orElseThrow(() -> subnetNotFound(subnetId));
            if (!subnet.vpcId.equals(e.vpcId)) {
                throw AwsException.invalidParameter(
                        "The subnet ID '" + subnetId + "' does not belong to the VPC '" + e.vpcId + "'");
            }
            if (!remote && (s == null || !s.zoneIds.contains(world.zoneIdOf(subnet)))) {
                throw AwsException.invalidParameter("The VPC endpoint service " + e.serviceName
                        + " does not support the availability zone of the subnet: " + subnetId + ".");
            }
            if (!subnetIds.contains(subnetId)) {
                subnetIds.add(subnetId);
            }
        }
        Set<String> zonesUsed = new LinkedHashSet<>();
        for (String subnetId : subnetIds) {
            Subnet subnet = world.state().subnets.get(subnetId);
            if (subnet != null && !zonesUsed.add(subnet.zoneName)) {
                throw new AwsException("DuplicateSubnetsInSameZone", "Found another VPC endpoint subnet in the "
                        + "availability zone of " + subnetId + ". VPC endpoint subnets should be in different "
                        + "availability zones supported by the VPC endpoint service.");
            }
        }
        if (subnetIds.isEmpty()) {
            throw AwsException.invalidParameter("An interface VPC endpoint needs at least one subnet");
        }
        List<String> groupIds = new ArrayList<>(e.groupIds);
        groupIds.removeAll(r.list("RemoveSecurityGroupId"));
        for (String groupId : r.list("AddSecurityGroupId")) {
            SecurityGroup group = world.group(c, groupId).orElseThrow(() -> groupNotFound(groupId));
            if (!group.vpcId.equals(e.vpcId)) {
                throw AwsException.invalidParameter("Security group " + groupId + " and the VPC endpoint " + id
                        + " belong to different networks.");
            }
            if (!groupIds.contains(groupId)) {
                groupIds.add(groupId);
            }
        }
        if (groupIds.isEmpty()) {
            throw AwsException.invalidParameter("An interface VPC endpoint needs at least one security group");
        }
        Boolean privateDns = r.bool("PrivateDnsEnabled");
        if (Boolean.TRUE.equals(privateDns) && (s == null || s.privateDnsName == null || !"verified".equals(s.dnsState))) {
            throw AwsException.invalidParameter("Private DNS can't be enabled because the service " + e.serviceName
                    + (s == null || s.privateDnsName == null ? " does not provide a private DNS name."
                            : " has no verified private DNS name."));
        }
        boolean changes = !subnetIds.equals(e.subnetIds) || !groupIds.equals(e.groupIds)
                || privateDns != null && privateDns != e.privateDnsEnabled;
        e.subnetIds = subnetIds;
        e.groupIds = groupIds;
        if (privateDns != null) {
            e.privateDnsEnabled = privateDns;
        }
        if (changes && e.state.equals("available")) {
            e.state = "modifying";
            e.stateSince = world.now();
        }
        return response(r).leaf("return", true).toString();
    }

    private String deleteEndpoints(QueryRequest r) {
        CallerIdentity c = r.caller();
        List<String> ids = r.list("VpcEndpointId");
        if (ids.isEmpty()) {
            throw AwsException.missing("VpcEndpointId");
        }
        List<String[]> unsuccessful = new ArrayList<>();
        for (String id : ids) {
            Endpoint e = world.state().endpoints.get(id);
            if (e == null || !SandboxWorld.owned(c, e.accountId, e.region)) {
                unsuccessful.add(new String[] {id, "InvalidVpcEndpoint.NotFound",
                        "The VpcEndpoint Id '" + id + "' does not exist"});
            } else if (!e.state.equals("deleting") && !e.state.equals("deleted")) {
                e.state = "deleting";
                e.stateSince = world.now();
            }
        }
        return unsuccessful(response(r), unsuccessful).toString();
    }

    // ---------------------------------------------------------------- tags

    /** Adds or overwrites tags on the caller's endpoint services and endpoints (the only resources tagged here). */
    private String createTags(QueryRequest r) {
        Map<String, String> tags = SandboxTags.pairs(r, "Tag");
        if (tags.isEmpty()) {
            throw AwsException.missing("Tag");
        }
        SandboxTags.check(tags);
        for (Map<String, String> held : taggable(r)) {
            Map<String, String> after = new java.util.LinkedHashMap<>(held);
            after.putAll(tags);
            SandboxTags.check(after);
        }
        taggable(r).forEach(held -> held.putAll(tags));
        return response(r).leaf("return", true).toString();
    }

    /** Removes tags by key (and value, when given), or all of them when no tag is named. */
    private String deleteTags(QueryRequest r) {
        List<String> keys = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int m = 1; r.get("Tag." + m + ".Key") != null; m++) {
            keys.add(r.get("Tag." + m + ".Key"));
            values.add(r.get("Tag." + m + ".Value"));
        }
        for (Map<String, String> held : taggable(r)) {
            if (keys.isEmpty()) {
                held.clear();
            }
            for (int i = 0; i < keys.size(); i++) {
                String value = values.get(i);
                if (value == null || value.equals(held.get(keys.get(i)))) {
                    held.remove(keys.get(i));
                }
            }
        }
        return response(r).leaf("return", true).toString();
    }

    /** The tags of the resources {@code ResourceId.N} names, each the caller's endpoint service or endpoint. */
    private List<Map<String, String>> taggable(QueryRequest r) {
        CallerIdentity c = r.caller();
        List<String> ids = r.list("ResourceId");
        if (ids.isEmpty()) {
            throw AwsException.missing("ResourceId");
        }
        List<Map<String, String>> found = new ArrayList<>();
        for (String id : ids) {
            if (id.startsWith("vpce-svc-")) {
                found.add(world.ownService(c, id).tags);
            } else if (id.startsWith("vpce-")) {
                Endpoint e = world.state().endpoints.get(id);
                if (e == null || !SandboxWorld.owned(c, e.accountId, e.region)) {
                    throw new AwsException("InvalidVpcEndpointId.NotFound", "The Vpc Endpoint Id '" + id
                            + "' does not exist");
                }
                found.add(e.tags);
            } else {
                throw new AwsException("InvalidID", "The ID '" + id + "' is not valid: the sandbox tags only "
                        + "endpoint services and endpoints");
            }
        }
        return found;
    }

    // ---------------------------------------------------------------- errors

    private static AwsException vpcNotFound(String id) {
        return new AwsException("InvalidVpcID.NotFound", "The vpc ID '" + id + "' does not exist");
    }

    private static AwsException subnetNotFound(String id) {
        return new AwsException("InvalidSubnetID.NotFound", "The subnet ID '" + id + "' does not exist");
    }

    private static AwsException groupNotFound(String id) {
        return new AwsException("InvalidGroup.NotFound", "The security group '" + id + "' does not exist");
    }

    private static AwsException idempotentMismatch() {
        return new AwsException("IdempotentParameterMismatch",
                "Arguments on this idempotent request are inconsistent with arguments used in previous request(s).");
    }
}
