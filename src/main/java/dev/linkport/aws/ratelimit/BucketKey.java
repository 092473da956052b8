package dev.linkport.aws.ratelimit;

/** One budget: an account's calls of one {@link ApiBucket} in one region. */
public record BucketKey(String accountId, String region, ApiBucket bucket) {
}
