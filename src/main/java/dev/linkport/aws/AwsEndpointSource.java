package dev.linkport.aws;

import java.net.URI;

/**
 * Supplies the endpoint for every AWS service when none is configured in
 * {@code linkport.aws.endpoint}: in sandbox mode the built-in sandbox provides its own address
 * (which may be a free port chosen at start-up).
 */
public interface AwsEndpointSource {

    /** The base URI of an AWS-compatible Query API endpoint, e.g. {@code http://127.0.0.1:4566}. */
    URI endpoint();
}
