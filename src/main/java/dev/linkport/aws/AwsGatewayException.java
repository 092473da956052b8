package dev.linkport.aws;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** The action of a failure to assume the account's role (also when it happened on the way to another call). */
    public static final String ASSUME_ROLE = "AssumeRole";

    /** AWS's codes for "this principal may not do this": STS and ELBv2 say AccessDenied, EC2 UnauthorizedOperation. */
    private static final Set<String> ACCESS_DENIED = Set.of("AccessDenied", "AccessDeniedException",
            "UnauthorizedOperation", "Client.UnauthorizedOperation", "UnauthorizedAccess");

    /** How AWS names the denied action in its message: "... is not authorized to perform: ec2:DescribeVpcs ...". */
    private static final Pattern DENIED_ACTION = Pattern.compile("not authorized to perform:? ([a-z0-9-]+:[A-Za-z0-9*]+)");

    /** How AWS names who was refused: "User: arn:aws:sts::...:assumed-role/... is not authorized ...". */
    private static final Pattern DENIED_PRINCIPAL = Pattern.compile("User: (arn:\\S+) is not authorized");

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

    /**
     * AWS refused because the principal may not do this: {@code AccessDenied} (STS, ELBv2),
     * {@code UnauthorizedOperation} (EC2) and their relatives. Not throttling, not a missing resource.
     */
    public boolean accessDenied() {
        return errorCode != null && ACCESS_DENIED.contains(errorCode);
    }

    /**
     * AWS refused to let Linkport assume the account's role: the trust policy does not let Linkport's principal
     * in, the ExternalId does not match, or the role does not exist (AWS does not say which).
     */
    public boolean assumeRoleDenied() {
        return ASSUME_ROLE.equals(action) && accessDenied();
    }

    /**
     * The IAM action AWS names in an access-denied message ({@code ec2:DescribeVpcEndpoints}), if it names one;
     * EC2 sometimes answers only "You are not authorized to perform this operation."
     */
    public Optional<String> deniedPermission() {
        if (!accessDenied() || awsMessage == null) {
            return Optional.empty();
        }
        Matcher m = DENIED_ACTION.matcher(awsMessage);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The principal AWS names in an access-denied message (who was refused), if it names one. */
    public Optional<String> deniedPrincipal() {
        if (!accessDenied() || awsMessage == null) {
            return Optional.empty();
        }
        Matcher m = DENIED_PRINCIPAL.matcher(awsMessage);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** AWS answered that the account's calls come too fast (RequestLimitExceeded, Throttling, HTTP 429). */
    public boolean throttled() {
        return errorCode != null && (THROTTLING.contains(errorCode) || errorCode.startsWith("Throttling"))
                || httpStatus == 429;
    }
}
