package dev.linkport.platform.events;

import java.util.UUID;

/**
 * Something views may be showing has changed: published by services and jobs inside their
 * transaction, delivered to open browsers after it commits.
 *
 * @param kind what changed, e.g. {@link #ENDPOINT_REQUEST} or {@link #SERVICE_LISTING}
 * @param id   which one
 */
public record Changed(String kind, UUID id) {

    public static final String ENDPOINT_REQUEST = "endpoint-request";
    public static final String SERVICE_LISTING = "service-listing";
}
