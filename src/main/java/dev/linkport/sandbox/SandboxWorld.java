package dev.linkport.sandbox;

import dev.linkport.sandbox.WorldState.Account;
import dev.linkport.sandbox.WorldState.Endpoint;
import dev.linkport.sandbox.WorldState.LoadBalancer;
import dev.linkport.sandbox.WorldState.SecurityGroup;
import dev.linkport.sandbox.WorldState.Service;
import dev.linkport.sandbox.WorldState.Session;
import dev.linkport.sandbox.WorldState.Subnet;
import dev.linkport.sandbox.WorldState.Target;
import dev.linkport.sandbox.WorldState.TargetGroup;
import dev.linkport.sandbox.WorldState.Vpc;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox's in-memory AWS: accounts, networks, load balancers, endpoint services and endpoints.
 *
 * <p>Not thread-safe by itself: callers hold the world's monitor ({@code synchronized (world)}) for a
 * whole request, so every request sees and leaves a consistent world. Time-based transitions are
 * computed lazily from timestamps by {@link #advance()} on the sandbox's clock.
 */
final class SandboxWorld {

    static final String HOST_ACCOUNT = "000000000000";
    static final String ROLE_NAME = "LinkportAccess";
    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final Clock clock;
    private final SandboxSettings settings;
    private final SecureRandom random = new SecureRandom();
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile Runnable changeListener = () -> { };
    private WorldState state;

    SandboxWorld(Clock clock, SandboxSettings settings) {
        this.clock = clock;
        this.settings = settings;
        this.state = seed();
    }

    Clock clock() {
        return clock;
    }

    SandboxSettings settings() {
        return settings;
    }

    WorldState state() {
        return state;
    }

    long now() {
        return clock.millis();
    }

    void onChange(Runnable listener) {
        this.changeListener = listener;
    }

    void changed() {
        changeListener.run();
    }

    // ---------------------------------------------------------------- seed, reset, persistence

    synchronized void reset() {
        state = seed();
        changed();
    }

    synchronized byte[] toJson() {
        return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(state);
    }

    synchronized void loadJson(byte[] bytes) {
        state = json.readValue(bytes, WorldState.class);
    }

    WorldState seed() {
        WorldState seeded = new WorldState();
        this.state = seeded;
        long created = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
        addAccount("111111111111", "payments", List.of("us-east-1"), created);
        addAccount("222222222222", "checkout", List.of("us-east-1", "eu-west-1"), created);
        addAccount("333333333333", "analytics", List.of("us-east-1"), created);
        LoadBalancer api = addLoadBalancer("111111111111", "us-east-1", "payments-api", List.of("a", "b"), created);
        LoadBalancer ledger = addLoadBalancer("111111111111", "us-east-1", "payments-ledger", List.of("a", "b", "c"),
                created);
        LoadBalancer warehouse = addLoadBalancer("333333333333", "us-east-1", "warehouse-onprem", List.of("a", "b"),
                created);
        addTargetGroup(api, "payments-api-instances", "instance", 8443, List.of(
                stableId("i-", "payments-api/1"), stableId("i-", "payments-api/2")));
        String ledgerNet = vpcPrefix(ledger.vpcId);
        addTargetGroup(ledger, "payments-ledger-pods", "ip", 9443, List.of(
                ledgerNet + ".0.21", ledgerNet + ".16.21", ledgerNet + ".32.21"));
        // the on-premises pattern: the data centre's servers, reached over Direct Connect, as IP targets outside
        // the VPC (10.200.0.0/16 is the data centre's range)
        addTargetGroup(warehouse, "warehouse-dc-10-200", "ip", 5433, List.of("10.200.10.21", "10.200.10.22"));
        // IPv6: both VPCs in us-east-1 are dual-stack and payments' NLBs take IPv6, so a service can offer IPv6 and
        // checkout can create dual-stack endpoints; NLBs and subnets that tests add stay IPv4-only
        enableIpv6("111111111111", "us-east-1");
        enableIpv6("222222222222", "us-east-1");
        state.loadBalancers.values().stream().filter(lb -> lb.accountId.equals("111111111111"))
                .forEach(lb -> lb.ipAddressType = "dualstack");
        return seeded;
    }

    /**
     * Adds an account with the role {@code LinkportAccess} (ExternalId {@code demo-<account>}) and,
     * per region, a VPC with one subnet in each of the first three AZs and two security groups.
     */
    Account addAccount(String accountId, String name, List<String> regions, long createdAt) {
        return addAccount(accountId, name, regions, null, createdAt);
    }

    /** As {@link #addAccount(String, String, List, long)}, with the ExternalId the role requires (null: the demo's). */
    Account addAccount(String accountId, String name, List<String> regions, String externalId, long createdAt) {
        Account account = state.accounts.get(accountId);
        if (account == null) {
            account = new Account();
            account.id = accountId;
            account.name = name;
            account.roleArn = "arn:aws:iam::" + accountId + ":role/" + ROLE_NAME;
            account.externalId = "demo-" + accountId;
            state.accounts.put(accountId, account);
        }
        if (externalId != null && !externalId.isBlank()) {
            account.externalId = externalId;
        }
        for (String region : regions) {
            if (account.regions.contains(region)) {
                continue;
            }
            account.regions.add(region);
            int octet = (int) (Long.parseLong(accountId) % 200) + account.regions.size() - 1;
            String key = accountId + "/" + region;
            Vpc vpc = new Vpc();
            vpc.id = stableId("vpc-", key + "/vpc");
            vpc.accountId = accountId;
            vpc.region = region;
            vpc.cidr = "10." + octet + ".0.0/16";
            vpc.name = name + "-" + region;
            state.vpcs.put(vpc.id, vpc);
            List<Zones.Zone> zones = Zones.of(accountId, region);
            for (int i = 0; i < 3 && i < zones.size(); i++) {
                Subnet subnet = new Subnet();
                subnet.zoneName = zones.get(i).name();
                subnet.id = stableId("subnet-", key + "/" + subnet.zoneName);
                subnet.vpcId = vpc.id;
                subnet.accountId = accountId;
                subnet.region = region;
                subnet.cidr = "10." + octet + "." + (i * 16) + ".0/20";
                subnet.name = name + "-private-" + subnet.zoneName.substring(region.length());
                state.subnets.put(subnet.id, subnet);
            }
            addGroup(vpc, "default", "default VPC security group");
            addGroup(vpc, name + "-endpoints", "Interface endpoints of " + name);
        }
        return account;
    }

    private void addGroup(Vpc vpc, String name, String description) {
        SecurityGroup group = new SecurityGroup();
        group.id = stableId("sg-", vpc.id + "/" + name);
        group.vpcId = vpc.id;
        group.accountId = vpc.accountId;
        group.region = vpc.region;
        group.name = name;
        group.description = description;
        state.securityGroups.put(group.id, group);
    }

    /** Adds one more subnet to the account's VPC in the region, in the zone with this name (e.g. us-east-1a). */
    Subnet addSubnet(String accountId, String region, String zoneName) {
        Vpc vpc = state.vpcs.values().stream()
                .filter(v -> v.accountId.equals(accountId) && v.region.equals(region)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No VPC in " + accountId + "/" + region));
        long inVpc = state.subnets.values().stream().filter(s -> s.vpcId.equals(vpc.id)).count();
        Subnet subnet = new Subnet();
        subnet.zoneName = zoneName;
        subnet.id = stableId("subnet-", vpc.id + "/" + zoneName + "/" + inVpc);
        subnet.vpcId = vpc.id;
        subnet.accountId = accountId;
        subnet.region = region;
        subnet.cidr = vpc.cidr.substring(0, vpc.cidr.indexOf(".0.0/16")) + "." + (128 + inVpc * 16) + ".0/20";
        subnet.name = "extra-" + zoneName.substring(region.length()) + "-" + inVpc;
        state.subnets.put(subnet.id, subnet);
        return subnet;
    }

    /**
     * Gives the account's VPC in the region an IPv6 /56 and each of its subnets that has none an IPv6 /64 (they
     * become dual-stack), as AWS's "Edit CIDRs" and "Edit IPv6 CIDRs" do. Subnets added later stay IPv4-only.
     */
    Vpc enableIpv6(String accountId, String region) {
        Vpc vpc = state.vpcs.values().stream()
                .filter(v -> v.accountId.equals(accountId) && v.region.equals(region)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No VPC in " + accountId + "/" + region));
        if (vpc.ipv6Cidr == null) {
            // 2600:1f18:<4 hex digits>:<2 hex digits>00::/56, derived from the VPC id like AWS's pool hands them out
            String hex = stableHex(vpc.id + "/ipv6", 6);
            vpc.ipv6Cidr = "2600:1f18:" + hex.substring(0, 4) + ":" + hex.substring(4, 6) + "00::/56";
        }
        String prefix = vpc.ipv6Cidr.substring(0, vpc.ipv6Cidr.indexOf("00::/56"));
        int n = 0;
        for (Subnet s : state.subnets.values()) {
            if (s.vpcId.equals(vpc.id) && s.ipv6Cidr == null) {
                while (true) {
                    String candidate = prefix + String.format("%02x", n++) + "::/64";
                    if (state.subnets.values().stream().noneMatch(o -> candidate.equals(o.ipv6Cidr))) {
                        s.ipv6Cidr = candidate;
                        break;
                    }
                }
            }
        }
        return vpc;
    }

    /**
     * Adds one more VPC to the account in the region, with one subnet in each of the first three AZs and the default
     * security group, as {@link #addAccount} makes the first one (CIDR {@code 172.<n>.0.0/16}).
     */
    Vpc addVpc(String accountId, String region, String name) {
        long count = state.vpcs.values().stream()
                .filter(v -> v.accountId.equals(accountId) && v.region.equals(region)).count();
        String key = accountId + "/" + region + "/vpc-" + count;
        Vpc vpc = new Vpc();
        vpc.id = stableId("vpc-", key);
        vpc.accountId = accountId;
        vpc.region = region;
        vpc.cidr = "172." + (16 + count % 200) + ".0.0/16";
        vpc.name = name;
        state.vpcs.put(vpc.id, vpc);
        List<Zones.Zone> zones = Zones.of(accountId, region);
        for (int i = 0; i < 3 && i < zones.size(); i++) {
            Subnet subnet = new Subnet();
            subnet.zoneName = zones.get(i).name();
            subnet.id = stableId("subnet-", key + "/" + subnet.zoneName);
            subnet.vpcId = vpc.id;
            subnet.accountId = accountId;
            subnet.region = region;
            subnet.cidr = vpc.cidr.substring(0, vpc.cidr.indexOf(".0.0/16")) + "." + (i * 16) + ".0/20";
            subnet.name = name + "-" + subnet.zoneName.substring(region.length());
            state.subnets.put(subnet.id, subnet);
        }
        addGroup(vpc, "default", "default VPC security group");
        return vpc;
    }

    /** Adds an internal network load balancer in the account's VPC, in the AZs with the given letters. */
    LoadBalancer addLoadBalancer(String accountId, String region, String name, List<String> zoneLetters,
            long createdAt) {
        Vpc vpc = state.vpcs.values().stream()
                .filter(v -> v.accountId.equals(accountId) && v.region.equals(region)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No VPC in " + accountId + "/" + region));
        LoadBalancer lb = new LoadBalancer();
        lb.name = name;
        lb.accountId = accountId;
        lb.region = region;
        lb.vpcId = vpc.id;
        lb.createdAt = createdAt;
        lb.arn = "arn:aws:elasticloadbalancing:" + region + ":" + accountId + ":loadbalancer/net/" + name + "/"
                + stableHex(accountId + "/" + region + "/" + name, 16);
        for (String letter : zoneLetters) {
            String zoneName = region + letter;
            Subnet subnet = state.subnets.values().stream()
                    .filter(s -> s.vpcId.equals(vpc.id) && s.zoneName.equals(zoneName)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No subnet in " + zoneName));
            lb.subnetIds.add(subnet.id);
        }
        state.loadBalancers.put(lb.arn, lb);
        return lb;
    }

    /**
     * Adds a TCP target group behind the load balancer with the targets registered. {@code ip} targets in a subnet
     * of the load balancer's VPC are in that subnet's zone; IP addresses outside the VPC must be private (RFC 1918
     * or RFC 6598, as AWS requires) and are registered in zone {@code all}. {@code instance} targets are spread over
     * the load balancer's zones; {@code alb} targets (ARNs) have no zone.
     */
    TargetGroup addTargetGroup(LoadBalancer lb, String name, String targetType, int port, List<String> targetIds) {
        if (!List.of("instance", "ip", "alb").contains(targetType)) {
            throw new IllegalArgumentException("Not a target type (instance, ip, alb): " + targetType);
        }
        TargetGroup group = new TargetGroup();
        group.name = name;
        group.accountId = lb.accountId;
        group.region = lb.region;
        group.vpcId = lb.vpcId;
        group.targetType = targetType;
        group.port = port;
        group.arn = "arn:aws:elasticloadbalancing:" + lb.region + ":" + lb.accountId + ":targetgroup/" + name + "/"
                + stableHex(lb.arn + "/" + name, 16);
        group.loadBalancerArns.add(lb.arn);
        for (int i = 0; i < targetIds.size(); i++) {
            Target target = new Target();
            target.id = targetIds.get(i);
            target.port = port;
            target.availabilityZone = switch (targetType) {
                case "ip" -> zoneOfAddress(lb.vpcId, target.id);
                case "instance" -> state.subnets.get(lb.subnetIds.get(i % lb.subnetIds.size())).zoneName;
                default -> null;
            };
            group.targets.add(target);
        }
        state.targetGroups.put(group.arn, group);
        return group;
    }

    /** The zone of the VPC's subnet holding the address, or {@code all} for a private address outside the VPC. */
    private String zoneOfAddress(String vpcId, String address) {
        long ip = ipv4(address);
        if (ip < 0) {
            throw new IllegalArgumentException("Not an IPv4 address: " + address);
        }
        Vpc vpc = state.vpcs.get(vpcId);
        if (inCidr(ip, vpc.cidr)) {
            return state.subnets.values().stream().filter(s -> s.vpcId.equals(vpcId) && inCidr(ip, s.cidr))
                    .map(s -> s.zoneName).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(address + " is in " + vpc.cidr
                            + " but in none of its subnets"));
        }
        boolean privateRange = inCidr(ip, "10.0.0.0/8") || inCidr(ip, "172.16.0.0/12") || inCidr(ip, "192.168.0.0/16")
                || inCidr(ip, "100.64.0.0/10");
        if (!privateRange) {
            throw new IllegalArgumentException(address + " is outside the VPC and not private (RFC 1918 or RFC 6598): "
                    + "AWS accepts no publicly routable IP targets");
        }
        return "all";
    }

    /** The first two octets of a VPC's /16, e.g. {@code 10.111}. */
    private String vpcPrefix(String vpcId) {
        String cidr = state.vpcs.get(vpcId).cidr;
        return cidr.substring(0, cidr.indexOf(".0.0/"));
    }

    static long ipv4(String address) {
        String[] parts = address == null ? new String[0] : address.split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long value = 0;
        for (String part : parts) {
            if (!part.matches("\\d{1,3}") || Integer.parseInt(part) > 255) {
                return -1;
            }
            value = value * 256 + Integer.parseInt(part);
        }
        return value;
    }

    static boolean inCidr(long ip, String cidr) {
        int slash = cidr.indexOf('/');
        long base = ipv4(cidr.substring(0, slash));
        int bits = Integer.parseInt(cidr.substring(slash + 1));
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return base >= 0 && (ip & mask) == (base & mask);
    }

    /**
     * Adds {@code count} endpoint services behind one of the account's load balancers at once, as if
     * created earlier (for scale tests and benchmarks; the API creates one per call).
     */
    List<String> addServices(String accountId, String region, String loadBalancerArn, int count,
            boolean acceptanceRequired) {
        LoadBalancer lb = state.loadBalancers.get(loadBalancerArn);
        if (lb == null || !lb.accountId.equals(accountId) || !lb.region.equals(region)) {
            throw new IllegalArgumentException("No load balancer " + loadBalancerArn + " in " + accountId + "/" + region);
        }
        List<String> zoneIds = lb.subnetIds.stream().map(id -> zoneIdOf(state.subnets.get(id))).sorted().toList();
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Service service = new Service();
            service.id = randomId("vpce-svc-");
            service.accountId = accountId;
            service.region = region;
            service.acceptanceRequired = acceptanceRequired;
            service.loadBalancerArns.add(loadBalancerArn);
            service.zoneIds.addAll(zoneIds);
            service.supportedRegions.add(region);
            service.ipAddressTypes.add("ipv4");
            service.createdAt = now();
            state.services.put(service.id, service);
            ids.add(service.id);
        }
        return ids;
    }

    /** Adds {@code count} available endpoints of the consumer account (its VPC in the service's region) to the service. */
    List<String> addConnections(String serviceId, String consumerAccountId, int count) {
        Service service = state.services.get(serviceId);
        if (service == null) {
            throw new IllegalArgumentException("No endpoint service " + serviceId);
        }
        Vpc vpc = state.vpcs.values().stream()
                .filter(v -> v.accountId.equals(consumerAccountId) && v.region.equals(service.region)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No VPC in " + consumerAccountId + "/" + service.region));
        List<String> subnets = state.subnets.values().stream().filter(s -> s.vpcId.equals(vpc.id))
                .filter(s -> service.zoneIds.contains(zoneIdOf(s))).map(s -> s.id).toList();
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Endpoint e = new Endpoint();
            e.id = randomId("vpce-");
            e.accountId = consumerAccountId;
            e.region = service.region;
            e.vpcId = vpc.id;
            e.serviceId = service.id;
            e.serviceName = service.name();
            e.serviceRegion = service.region;
            e.subnetIds.addAll(subnets);
            e.state = "available";
            e.createdAt = now();
            e.stateSince = e.createdAt;
            e.dnsSuffix = randomAlnum(8);
            e.connectionId = randomId("vpce-con-");
            e.privateHostedZoneId = "Z" + randomUpper(20);
            state.endpoints.put(e.id, e);
            ids.add(e.id);
        }
        return ids;
    }

    /** Removes endpoint services and every endpoint connected to them, as if deleted long ago. */
    int removeServices(Collection<String> serviceIds) {
        Set<String> gone = new HashSet<>(serviceIds);
        state.endpoints.values().removeIf(e -> gone.contains(e.serviceId));
        int before = state.services.size();
        state.services.keySet().removeAll(gone);
        return before - state.services.size();
    }

    // ---------------------------------------------------------------- callers

    /** Resolves the caller from the access key id; keys the sandbox did not issue act as the host account. */
    CallerIdentity caller(String accessKeyId, String region) {
        Session session = accessKeyId == null ? null : state.sessions.get(accessKeyId);
        if (session == null) {
            return new CallerIdentity(HOST_ACCOUNT, region, "arn:aws:iam::" + HOST_ACCOUNT + ":root", HOST_ACCOUNT, null);
        }
        if (session.expiresAt <= now()) {
            throw new AwsException("ExpiredToken", "The security token included in the request is expired", 400);
        }
        String roleName = session.roleArn.substring(session.roleArn.lastIndexOf('/') + 1);
        return new CallerIdentity(session.accountId, region,
                "arn:aws:sts::" + session.accountId + ":assumed-role/" + roleName + "/" + session.sessionName,
                session.roleId + ":" + session.sessionName, session.roleArn);
    }

    /**
     * Refuses a call of an assumed role whose account's permission policy does not allow the action, the way the
     * service answers: EC2 {@code UnauthorizedOperation}, ELBv2 {@code AccessDenied}, both HTTP 403 and naming the
     * IAM action. Calls with keys the sandbox did not issue (the host account) are always allowed.
     */
    void authorize(CallerIdentity c, String service, String action) {
        if (c.roleArn() == null || "sts".equals(service)) {
            return;
        }
        Account account = state.accounts.get(c.accountId());
        String iamAction = service + ":" + action;
        if (account == null || account.deniedActions.stream().noneMatch(iamAction::equalsIgnoreCase)) {
            return;
        }
        String denial = "User: " + c.arn() + " is not authorized to perform: " + iamAction
                + " because no identity-based policy allows the " + iamAction + " action";
        if ("ec2".equals(service)) {
            throw new AwsException("UnauthorizedOperation",
                    "You are not authorized to perform this operation. " + denial, 403);
        }
        throw new AwsException("AccessDenied", denial, 403);
    }

    // ---------------------------------------------------------------- time

    /** Applies every transition that is due on the sandbox clock. */
    void advance() {
        long now = now();
        boolean changed = false;
        Iterator<Endpoint> it = state.endpoints.values().iterator();
        while (it.hasNext()) {
            Endpoint e = it.next();
            if ("pending".equals(e.state) && now >= e.stateSince + settings.pendingToAvailable().toMillis()) {
                e.stateSince += settings.pendingToAvailable().toMillis();
                e.state = "available";
                changed = true;
            }
            if ("modifying".equals(e.state) && now >= e.stateSince + settings.pendingToAvailable().toMillis()) {
                e.stateSince += settings.pendingToAvailable().toMillis();
                e.state = "available";
                changed = true;
            }
            if ("deleting".equals(e.state) && now >= e.stateSince + settings.deletingToDeleted().toMillis()) {
                e.stateSince += settings.deletingToDeleted().toMillis();
                e.state = "deleted";
                changed = true;
            }
            if ("deleted".equals(e.state) && now >= e.stateSince + settings.deletedRetention().toMillis()) {
                it.remove();
                changed = true;
            }
        }
        for (Service s : state.services.values()) {
            if (s.dnsVerificationRequestedAt > 0
                    && now >= s.dnsVerificationRequestedAt + settings.privateDnsVerification().toMillis()) {
                s.dnsVerificationRequestedAt = 0;
                s.dnsState = txtPublished(s) ? "verified" : "failed";
                changed = true;
            }
        }
        changed |= state.sessions.values().removeIf(s -> s.expiresAt + 3_600_000L < now);
        if (changed) {
            changed();
        }
    }

    /** Whether the service's verification TXT record is published at its private DNS name or a parent domain. */
    boolean txtPublished(Service s) {
        if (s.privateDnsName == null || s.dnsVerificationName == null) {
            return false;
        }
        String domain = s.privateDnsName.startsWith("*.") ? s.privateDnsName.substring(2) : s.privateDnsName;
        while (domain.contains(".")) {
            String value = state.txtRecords.get((s.dnsVerificationName + "." + domain).toLowerCase());
            if (value != null && unquote(value).equals(s.dnsVerificationValue)) {
                return true;
            }
            domain = domain.substring(domain.indexOf('.') + 1);
        }
        return false;
    }

    static String unquote(String value) {
        String v = value.trim();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    // ---------------------------------------------------------------- lookups

    Optional<Vpc> vpc(CallerIdentity c, String id) {
        return Optional.ofNullable(state.vpcs.get(id)).filter(v -> owned(c, v.accountId, v.region));
    }

    Optional<Subnet> subnet(CallerIdentity c, String id) {
        return Optional.ofNullable(state.subnets.get(id)).filter(s -> owned(c, s.accountId, s.region));
    }

    Optional<SecurityGroup> group(CallerIdentity c, String id) {
        return Optional.ofNullable(state.securityGroups.get(id)).filter(g -> owned(c, g.accountId, g.region));
    }

    Optional<LoadBalancer> loadBalancer(CallerIdentity c, String arn) {
        return Optional.ofNullable(state.loadBalancers.get(arn)).filter(l -> owned(c, l.accountId, l.region));
    }

    /** A service configuration the caller owns (provider side), or {@code InvalidVpcEndpointServiceId.NotFound}. */
    Service ownService(CallerIdentity c, String serviceId) {
        if (serviceId == null) {
            throw AwsException.missing("ServiceId");
        }
        Service s = state.services.get(serviceId);
        if (s == null || !owned(c, s.accountId, s.region)) {
            throw serviceIdNotFound(serviceId);
        }
        return s;
    }

    static AwsException serviceIdNotFound(String serviceId) {
        return new AwsException("InvalidVpcEndpointServiceId.NotFound",
                "The VpcEndpointService Id '" + serviceId + "' does not exist");
    }

    static boolean owned(CallerIdentity c, String accountId, String region) {
        return c.accountId().equals(accountId) && c.region().equals(region);
    }

    /** Whether the caller may see and connect to the service: its owner, or an allowed principal. */
    boolean allowed(CallerIdentity c, Service s) {
        if (s.accountId.equals(c.accountId())) {
            return true;
        }
        return s.principals.stream().anyMatch(p -> p.principal.equals("*") || p.principal.equals(c.rootArn())
                || p.principal.equals(c.roleArn()));
    }

    /**
     * The service behind a service name as the consumer may use it, or {@code InvalidServiceName} as if
     * it did not exist: unknown, not allowed, or in another region that it does not support.
     *
     * @param serviceRegion the region the consumer asked for (cross-region), or null for its own
     */
    Service visibleService(CallerIdentity c, String serviceName, String serviceRegion) {
        AwsException notFound = new AwsException("InvalidServiceName",
                "The Vpc Endpoint Service '" + serviceName + "' does not exist");
        String id = serviceName == null ? null : serviceName.substring(serviceName.lastIndexOf('.') + 1);
        Service s = id == null ? null : state.services.get(id);
        if (s == null || !s.name().equals(serviceName) || !allowed(c, s)) {
            throw notFound;
        }
        boolean local = s.region.equals(c.region());
        if (local && (serviceRegion == null || serviceRegion.equals(s.region))) {
            return s;
        }
        if (!local && s.region.equals(serviceRegion) && s.supportedRegions.contains(c.region())) {
            return s;
        }
        throw notFound;
    }

    /** The AZ names under which an account sees the given AZ ids of a region. */
    static List<String> zoneNames(String accountId, String region, List<String> zoneIds) {
        List<String> names = new ArrayList<>();
        for (Zones.Zone z : Zones.of(accountId, region)) {
            if (zoneIds.contains(z.id())) {
                names.add(z.name());
            }
        }
        return names;
    }

    String zoneIdOf(Subnet s) {
        return Zones.idOf(s.accountId, s.region, s.zoneName).orElseThrow();
    }

    // ---------------------------------------------------------------- ids

    String randomId(String prefix) {
        return prefix + "0" + randomHex(16);
    }

    String randomHex(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(Character.forDigit(random.nextInt(16), 16));
        }
        return sb.toString();
    }

    String randomAlnum(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
        }
        return sb.toString();
    }

    String randomSecret(int length) {
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(chars.charAt(random.nextInt(chars.length())));
        }
        return sb.toString();
    }

    String randomUpper(int length) {
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(chars.charAt(random.nextInt(chars.length())));
        }
        return sb.toString();
    }

    /** A deterministic AWS-style id: prefix, then 17 hex digits derived from the seed text. */
    static String stableId(String prefix, String seed) {
        return prefix + "0" + stableHex(seed, 16);
    }

    static String stableHex(String seed, int length) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, length);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
