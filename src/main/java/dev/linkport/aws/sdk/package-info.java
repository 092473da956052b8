/**
 * The AWS SDK for Java v2 adapter behind {@link dev.linkport.aws.PrivateLinkGateway}: clients per (account,
 * region) with AssumeRole credentials, client-side rate limiting, Linkport's own retries, and the mapping of
 * SDK errors and types to Linkport's. Together with its parent package the only code that uses the SDK.
 */
package dev.linkport.aws.sdk;
