package dev.linkport.notification.domain;

/** How a notification leaves Linkport. */
public enum DeliveryChannel {
    EMAIL, WEBHOOK
}
