package dev.linkport.aws;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * An AWS call failed. Says whether retrying can help ({@link Kind#TRANSIENT}: throttling, 5xx, timeouts,
 * I/O) or not ({@link Kind#PERMANENT}: not found, invalid parameter, access denied, ...), keeps AWS's own
 * error code and message, and names the account, region and action.
 *
 * <p>Where callers may wait ({@link AwsCalls}), the gateway has already retried transient failures when
 * this reaches the caller. Where they may not (the worker), a call Linkport's own rate budget held back
 * fails at once as {@link #deferred()}, saying when a token will be there ({@link #retryAfter()}).
 */
public class AwsGatewayException extends RuntimeException {

    public enum Kind {
        /** Retrying later may succeed. */
        TRANSIENT,
        /** Retrying the same request will fail the same way; show the message to a person. */
        PERMANENT
    }

    private final Kind kind;
    private final String errorCode;
    private final String awsMessage;
    private final String accountId;
    private final String region;
    private final String action;
    private final int httpStatus;
    private final Duration retryAfter;

    /**
     * @param errorCode  AWS's error code ({@code InvalidVpcID.NotFound}), or {@code null} when no AWS
     *                   answer was received (timeouts, I/O)
     * @param httpStatus the HTTP status of AWS's answer, 0 when there was none
     */
    public AwsGatewayException(Kind kind, String errorCode, String awsMessage, String accountId, String region,
            String action, int httpStatus, Throwable cause) {
        this(kind, errorCode, awsMessage, accountId, region, action, httpStatus, cause, null);
    }

    private AwsGatewayException(Kind kind, String errorCode, String awsMessage, String accountId, String region,
            String action, int httpStatus, Throwable cause, Duration retryAfter) {
        super(describe(kind, errorCode, awsMessage, accountId, region, action), cause);
        this.retryAfter = retryAfter;
        this.kind = kind;
        this.errorCode = errorCode;
        this.awsMessage = awsMessage;
        this.accountId = accountId;
        this.region = region;
        this.action = action;
        this.httpStatus = httpStatus;
    }

    /**
     * Linkport did not call AWS: the account's rate budget has no token before {@code retryAfter}. Transient;
     * the caller comes back then, and nothing counts as a failure.
     */
    public static AwsGatewayException deferred(String accountId, String region, String action, Duration retryAfter) {
        return new AwsGatewayException(Kind.TRANSIENT, DEFERRED, "Linkport holds the call back for "
                + retryAfter.toMillis() + " ms to stay within the account's AWS rate limits", accountId, region,
                action, 0, null, retryAfter);
    }

    /** The error code of {@link #deferred} calls (never one of AWS's). */
    public static final String DEFERRED = "LinkportRateBudget";

    private static final Set<String> THROTTLING = Set.of("RequestLimitExceeded", "Throttling", "ThrottlingException",
            "ThrottledException", "RequestThrottled", "RequestThrottledException", "TooManyRequestsException",
            "SlowDown", "EC2ThrottledException");

    private static String describe(Kind kind, String errorCode, String awsMessage, String accountId, String region,
            String action) {
        return action + " in account " + accountId + " (" + region + ") failed"
                + " [" + (errorCode == null ? "no AWS error code" : errorCode) + ", "
                + kind.name().toLowerCase() + "]"
                + (awsMessage == null || awsMessage.isBlank() ? "" : ": " + awsMessage);
    }

    public Kind kind() {
        return kind;
    }

    public boolean isTransient() {
        return kind == Kind.TRANSIENT;
    }

    public boolean isPermanent() {
        return kind == Kind.PERMANENT;
    }

    /** AWS's error code, e.g. {@code InvalidSubnetID.NotFound}; empty when AWS did not answer. */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /** AWS's error message as AWS wrote it (or the client-side failure's message); may be empty. */
    public String awsMessage() {
        return awsMessage == null ? "" : awsMessage;
    }

    public String accountId() {
        return accountId;
    }

    public String region() {
        return region;
    }

    /** The AWS action that failed, e.g. {@code CreateVpcEndpoint}. */
    public String action() {
        return action;
    }

    /** HTTP status of AWS's answer; 0 when there was no answer. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Linkport held the call back for its rate budget; AWS was not asked. */
    public boolean deferred() {
        return retryAfter != null;
    }

    /** When the rate budget will have a token, for a {@link #deferred()} call. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** AWS answered that the account's calls come too fast (RequestLimitExceeded, Throttling, HTTP 429). */
    public boolean throttled() {
        return errorCode != null && (THROTTLING.contains(errorCode) || errorCode.startsWith("Throttling"))
                || httpStatus == 429;
    }
}
