/**
 * Client-side rate limiting for AWS calls: token buckets per (account, region, action bucket) kept below AWS's
 * own, and bounded exponential backoff with full jitter. Time is injected ({@link dev.linkport.aws.ratelimit.TimeSource})
 * so all of it is testable without sleeping.
 */
package dev.linkport.aws.ratelimit;
