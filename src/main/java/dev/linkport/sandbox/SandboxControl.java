package dev.linkport.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Controls a running sandbox from Java (the JSON control API under {@code /_sandbox/} does the same
 * over HTTP): publish DNS TXT records, inject faults, change delays and throttling, add accounts and
 * load balancers, reset the world to its seed.
 */
public final class SandboxControl {

    private final SandboxWorld world;
    private final Faults faults;
    private final Throttle throttle;
    private final RequestCounters counters;

    SandboxControl(SandboxWorld world, Faults faults, Throttle throttle, RequestCounters counters) {
        this.world = world;
        this.faults = faults;
        this.throttle = throttle;
        this.counters = counters;
    }

    /** Requests received, throttled and hit by injected faults since the start or the last {@link #reset()}. */
    public SandboxStats stats() {
        return counters.snapshot();
    }

    /** Publishes (or replaces) a TXT record in the sandbox's public DNS, as a provider would for verification. */
    public void publishTxtRecord(String name, String value) {
        if (name == null || name.isBlank() || value == null) {
            throw new IllegalArgumentException("A TXT record needs a name and a value");
        }
        synchronized (world) {
            world.state().txtRecords.put(stripDot(name.trim().toLowerCase()), SandboxWorld.unquote(value));
            world.changed();
        }
    }

    /** Removes a TXT record; true if it existed. */
    public boolean deleteTxtRecord(String name) {
        synchronized (world) {
            boolean removed = world.state().txtRecords.remove(stripDot(name.trim().toLowerCase())) != null;
            world.changed();
            return removed;
        }
    }

    /** The published TXT records, name to value. */
    public Map<String, String> txtRecords() {
        synchronized (world) {
            return new LinkedHashMap<>(world.state().txtRecords);
        }
    }

    public void injectFault(SandboxFault fault) {
        faults.add(fault);
    }

    public List<SandboxFault> faults() {
        return faults.list();
    }

    public void clearFaults() {
        faults.clear();
    }

    /** The live settings: changes apply to the next request. */
    public SandboxSettings settings() {
        return world.settings();
    }

    /** Turns AWS's throttling on or off; turning it on starts with full buckets. */
    public void throttling(boolean enabled) {
        throttle.reset();
        world.settings().throttling(enabled);
    }

    /** Resets the world to the seed: seeded accounts, networks and load balancers, nothing else. */
    public void reset() {
        world.reset();
        faults.clear();
        throttle.reset();
        counters.reset();
    }

    /**
     * Adds an account whose role {@code LinkportAccess} accepts ExternalId {@code demo-<accountId>}, with a VPC,
     * three subnets and two security groups per region. Adding regions to an existing account is allowed.
     */
    public void createAccount(String accountId, String name, List<String> regions) {
        createAccount(accountId, name, regions, null);
    }

    /**
     * As {@link #createAccount(String, String, List)}, with the ExternalId the role's trust policy requires
     * ({@code null}: {@code demo-<accountId>}), e.g. the one Linkport generated when the account was registered.
     */
    public void createAccount(String accountId, String name, List<String> regions, String externalId) {
        if (accountId == null || !accountId.matches("\\d{12}")) {
            throw new IllegalArgumentException("An account id has 12 digits: " + accountId);
        }
        for (String region : regions) {
            if (!Zones.knownRegion(region)) {
                throw new IllegalArgumentException("Not a region: " + region);
            }
        }
        synchronized (world) {
            world.addAccount(accountId, name == null ? "account-" + accountId : name, regions, externalId,
                    world.now());
            world.changed();
        }
    }

    /** How the account's role lets Linkport in; {@link IllegalArgumentException} for an unknown account. */
    public SandboxRole role(String accountId) {
        synchronized (world) {
            return roleOf(account(accountId));
        }
    }

    /**
     * Changes the account's role, to break it on purpose or mend it: the ExternalId its trust policy requires
     * ({@code null} leaves it) and the IAM actions its permission policy does not allow ({@code null} leaves them,
     * empty allows everything). Applies to the next request, also of sessions assumed before.
     */
    public SandboxRole configureRole(String accountId, String externalId, Collection<String> deniedActions) {
        if (externalId != null && externalId.isBlank()) {
            throw new IllegalArgumentException("An ExternalId must not be blank");
        }
        if (deniedActions != null) {
            for (String action : deniedActions) {
                if (action == null || !action.matches("[a-z0-9-]+:[A-Za-z0-9]+")) {
                    throw new IllegalArgumentException("Not an IAM action (service:Action): " + action);
                }
            }
        }
        synchronized (world) {
            WorldState.Account account = account(accountId);
            if (externalId != null) {
                account.externalId = externalId;
            }
            if (deniedActions != null) {
                account.deniedActions = new java.util.ArrayList<>(new java.util.LinkedHashSet<>(deniedActions));
            }
            world.changed();
            return roleOf(account);
        }
    }

