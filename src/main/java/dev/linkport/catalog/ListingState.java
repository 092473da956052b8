package dev.linkport.catalog;

/** Where a service listing is in its life. */
public enum ListingState {
    DRAFT, PUBLISHING, AVAILABLE, FAILED, RETIRING, RETIRED
}
