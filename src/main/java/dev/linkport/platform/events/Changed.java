package dev.linkport.platform.events;

import java.util.UUID;

/**
 * Something views may be showing has changed: published by services and jobs inside their
 * transaction, delivered to open browsers after it commits.
 *
 * @param topic what changed
 * @param id    which one (a request, a listing, a user whose notifications changed)
 */
public record Changed(Topic topic, UUID id) {

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
