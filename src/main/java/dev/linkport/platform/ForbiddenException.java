package dev.linkport.platform;

/** The caller may see the thing but not do this to it. */
public class ForbiddenException extends LinkportException {

    public ForbiddenException(String message) {
        super(message);
    }
}
