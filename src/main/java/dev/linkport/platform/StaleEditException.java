package dev.linkport.platform;

/**
 * Someone else changed the thing after the caller loaded it (optimistic locking). The caller
 * should reload and apply the change again.
 */
public class StaleEditException extends ConflictException {

    public StaleEditException(String what) {
        super(what + " was changed by someone else after you opened it. Reload it and make your change again.");
    }

    public StaleEditException(String what, Throwable cause) {
        super(what + " was changed by someone else after you opened it. Reload it and make your change again.", cause);
    }
}
