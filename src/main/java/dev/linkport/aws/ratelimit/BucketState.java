package dev.linkport.aws.ratelimit;

/**
 * A budget as stored: the tokens left, the rate it refills at now (which adapts to AWS's answers),
 * when it was last refilled, and what happened to it.
 *
 * @param tokens         tokens left; may be negative while callers wait for reserved ones
 * @param rate           tokens per second it refills at now
 * @param refilledAt     {@link TimeSource#micros()} of the last refill
 * @param calls          tokens handed out
 * @param throttles      RequestLimitExceeded answers from AWS
 * @param deferrals      times a caller was told to come back later
 * @param deferredMillis how long callers were told to wait, in all
 */
public record BucketState(double tokens, double rate, long refilledAt, long calls, long throttles, long deferrals,
                          long deferredMillis) {
}
