package dev.linkport.consumer.service;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A change of an available endpoint: the subnets, security groups and private DNS setting it should have
 * afterwards. A {@code null} field keeps what the endpoint has. The same rules as at request time apply (one subnet
 * per zone, only zones the service covers, subnets and groups of the endpoint's VPC), in view and API alike.
 */
public record ChangeEndpoint(
        @Size(min = 1, max = SubmitEndpointRequest.MAX_SUBNETS,
                message = "Keep at least one subnet and at most " + SubmitEndpointRequest.MAX_SUBNETS
                        + ": one per availability zone")
        List<@NotNull(message = SubmitEndpointRequest.SUBNET_MESSAGE)
             @Pattern(regexp = SubmitEndpointRequest.SUBNET_ID, message = SubmitEndpointRequest.SUBNET_MESSAGE)
             String> subnetIds,
        @Size(min = 1, max = SubmitEndpointRequest.MAX_SECURITY_GROUPS,
                message = "Keep at least one security group and at most " + SubmitEndpointRequest.MAX_SECURITY_GROUPS)
        List<@NotNull(message = SubmitEndpointRequest.SG_MESSAGE)
             @Pattern(regexp = SubmitEndpointRequest.SG_ID, message = SubmitEndpointRequest.SG_MESSAGE)
             String> securityGroupIds,
        Boolean privateDnsEnabled) {

    public ChangeEndpoint {
        // copies that keep a null element, so that validation names the field instead of failing here
        subnetIds = subnetIds == null ? null : Collections.unmodifiableList(new ArrayList<>(subnetIds));
        securityGroupIds = securityGroupIds == null ? null
                : Collections.unmodifiableList(new ArrayList<>(securityGroupIds));
    }
}