    /**
     * Adds a role to the account that trusts Linkport like its {@code LinkportAccess} role (same ExternalId, same
     * permissions), e.g. the role a consumer names for a service that allows roles; adding it again is a no-op.
     *
     * @param roleName the role's name, optionally with a path ({@code teams/checkout-app})
     * @return the role's ARN
     */
    public String createRole(String accountId, String roleName) {
        if (roleName == null || !roleName.matches("([\\w+=,.@-]+/)*[\\w+=,.@-]{1,64}")) {
            throw new IllegalArgumentException("Not a role name: " + roleName);
        }
        synchronized (world) {
            WorldState.Account account = account(accountId);
            String arn = "arn:aws:iam::" + accountId + ":role/" + roleName;
            if (!account.roleArn.equals(arn) && !account.otherRoles.contains(arn)) {
                account.otherRoles.add(arn);
                world.changed();
            }
            return arn;
        }
    }

    /**
     * Attaches Linkport's generated policies ({@link dev.linkport.aws.LinkportPolicy}) to the account's role, as a
     * team would in IAM, for {@code team} (the name the policies' {@code linkport:team} conditions name); from the
     * next request on, the role allows only what they allow, under their tag conditions. An empty list detaches
     * them: every action but the denied ones is allowed again.
     *
     * @param sides {@code PROVIDER} and/or {@code CONSUMER}
     */
    public SandboxRole attachPolicies(String accountId, String team, Collection<String> sides) {
        List<String> attached = new java.util.ArrayList<>();
        for (String side : sides) {
            String name = side == null ? "" : side.trim().toUpperCase(java.util.Locale.ROOT);
            if (!name.equals("PROVIDER") && !name.equals("CONSUMER")) {
                throw new IllegalArgumentException("Not one of Linkport's policies (PROVIDER, CONSUMER): " + side);
            }
            if (!attached.contains(name)) {
                attached.add(name);
            }
        }
        if (!attached.isEmpty() && (team == null || team.isBlank())) {
            throw new IllegalArgumentException("Attaching Linkport's policies needs the team they are for");
        }
        synchronized (world) {
            WorldState.Account account = account(accountId);
            account.policies = attached;
            account.policyTeam = attached.isEmpty() ? null : team.trim();
            world.changed();
            return roleOf(account);
        }
    }

    private WorldState.Account account(String accountId) {
        WorldState.Account account = world.state().accounts.get(accountId);
        if (account == null) {
            throw new IllegalArgumentException("No account " + accountId + " in the sandbox");
        }
        return account;
    }

    private static SandboxRole roleOf(WorldState.Account account) {
        return new SandboxRole(account.roleArn, account.externalId, account.deniedActions, account.policies,
                account.policyTeam);
    }

    /**
     * Adds one more VPC to the account in the region, with a subnet in each of the first three zones and its default
     * security group: for tests that need a VPC no other test's endpoint is in (a VPC takes one request per service).
     *
     * @return the VPC's id
     */
    public String addVpc(String accountId, String region, String name) {
        synchronized (world) {
            String id = world.addVpc(accountId, region, name).id;
            world.changed();
            return id;
        }
    }

    /**
     * Adds one more subnet to the account's VPC in the region, in the named zone (e.g. {@code us-east-1a}),
     * for tests of what two subnets in one zone do.
     *
     * @return the subnet's id
     */
    public String addSubnet(String accountId, String region, String zoneName) {
        synchronized (world) {
            String id = world.addSubnet(accountId, region, zoneName).id;
            world.changed();
            return id;
        }
    }

    /**
     * Makes the account's VPC in the region dual-stack: an IPv6 /56 for the VPC and an IPv6 /64 for each of its
     * subnets so far; subnets added afterwards ({@link #addSubnet}) stay IPv4-only.
     *
     * @return the VPC's IPv6 range
     */
    public String enableIpv6(String accountId, String region) {
        synchronized (world) {
            String cidr = world.enableIpv6(accountId, region).ipv6Cidr;
            world.changed();
            return cidr;
        }
    }

    /**
     * As {@link #createLoadBalancer}, with an IP address type: {@code ipv4} or {@code dualstack} (only
     * dual-stack load balancers let an endpoint service support IPv6).
     */
    public String createLoadBalancer(String accountId, String region, String name, List<String> zoneLetters,
            String ipAddressType) {
        if (!"ipv4".equals(ipAddressType) && !"dualstack".equals(ipAddressType)) {
            throw new IllegalArgumentException("Not a load balancer IP address type: " + ipAddressType);
        }
        String arn = createLoadBalancer(accountId, region, name, zoneLetters);
        synchronized (world) {
            world.state().loadBalancers.get(arn).ipAddressType = ipAddressType;
            world.changed();
            return arn;
        }
    }

