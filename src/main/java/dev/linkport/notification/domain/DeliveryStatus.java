package dev.linkport.notification.domain;

/** Where a delivery stands: still trying, delivered, or given up. */
public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED
}
