package dev.linkport.consumer.service;

import dev.linkport.platform.AwsIds;
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
        List<@Pattern(regexp = SUBNET_ID, message = "A subnet id looks like subnet-0123456789abcdef0") String> subnetIds,
        List<@Pattern(regexp = SG_ID, message = "A security group id looks like sg-0123456789abcdef0") String> securityGroupIds,
        boolean privateDnsEnabled,
        @NotBlank(message = "Say why your team needs this endpoint")
        @Size(max = 2000, message = "At most 2000 characters") String justification,
        @Size(max = 600, message = "At most 600 characters")
        @Pattern(regexp = OPTIONAL_ROLE_ARN, message = AwsIds.ROLE_ARN_MESSAGE) String principalRoleArn) {

    public static final String VPC_ID = "^vpc-([0-9a-f]{8}|[0-9a-f]{17})$";
    public static final String SUBNET_ID = "^subnet-([0-9a-f]{8}|[0-9a-f]{17})$";
    public static final String SG_ID = "^sg-([0-9a-f]{8}|[0-9a-f]{17})$";
    static final String OPTIONAL_ROLE_ARN = "^\\s*$|" + AwsIds.ROLE_ARN;

    public SubmitEndpointRequest {
        subnetIds = subnetIds == null ? List.of() : List.copyOf(subnetIds);
        securityGroupIds = securityGroupIds == null ? List.of() : List.copyOf(securityGroupIds);
        principalRoleArn = principalRoleArn == null || principalRoleArn.isBlank() ? null : principalRoleArn.trim();
    }

    /** A request that names no role: the account (or its Linkport role) is what the service allows. */
    public SubmitEndpointRequest(UUID serviceId, String accountId, String region, String vpcId, List<String> subnetIds,
                                 List<String> securityGroupIds, boolean privateDnsEnabled, String justification) {
        this(serviceId, accountId, region, vpcId, subnetIds, securityGroupIds, privateDnsEnabled, justification, null);
    }
}
