package dev.linkport.platform.events;

import java.util.UUID;

/**
 * An endpoint request changed state (or was submitted, then {@code from} is {@code null}).
 * Published inside the transaction that moved it, so listeners that write (notifications) commit
 * or roll back together with the move.
 */
public record RequestMoved(UUID requestId, String from, String to, String reason) {
}
