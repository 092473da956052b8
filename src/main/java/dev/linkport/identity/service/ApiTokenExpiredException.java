package dev.linkport.identity.service;

import java.time.Instant;

/** A known, unrevoked API token was presented after it expired. */
public class ApiTokenExpiredException extends RuntimeException {

    private final Instant expiredAt;

    public ApiTokenExpiredException(Instant expiredAt) {
        super("The API token expired at " + expiredAt + "; create a new one under API tokens in the user menu");
        this.expiredAt = expiredAt;
    }

    public Instant expiredAt() {
        return expiredAt;
    }
}
