package dev.linkport.sandbox;

import java.time.Duration;

/**
 * A fault the sandbox injects into matching Query API calls.
 *
 * @param action     the API action it applies to ({@code CreateVpcEndpoint}), or {@code *} for all
 * @param accountId  the calling account it applies to, or null for every account
 * @param errorCode  the AWS error code to answer with ({@code InternalError}), or null for latency only
 * @param httpStatus the HTTP status of the error answer
 * @param rate       the probability (0..1) that a matching call is hit
 * @param latency    time added to every hit call
 * @param times      how many calls it hits before it is used up; 0 means no limit
 */
public record SandboxFault(String action, String accountId, String errorCode, int httpStatus, double rate,
        Duration latency, int times) {

    public SandboxFault {
        if (action == null || action.isBlank()) {
            action = "*";
        }
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("rate must be between 0 and 1: " + rate);
        }
        if (httpStatus == 0) {
            httpStatus = "RequestLimitExceeded".equals(errorCode) ? 503 : errorCode == null ? 200 : 500;
        }
        latency = latency == null ? Duration.ZERO : latency;
        if (times < 0) {
            throw new IllegalArgumentException("times must not be negative: " + times);
        }
    }

    /** A fault answering every call of the action with the error code and HTTP status. */
    public static SandboxFault error(String action, String errorCode, int httpStatus) {
        return new SandboxFault(action, null, errorCode, httpStatus, 1.0, Duration.ZERO, 0);
    }

    /** The same fault, for calls from one account only. */
    public SandboxFault forAccount(String account) {
        return new SandboxFault(action, account, errorCode, httpStatus, rate, latency, times);
    }

    boolean matches(String calledAction, String callerAccount) {
        return (action.equals("*") || action.equals(calledAction))
                && (accountId == null || accountId.isBlank() || accountId.equals(callerAccount));
    }
}
