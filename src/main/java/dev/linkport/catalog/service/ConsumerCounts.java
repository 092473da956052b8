package dev.linkport.catalog.service;

import java.util.UUID;

/**
 * How many consumers a service has, for its page. Endpoint requests are the consumer module's, and
 * the consumer module depends on the catalog, so it answers through this interface.
 */
public interface ConsumerCounts {

    /** Endpoint requests to the listing that are live in AWS or on their way there. */
    long count(UUID listingId);
}
