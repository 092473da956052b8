/**
 * In-app notifications: owns each user's list, decides who is told what, and the bell in the header.
 *
 * <p>Providers hear of requests to decide and of connections made outside Linkport; requesters of
 * decisions, availability, failures and drift. It listens to the other modules' events after they
 * commit; the event publication registry keeps each event until it has been handled.
 */
package dev.linkport.notification;
