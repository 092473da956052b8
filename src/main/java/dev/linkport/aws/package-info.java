/**
 * Access to AWS: the {@link dev.linkport.aws.PrivateLinkGateway} port in Linkport's own types and its
 * SDK adapter, the only code that uses the AWS SDK.
 *
 * <p>Also the port's errors ({@link dev.linkport.aws.AwsGatewayException}), settings
 * ({@link dev.linkport.aws.AwsProperties}) and the client-side rate limits ({@code aws.ratelimit}).
 */
package dev.linkport.aws;
