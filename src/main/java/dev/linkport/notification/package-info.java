/**
 * In-app notifications: who is told what (a provider of new requests to decide and of
 * connections made outside Linkport; a requester of decisions, availability, failures and drift),
 * each user's list with unread marks, and the bell in the header.
 */
package dev.linkport.notification;