    /**
     * Adds an internal network load balancer to the account's VPC in the region.
     *
     * @param zoneLetters the AZs by letter ({@code a}, {@code b}, {@code c}) whose subnets it spans
     * @return the load balancer's ARN
     */
    public String createLoadBalancer(String accountId, String region, String name, List<String> zoneLetters) {
        if (name == null || !name.matches("[a-zA-Z0-9-]{1,32}")) {
            throw new IllegalArgumentException("Not a load balancer name: " + name);
        }
        synchronized (world) {
            String arn = world.addLoadBalancer(accountId, region, name, zoneLetters, world.now()).arn;
            world.changed();
            return arn;
        }
    }

    /**
     * Registers targets with a new TCP target group behind the load balancer, as a provider would with
     * CreateTargetGroup, RegisterTargets and a listener: {@code ip} addresses in the load balancer's VPC land in their
     * subnet's zone, private addresses outside it (on premises over Direct Connect or VPN) in zone {@code all};
     * {@code instance} ids are spread over its zones; {@code alb} targets are Application Load Balancer ARNs.
     *
     * @param targetType {@code instance}, {@code ip} or {@code alb}
     * @return the target group's ARN
     */
    public String createTargetGroup(String loadBalancerArn, String name, String targetType, int port,
                                    List<String> targets) {
        if (name == null || !name.matches("[a-zA-Z0-9-]{1,32}")) {
            throw new IllegalArgumentException("Not a target group name: " + name);
        }
        synchronized (world) {
            WorldState.LoadBalancer lb = world.state().loadBalancers.get(loadBalancerArn);
            if (lb == null) {
                throw new IllegalArgumentException("No load balancer " + loadBalancerArn + " in the sandbox");
            }
            String arn = world.addTargetGroup(lb, name, targetType, port, targets).arn;
            world.changed();
            return arn;
        }
    }

    /**
     * Adds {@code count} endpoint services behind the account's load balancer in one step, for scale
     * tests and benchmarks (through the API each takes a call, within the rate limits).
     *
     * @return the new services' ids
     */
    public List<String> seedEndpointServices(String accountId, String region, String loadBalancerArn, int count,
                                             boolean acceptanceRequired) {
        synchronized (world) {
            List<String> ids = world.addServices(accountId, region, loadBalancerArn, count, acceptanceRequired);
            world.changed();
            return ids;
        }
    }

    /**
     * Adds {@code count} available interface endpoints of the consumer account to the service in one step.
     *
     * @return the new endpoints' ids
     */
    public List<String> seedConnections(String serviceId, String consumerAccountId, int count) {
        synchronized (world) {
            List<String> ids = world.addConnections(serviceId, consumerAccountId, count);
            world.changed();
            return ids;
        }
    }

    /** Removes endpoint services and their endpoints in one step (what the seeding methods added). */
    public int removeEndpointServices(Collection<String> serviceIds) {
        synchronized (world) {
            int removed = world.removeServices(serviceIds);
            world.changed();
            return removed;
        }
    }

    /**
     * Changes the private DNS verification state of an endpoint service from outside Linkport, as AWS does when
     * it re-checks the domain and no longer finds the TXT record (or finds it again).
     *
     * @param state {@code pendingVerification}, {@code verified} or {@code failed}
     * @throws IllegalArgumentException for an unknown service, one without a private DNS name, or another state
     */
    public void privateDnsState(String serviceId, String state) {
        if (!List.of("pendingVerification", "verified", "failed").contains(state)) {
            throw new IllegalArgumentException("A verification state is pendingVerification, verified or failed: "
                    + state);
        }
        synchronized (world) {
            WorldState.Service s = world.state().services.get(serviceId);
            if (s == null) {
                throw new IllegalArgumentException("No endpoint service " + serviceId + " in the sandbox");
            }
            if (s.privateDnsName == null) {
                throw new IllegalArgumentException("Endpoint service " + serviceId + " has no private DNS name");
            }
            s.dnsState = state;
            s.dnsVerificationRequestedAt = 0;
            world.changed();
        }
    }

    /** The private DNS verification state of an endpoint service, or {@code null} without a private DNS name. */
    public String privateDnsState(String serviceId) {
        synchronized (world) {
            WorldState.Service s = world.state().services.get(serviceId);
            if (s == null) {
                throw new IllegalArgumentException("No endpoint service " + serviceId + " in the sandbox");
            }
            return s.privateDnsName == null ? null : s.dnsState;
        }
    }

    /**
     * Moves an endpoint's creation time back, so that it has a history of {@link SyntheticTraffic} in CloudWatch
     * (tests, demos); an endpoint of another account is the same to the sandbox.
     *
     * @return whether the endpoint exists
     */
    public boolean backdateEndpoint(String endpointId, java.time.Instant createdAt) {
        synchronized (world) {
            WorldState.Endpoint endpoint = world.state().endpoints.get(endpointId);
            if (endpoint == null) {
                return false;
            }
            endpoint.createdAt = createdAt.toEpochMilli();
            world.changed();
            return true;
        }
    }

    /** The whole world as JSON, as it is saved to the state file. */
    public String stateJson() {
        return new String(world.toJson(), StandardCharsets.UTF_8);
    }

    private static String stripDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
