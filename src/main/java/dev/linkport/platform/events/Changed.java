package dev.linkport.platform.events;

import java.util.UUID;

/**
 * Something views may be showing has changed: published by services and jobs inside their
 * transaction, delivered to open browsers after it commits.
 *
 * @param topic     what changed
 * @param id        which one (a request, a listing, a user whose notifications changed)
 * @param teamId    the team it concerns, when there is one (an endpoint request: the consumer team);
 *                  {@code null} when unknown, which concerns every view of the topic
 * @param listingId the service listing it concerns (an endpoint request: the service it is for), or {@code null}
 */
public record Changed(Topic topic, UUID id, UUID teamId, UUID listingId) {

    /** A change that says only what changed, not whom it concerns. */
    public Changed(Topic topic, UUID id) {
        this(topic, id, null, null);
    }

    /** What kind of thing changed; views listen to one topic. */
    public enum Topic {
        /** An endpoint request (its state, endpoint, DNS names); the id is the request's. */
        ENDPOINT_REQUEST,
        /** A service listing or what hangs off it (principals, connections, private DNS); the id is the listing's. */
        SERVICE_LISTING,
        /** A user's notifications; the id is the user's. */
        NOTIFICATIONS
    }
}
