package dev.linkport.catalog;

/**
 * What approving a request to a service lets connect in AWS: the service's allowed principal that Linkport
 * adds for the request (and removes again with the last endpoint that needed it).
 */
public enum PrincipalMode {
    /** The consumer's whole account: its root principal, {@code arn:<partition>:iam::<account>:root}. */
    ACCOUNT,
    /**
     * One IAM role of the consumer's account: the role the consumer names on the request, or else the account's
     * Linkport role. AWS lets only sessions of that role create endpoints to the service, so Linkport creates the
     * endpoint as that role.
     */
    ROLE
}
