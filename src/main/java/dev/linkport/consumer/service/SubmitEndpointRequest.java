package dev.linkport.consumer.service;

import dev.linkport.aws.DnsRecordIpType;
import dev.linkport.aws.IpAddressType;
import dev.linkport.platform.AwsIds;
import dev.linkport.platform.FreeText;
import java.util.ArrayList;
import java.util.Collections;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * A consumer's request for an interface endpoint; the same rules in view and API.
 *
 * @param principalRoleArn for a service that allows roles ({@link dev.linkport.catalog.PrincipalMode#ROLE}): the IAM
 *                         role of the account that may connect, and that Linkport creates the endpoint as; blank or
 *                         {@code null} for the account's Linkport role
 * @param ipAddressType    the addresses the endpoint's network interfaces get: {@code IPV4} (also for {@code null}),
 *                         {@code IPV6} (IPv6-only subnets) or {@code DUALSTACK} (subnets with both ranges); the
 *                         service must support it
 * @param dnsRecordIpType  the DNS records AWS creates for its names; {@code null} for AWS's default (the IP address
 *                         type's own)
 * @param expectedGbPerMonth the traffic the requester expects through the endpoint, GB per month, for the cost
 *                         estimate; {@code null} when not given
 */
public record SubmitEndpointRequest(
        @NotNull(message = "Choose the service") UUID serviceId,
        @NotBlank(message = "Choose one of your team's accounts")
        @Pattern(regexp = AwsIds.ACCOUNT_ID, message = AwsIds.ACCOUNT_ID_MESSAGE) String accountId,
        @NotBlank(message = "Choose the region")
        @Pattern(regexp = AwsIds.REGION, message = AwsIds.REGION_MESSAGE) String region,
        @NotBlank(message = "Choose the VPC")
        @Pattern(regexp = VPC_ID, message = "A VPC id looks like vpc-0123456789abcdef0") String vpcId,
        @NotEmpty(message = "Choose at least one subnet")
        @Size(max = MAX_SUBNETS, message = "At most " + MAX_SUBNETS + " subnets: one per availability zone")
        List<@NotNull(message = SUBNET_MESSAGE) @Pattern(regexp = SUBNET_ID, message = SUBNET_MESSAGE) String> subnetIds,
        @Size(max = MAX_SECURITY_GROUPS, message = "At most " + MAX_SECURITY_GROUPS
                + " security groups (AWS allows up to 16 per endpoint network interface; 5 unless the quota was raised)")
        List<@NotNull(message = SG_MESSAGE) @Pattern(regexp = SG_ID, message = SG_MESSAGE) String> securityGroupIds,
        boolean privateDnsEnabled,
        @NotBlank(message = "Say why your team needs this endpoint")
        @Size(max = 2000, message = "At most 2000 characters") @FreeText String justification,
        @Size(max = 600, message = "At most 600 characters")
        @Pattern(regexp = OPTIONAL_ROLE_ARN, message = AwsIds.ROLE_ARN_MESSAGE) String principalRoleArn,
        IpAddressType ipAddressType,
        DnsRecordIpType dnsRecordIpType,
        @Min(value = 0, message = EXPECTED_TRAFFIC_MESSAGE)
        @Max(value = MAX_EXPECTED_GB_PER_MONTH, message = EXPECTED_TRAFFIC_MESSAGE) Integer expectedGbPerMonth) {

    /** One subnet per availability zone, and no region has more than six zones. */
    public static final int MAX_SUBNETS = 8;
    /** AWS's hard limit of security groups per network interface (the default quota is 5). */
    public static final int MAX_SECURITY_GROUPS = 16;
    public static final String SUBNET_MESSAGE = "A subnet id looks like subnet-0123456789abcdef0";
    public static final String SG_MESSAGE = "A security group id looks like sg-0123456789abcdef0";
    /** Ten petabytes a month: more than any one endpoint carries. */
    public static final int MAX_EXPECTED_GB_PER_MONTH = 10_000_000;
    public static final String EXPECTED_TRAFFIC_MESSAGE =
            "Expected traffic is a whole number of GB per month from 0 to 10,000,000";

    public static final String VPC_ID = "^vpc-([0-9a-f]{8}|[0-9a-f]{17})$";
    public static final String SUBNET_ID = "^subnet-([0-9a-f]{8}|[0-9a-f]{17})$";
    public static final String SG_ID = "^sg-([0-9a-f]{8}|[0-9a-f]{17})$";
    static final String OPTIONAL_ROLE_ARN = "^\\s*$|" + AwsIds.ROLE_ARN;

    public SubmitEndpointRequest {
        // copies that keep a null element, so that validation names the field instead of failing here
        subnetIds = subnetIds == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(subnetIds));
        securityGroupIds = securityGroupIds == null ? List.of()
                : Collections.unmodifiableList(new ArrayList<>(securityGroupIds));
        principalRoleArn = principalRoleArn == null || principalRoleArn.isBlank() ? null : principalRoleArn.trim();
        ipAddressType = ipAddressType == null ? IpAddressType.IPV4 : ipAddressType;
    }

    /** A request without expected traffic. */
    public SubmitEndpointRequest(UUID serviceId, String accountId, String region, String vpcId, List<String> subnetIds,
                                 List<String> securityGroupIds, boolean privateDnsEnabled, String justification,
                                 String principalRoleArn, IpAddressType ipAddressType,
                                 DnsRecordIpType dnsRecordIpType) {
        this(serviceId, accountId, region, vpcId, subnetIds, securityGroupIds, privateDnsEnabled, justification,
                principalRoleArn, ipAddressType, dnsRecordIpType, null);
    }

    /** A request for an IPv4 endpoint with AWS's default DNS records. */
    public SubmitEndpointRequest(UUID serviceId, String accountId, String region, String vpcId, List<String> subnetIds,
                                 List<String> securityGroupIds, boolean privateDnsEnabled, String justification,
                                 String principalRoleArn, Integer expectedGbPerMonth) {
        this(serviceId, accountId, region, vpcId, subnetIds, securityGroupIds, privateDnsEnabled, justification,
                principalRoleArn, null, null, expectedGbPerMonth);
    }

    /** A request for an IPv4 endpoint with AWS's default DNS records and without expected traffic. */
    public SubmitEndpointRequest(UUID serviceId, String accountId, String region, String vpcId, List<String> subnetIds,
                                 List<String> securityGroupIds, boolean privateDnsEnabled, String justification,
                                 String principalRoleArn) {
        this(serviceId, accountId, region, vpcId, subnetIds, securityGroupIds, privateDnsEnabled, justification,
                principalRoleArn, null, null, null);
    }

    /** A request that names no role: the account (or its Linkport role) is what the service allows. */
    public SubmitEndpointRequest(UUID serviceId, String accountId, String region, String vpcId, List<String> subnetIds,
                                 List<String> securityGroupIds, boolean privateDnsEnabled, String justification) {
        this(serviceId, accountId, region, vpcId, subnetIds, securityGroupIds, privateDnsEnabled, justification, null);
    }
}
