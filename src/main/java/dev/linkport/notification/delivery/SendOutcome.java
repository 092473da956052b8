package dev.linkport.notification.delivery;

/**
 * What one attempt to send came to.
 *
 * @param answer    what the target answered ({@code HTTP 500}, {@code 250 accepted}), if it answered
 * @param error     why it failed, in words
 * @param retryable whether trying again later may help (5xx, 429, time-outs, connection refused)
 */
record SendOutcome(boolean delivered, String answer, String error, boolean retryable) {

    static SendOutcome delivered(String answer) {
        return new SendOutcome(true, answer, null, false);
    }

    static SendOutcome transientFailure(String answer, String error) {
        return new SendOutcome(false, answer, error, true);
    }

    static SendOutcome permanentFailure(String answer, String error) {
        return new SendOutcome(false, answer, error, false);
    }
}
