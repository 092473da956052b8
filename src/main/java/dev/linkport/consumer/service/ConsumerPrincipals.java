package dev.linkport.consumer.service;

import dev.linkport.aws.AwsTarget;
import java.util.UUID;

/**
 * What provisioning needs from the provider's side of a service: that AWS lets the request's principal
 * (the consumer's account, or a role of it) connect. Allowed principals are the provider module's, and the provider module depends
 * on this one, so it implements this interface.
 */
public interface ConsumerPrincipals {

    /**
     * Makes sure the service allows the principal, reading before writing, and records that it was
     * added because a request was approved. Called outside any transaction; AWS errors propagate.
     */
    void ensureAllowed(UUID listingId, AwsTarget provider, String serviceId, String principalArn);
}
