package dev.linkport.identity.service;

import dev.linkport.identity.service.AccessCheckResult.Outcome;
import java.time.Instant;

/** The last "Test access" of an account, as the accounts list shows it. */
public record LastAccessCheck(Instant checkedAt, String checkedBy, Outcome outcome, String summary) {
}
