package dev.linkport.aws.sdk;

import dev.linkport.aws.AwsGatewayException;
import dev.linkport.aws.AwsGatewayException.Kind;
import dev.linkport.aws.AwsTarget;
import java.io.IOException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * Turns whatever the SDK threw into an {@link AwsGatewayException} that says whether retrying can help.
 *
 * <p>Transient: throttling ({@code RequestLimitExceeded}, {@code Throttling*}, HTTP 429), AWS-side failures
 * (5xx, {@code InternalError}, {@code ServiceUnavailable}), timeouts and I/O errors. Everything else AWS
 * answers is permanent: {@code InvalidVpcID.NotFound}, {@code InvalidSubnetID.NotFound},
 * {@code InvalidServiceName}, {@code InvalidParameter*}, {@code UnauthorizedOperation},
 * {@code IdempotentParameterMismatch}, {@code AccessDenied}, ... A client-side failure without I/O cause (for
 * example, no base credentials) is permanent too.
 *
 * <p>An STS answer is a failure to assume the account's role, even when it came while the SDK fetched
 * credentials for another call: its action is {@link AwsGatewayException#ASSUME_ROLE}, so nobody mistakes an
 * AssumeRole {@code AccessDenied} for a missing permission of the call itself.
 */
public final class AwsErrorClassifier {

    private static final Set<String> TRANSIENT_CODES = Set.of(
            "RequestLimitExceeded", "Throttling", "ThrottlingException", "ThrottledException",
            "RequestThrottled", "RequestThrottledException", "TooManyRequestsException", "SlowDown",
            "EC2ThrottledException", "BandwidthLimitExceeded", "PriorRequestNotComplete",
            "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure",
            "ServiceUnavailable", "ServiceUnavailableException", "Unavailable", "IDPCommunicationError");

    /** Answers that are 5xx but will not change on retry. */
    private static final Set<String> PERMANENT_SERVER_CODES = Set.of("NotImplemented");

    private AwsErrorClassifier() {
    }

    /** Whether AWS's error code (with its HTTP status) names a condition that retrying may clear. */
    public static boolean isTransient(String errorCode, int httpStatus) {
        if (errorCode != null) {
            if (TRANSIENT_CODES.contains(errorCode) || errorCode.startsWith("Throttling")) {
                return true;
            }
            if (PERMANENT_SERVER_CODES.contains(errorCode)) {
                return false;
            }
        }
        return httpStatus == 429 || (httpStatus >= 500 && httpStatus != 501);
    }

    /**
     * Classifies {@code failure} of {@code action} against {@code target}.
     */
    public static AwsGatewayException classify(Throwable failure, AwsTarget target, String action) {
        AwsServiceException answer = find(failure, AwsServiceException.class);
        if (answer != null) {
            AwsErrorDetails details = answer.awsErrorDetails();
            String code = details == null ? null : details.errorCode();
            String message = details == null || details.errorMessage() == null
                    ? answer.getMessage() : details.errorMessage();
            int status = answer.statusCode();
            boolean transientFailure = answer.isThrottlingException() || isTransient(code, status);
            String failedAction = answer instanceof StsException ? AwsGatewayException.ASSUME_ROLE : action;
            return new AwsGatewayException(transientFailure ? Kind.TRANSIENT : Kind.PERMANENT, code, message,
                    target.accountId(), target.region(), failedAction, status, failure);
        }
        boolean ioOrTimeout = find(failure, IOException.class) != null
                || find(failure, ApiCallTimeoutException.class) != null
                || find(failure, ApiCallAttemptTimeoutException.class) != null;
        return new AwsGatewayException(ioOrTimeout ? Kind.TRANSIENT : Kind.PERMANENT, null, failure.getMessage(),
                target.accountId(), target.region(), action, 0, failure);
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (type.isInstance(suppressed)) {
                    return type.cast(suppressed);
                }
            }
        }
        return null;
    }
}
