/**
 * Sending notifications out of Linkport: the job that delivers one e-mail or webhook call with retries, and
 * the two channels (Spring Mail; HTTP with an HMAC-SHA256 signature). Internal to the notification module.
 */
package dev.linkport.notification.delivery;
