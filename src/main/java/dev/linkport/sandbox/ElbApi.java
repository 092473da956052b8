package dev.linkport.sandbox;

import dev.linkport.sandbox.NextTokenPaging.Page;
import dev.linkport.sandbox.WorldState.LoadBalancer;
import dev.linkport.sandbox.WorldState.Subnet;
import dev.linkport.sandbox.WorldState.TargetGroup;
import java.time.Instant;
import java.util.List;

/**
 * The Elastic Load Balancing v2 Query API (version 2015-12-01): DescribeLoadBalancers, DescribeTargetGroups and
 * DescribeTargetHealth.
 */
final class ElbApi {

    static final String NAMESPACE = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";

    private final SandboxWorld world;

    ElbApi(SandboxWorld world) {
        this.world = world;
    }

    /** Handles one request; the caller holds the world's lock. */
    String handle(QueryRequest r) {
        if ("DescribeTargetGroups".equals(r.action())) {
            return describeTargetGroups(r);
        }
        if ("DescribeTargetHealth".equals(r.action())) {
            return describeTargetHealth(r);
        }
        if (!"DescribeLoadBalancers".equals(r.action())) {
            throw new AwsException("InvalidAction", "The action " + r.action() + " is not valid for this web service.");
        }
        CallerIdentity c = r.caller();
        List<String> names = r.list("Names.member");
        List<String> arns = r.list("LoadBalancerArns.member");
        if (!names.isEmpty() && !arns.isEmpty()) {
            throw new AwsException("ValidationError",
                    "Load balancer names and load balancer ARNs cannot be specified at the same time");
        }
        List<LoadBalancer> all = world.state().loadBalancers.values().stream()
                .filter(lb -> SandboxWorld.owned(c, lb.accountId, lb.region)).toList();
        for (String arn : arns) {
            if (!arn.matches("arn:aws:elasticloadbalancing:[a-z0-9-]+:\\d{12}:loadbalancer/(net|app|gwy)/.+/[0-9a-f]+")) {
                throw new AwsException("ValidationError", "'" + arn + "' is not a valid load balancer ARN");
            }
        }
        List<String> wanted = names.isEmpty() ? arns : names;
        if (!wanted.isEmpty()) {
            List<LoadBalancer> found = all.stream()
                    .filter(lb -> names.isEmpty() ? arns.contains(lb.arn) : names.contains(lb.name)).toList();
            if (found.size() < wanted.size()) {
                throw new AwsException("LoadBalancerNotFound", "One or more load balancers not found");
            }
            all = found;
        }
        Integer pageSize = r.integer("PageSize");
        if (pageSize != null && (pageSize < 1 || pageSize > 400)) {
            throw new AwsException("ValidationError", "1 validation error detected: Value '" + pageSize
                    + "' at 'pageSize' failed to satisfy constraint: Member must have value between 1 and 400");
        }
        Page<LoadBalancer> page = NextTokenPaging.page(all, pageSize, r.get("Marker"), "ValidationError");
        Xml x = new Xml().open("DescribeLoadBalancersResponse", NAMESPACE).open("DescribeLoadBalancersResult");
        x.items("LoadBalancers", "member", page.items(), lb -> x.leaf("LoadBalancerArn", lb.arn)
                .leaf("DNSName", lb.name + "-" + lb.arn.substring(lb.arn.lastIndexOf('/') + 1) + ".elb." + lb.region
                        + ".amazonaws.com")
                .leaf("CanonicalHostedZoneId", Zones.nlbHostedZoneId(lb.region))
                .leaf("CreatedTime", Instant.ofEpochMilli(lb.createdAt)).leaf("LoadBalancerName", lb.name)
                .leaf("Scheme", lb.scheme).leaf("VpcId", lb.vpcId).open("State").leaf("Code", "active").close()
                .leaf("Type", lb.type)
                .items("AvailabilityZones", "member", lb.subnetIds, subnetId -> {
                    Subnet s = world.state().subnets.get(subnetId);
                    x.leaf("ZoneName", s == null ? null : s.zoneName).leaf("SubnetId", subnetId)
                            .strings("LoadBalancerAddresses", "member", List.of());
                })
                .leaf("IpAddressType", lb.ipAddressType == null ? "ipv4" : lb.ipAddressType));
        x.leaf("NextMarker", page.nextToken()).close();
        return x.open("ResponseMetadata").leaf("RequestId", r.requestId()).close().toString();
    }

