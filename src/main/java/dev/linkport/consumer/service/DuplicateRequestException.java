package dev.linkport.consumer.service;

import dev.linkport.consumer.EndpointState;
import dev.linkport.platform.FieldError;
import dev.linkport.platform.InvalidInputException;
import java.util.List;
import java.util.UUID;

/**
 * A request for a service into a VPC that already has one open or with an endpoint (same account and region): a
 * field error on {@code vpcId} that names the existing request, which the UI links to and the API returns as
 * {@code existingRequestId}.
 */
public class DuplicateRequestException extends InvalidInputException {

    private final UUID existingRequestId;
    private final EndpointState existingState;

    public DuplicateRequestException(String serviceName, String vpcId, UUID existingRequestId,
                                     EndpointState existingState) {
        super(List.of(new FieldError("vpcId", vpcId + " already has " + describe(existingState) + " to "
                + serviceName + ": request " + existingRequestId + " (" + existingState + "). Use that one, or "
                + "delete it before requesting again")));
        this.existingRequestId = existingRequestId;
        this.existingState = existingState;
    }

    private static String describe(EndpointState state) {
        return state == EndpointState.SUBMITTED || state == EndpointState.APPROVED ? "an open request"
                : "an endpoint";
    }

    public UUID existingRequestId() {
        return existingRequestId;
    }

    public EndpointState existingState() {
        return existingState;
    }
}
