/**
 * Notifications: owns each user's in-app list and their choice of channels, team webhooks, the delivery log of
 * e-mails and webhook calls, and the record of reminders sent; decides who is told what; the bell in the header
 * and the settings and delivery-log pages.
 *
 * <p>Deciders hear of requests to decide (the provider team, or the admins under the ADMIN policy), with
 * reminders and escalations when a request waits too long; requesters of decisions, availability, failures and
 * drift; providers of connections made outside Linkport. It listens to the other modules' events after they
 * commit; the event publication registry keeps each event until it has been handled. E-mails and webhook calls
 * are jobs ({@code deliver-notification}) stored with the event's handling.
 */
package dev.linkport.notification;
