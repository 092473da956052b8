/**
 * Client-side rate limits for AWS calls: one token bucket per (account, region, group of actions), started at
 * AWS's published rate, adapted to what AWS answers (multiplicative back-off on {@code RequestLimitExceeded},
 * additive recovery) and kept in a {@link dev.linkport.aws.ratelimit.BucketStore} that all instances share.
 * Also bounded exponential backoff with full jitter. Time is injected ({@link dev.linkport.aws.ratelimit.TimeSource})
 * so all of it is testable without sleeping.
 *
 * <p>Published to other modules so Operations can show the budgets ({@link dev.linkport.aws.ratelimit.RateLimiter#budgets()}).
 */
@NamedInterface("ratelimit")
package dev.linkport.aws.ratelimit;

import org.springframework.modulith.NamedInterface;
