/**
 * Linkport's access to AWS: the {@link dev.linkport.aws.PrivateLinkGateway} port in Linkport's own types, its
 * errors ({@link dev.linkport.aws.AwsGatewayException}) and settings ({@link dev.linkport.aws.AwsProperties}).
 * The SDK adapter lives in {@code dev.linkport.aws.sdk}; nothing outside this package tree uses the AWS SDK.
 */
package dev.linkport.aws;
