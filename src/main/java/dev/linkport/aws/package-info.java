/**
 * Linkport's only way into AWS: the {@code PrivateLinkGateway} port in Linkport's own types, and
 * its adapter over the AWS SDK for Java v2. No other package imports the SDK.
 */
package dev.linkport.aws;
