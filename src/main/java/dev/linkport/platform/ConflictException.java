package dev.linkport.platform;

/** The request clashes with the current state (already decided, a duplicate, still in use). */
public class ConflictException extends LinkportException {

    public ConflictException(String message) {
        super(message);
    }

    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
