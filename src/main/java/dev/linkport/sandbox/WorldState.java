package dev.linkport.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the sandbox knows, as plain data: what is saved to and loaded from the state file.
 * Only {@link SandboxWorld} touches it, under its lock. Times are epoch milliseconds.
 */
final class WorldState {

    public int version = 1;
    public Map<String, Account> accounts = new LinkedHashMap<>();
    public Map<String, Session> sessions = new LinkedHashMap<>();
    public Map<String, Vpc> vpcs = new LinkedHashMap<>();
    public Map<String, Subnet> subnets = new LinkedHashMap<>();
    public Map<String, SecurityGroup> securityGroups = new LinkedHashMap<>();
    public Map<String, LoadBalancer> loadBalancers = new LinkedHashMap<>();
    public Map<String, TargetGroup> targetGroups = new LinkedHashMap<>();
    public Map<String, Service> services = new LinkedHashMap<>();
    public Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    public Map<String, String> txtRecords = new LinkedHashMap<>();

    /**
     * An AWS account with the role Linkport assumes into it: its trust policy requires {@code externalId}; its
     * permission policy allows every action except {@code deniedActions} (IAM names, {@code ec2:DescribeVpcs}),
     * or, when Linkport's generated {@code policies} are attached ({@code PROVIDER}, {@code CONSUMER}), only what
     * they allow for the team {@code policyTeam}, minus {@code deniedActions}.
     */
    static final class Account {
        public String id;
        public String name;
        public String roleArn;
        public String externalId;
        public List<String> regions = new ArrayList<>();
        public List<String> deniedActions = new ArrayList<>();
        /** Roles besides {@code LinkportAccess} that trust Linkport the same way (ARNs), e.g. one a consumer names. */
        public List<String> otherRoles = new ArrayList<>();
        public List<String> policies = new ArrayList<>();
        public String policyTeam;
    }

    /** Temporary credentials issued by AssumeRole. */
    static final class Session {
        public String accessKeyId;
        public String secretAccessKey;
        public String sessionToken;
        public String accountId;
        public String roleArn;
        public String roleId;
        public String sessionName;
        public long expiresAt;
    }

    static final class Vpc {
        public String id;
        public String accountId;
        public String region;
        public String cidr;
        public String name;
        /** Its Amazon-provided IPv6 /56, or {@code null} for an IPv4-only VPC. */
        public String ipv6Cidr;
    }

    static final class Subnet {
        public String id;
        public String vpcId;
        public String accountId;
        public String region;
        public String zoneName;
        /** Its IPv4 range, or {@code null} for an IPv6-only subnet. */
        public String cidr;
        public String name;
        /** Its IPv6 /64, or {@code null} for an IPv4-only subnet. */
        public String ipv6Cidr;
    }

    static final class SecurityGroup {
        public String id;
        public String vpcId;
        public String accountId;
        public String region;
        public String name;
        public String description;
    }

    static final class LoadBalancer {
        public String arn;
        public String name;
        public String accountId;
        public String region;
        public String vpcId;
        public String type = "network";
        public String scheme = "internal";
        /** {@code ipv4} or {@code dualstack}: only dual-stack NLBs let an endpoint service support IPv6. */
        public String ipAddressType = "ipv4";
        public List<String> subnetIds = new ArrayList<>();
        public long createdAt;
    }

    /**
     * An ELBv2 target group behind load balancers: {@code targetType} {@code instance}, {@code ip} or {@code alb}.
     * IP targets outside the VPC (on premises over Direct Connect or VPN, a peered VPC) are registered in
     * Availability Zone {@code all}, as AWS requires; the others in their subnet's zone.
     */
    static final class TargetGroup {
        public String arn;
        public String name;
        public String accountId;
        public String region;
        public String vpcId;
        public String targetType = "instance";
        public String protocol = "TCP";
        public int port;
        public List<String> loadBalancerArns = new ArrayList<>();
        public List<Target> targets = new ArrayList<>();
    }

    /** A registered target: an instance id, an IP address or an Application Load Balancer's ARN. */
    static final class Target {
        public String id;
        public int port;
        public String availabilityZone;
        public String health = "healthy";
    }

    static final class Permission {
        public String id;
        public String principal;
        public String type;
    }

    /** A VPC endpoint service configuration (provider side). */
    static final class Service {
        public String id;
        public String accountId;
        public String region;
        public boolean acceptanceRequired;
        public List<String> loadBalancerArns = new ArrayList<>();
        public List<String> zoneIds = new ArrayList<>();
        public List<String> supportedRegions = new ArrayList<>();
        public List<String> ipAddressTypes = new ArrayList<>();
        public String privateDnsName;
        public String dnsVerificationName;
        public String dnsVerificationValue;
        public String dnsState;
        public long dnsVerificationRequestedAt;
        public List<Permission> principals = new ArrayList<>();
        public String clientToken;
        public String fingerprint;
        public long createdAt;
        public Map<String, String> tags = new LinkedHashMap<>();

        String name() {
            return "com.amazonaws.vpce." + region + "." + id;
        }
    }

    /** An interface VPC endpoint (consumer side); its connection is the provider's view of it. */
    static final class Endpoint {
        public String id;
        public String accountId;
        public String region;
        public String vpcId;
        public String serviceId;
        public String serviceName;
        public String serviceRegion;
        public List<String> subnetIds = new ArrayList<>();
        public List<String> groupIds = new ArrayList<>();
        public boolean privateDnsEnabled;
        /** {@code ipv4}, {@code ipv6} or {@code dualstack} (null in older state files: ipv4). */
        public String ipAddressType;
        /** DnsOptions' DnsRecordIpType (null in older state files: the IP address type's default). */
        public String dnsRecordIpType;
        public String state;
        public long stateSince;
        public String dnsSuffix;
        public String connectionId;
        public String privateHostedZoneId;
        public String clientToken;
        public String fingerprint;
        public long createdAt;
        public Map<String, String> tags = new LinkedHashMap<>();
    }
}