    /**
     * The caller's target groups: all, those of one load balancer ({@code LoadBalancerArn}), or by ARN or name;
     * at most one of the three, as in AWS.
     */
    private String describeTargetGroups(QueryRequest r) {
        CallerIdentity c = r.caller();
        String loadBalancerArn = r.get("LoadBalancerArn");
        List<String> arns = r.list("TargetGroupArns.member");
        List<String> names = r.list("Names.member");
        if ((loadBalancerArn != null ? 1 : 0) + (arns.isEmpty() ? 0 : 1) + (names.isEmpty() ? 0 : 1) > 1) {
            throw new AwsException("ValidationError",
                    "Only one of load balancer ARN, target group ARNs and target group names can be specified");
        }
        List<TargetGroup> all = world.state().targetGroups.values().stream()
                .filter(g -> SandboxWorld.owned(c, g.accountId, g.region)).toList();
        if (loadBalancerArn != null) {
            if (world.loadBalancer(c, loadBalancerArn).isEmpty()) {
                throw new AwsException("LoadBalancerNotFound", "One or more load balancers not found");
            }
            all = all.stream().filter(g -> g.loadBalancerArns.contains(loadBalancerArn)).toList();
        }
        List<String> wanted = names.isEmpty() ? arns : names;
        if (!wanted.isEmpty()) {
            List<TargetGroup> found = all.stream()
                    .filter(g -> names.isEmpty() ? arns.contains(g.arn) : names.contains(g.name)).toList();
            if (found.size() < wanted.size()) {
                throw new AwsException("TargetGroupNotFound", "One or more target groups not found");
            }
            all = found;
        }
        Integer pageSize = r.integer("PageSize");
        if (pageSize != null && (pageSize < 1 || pageSize > 400)) {
            throw new AwsException("ValidationError", "1 validation error detected: Value '" + pageSize
                    + "' at 'pageSize' failed to satisfy constraint: Member must have value between 1 and 400");
        }
        Page<TargetGroup> page = NextTokenPaging.page(all, pageSize, r.get("Marker"), "ValidationError");
        Xml x = new Xml().open("DescribeTargetGroupsResponse", NAMESPACE).open("DescribeTargetGroupsResult");
        x.items("TargetGroups", "member", page.items(), g -> x.leaf("TargetGroupArn", g.arn)
                .leaf("TargetGroupName", g.name).leaf("Protocol", g.protocol).leaf("Port", g.port)
                .leaf("VpcId", g.vpcId).leaf("HealthCheckProtocol", "TCP").leaf("HealthCheckPort", "traffic-port")
                .leaf("HealthCheckEnabled", true).leaf("HealthCheckIntervalSeconds", 30)
                .leaf("HealthCheckTimeoutSeconds", 10).leaf("HealthyThresholdCount", 5)
                .leaf("UnhealthyThresholdCount", 2)
                .strings("LoadBalancerArns", "member", g.loadBalancerArns)
                .leaf("TargetType", g.targetType).leaf("IpAddressType", "ipv4"));
        x.leaf("NextMarker", page.nextToken()).close();
        return x.open("ResponseMetadata").leaf("RequestId", r.requestId()).close().toString();
    }

    /** The registered targets of one target group with their zone ({@code all}: outside the VPC) and health. */
    private String describeTargetHealth(QueryRequest r) {
        String arn = r.get("TargetGroupArn");
        if (arn == null) {
            throw new AwsException("ValidationError", "1 validation error detected: Value null at 'targetGroupArn' "
                    + "failed to satisfy constraint: Member must not be null");
        }
        TargetGroup group = world.state().targetGroups.get(arn);
        if (group == null || !SandboxWorld.owned(r.caller(), group.accountId, group.region)) {
            throw new AwsException("TargetGroupNotFound", "Target groups '" + arn + "' not found");
        }
        Xml x = new Xml().open("DescribeTargetHealthResponse", NAMESPACE).open("DescribeTargetHealthResult");
        x.items("TargetHealthDescriptions", "member", group.targets, t -> x.open("Target").leaf("Id", t.id)
                .leaf("Port", t.port).leaf("AvailabilityZone", t.availabilityZone).close()
                .leaf("HealthCheckPort", String.valueOf(t.port))
                .open("TargetHealth").leaf("State", t.health).close());
        x.close();
        return x.open("ResponseMetadata").leaf("RequestId", r.requestId()).close().toString();
    }
}
