package dev.linkport.platform;

/**
 * A failure whose message is written for the person who caused it: views show it as a
 * notification, the REST API as a problem detail. Never carries a stack trace to the user.
 */
public abstract class LinkportException extends RuntimeException {

    protected LinkportException(String message) {
        super(message);
    }

    protected LinkportException(String message, Throwable cause) {
        super(message, cause);
    }
}
