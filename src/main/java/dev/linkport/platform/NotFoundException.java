package dev.linkport.platform;

/** The thing does not exist, or the caller may not see it (we do not tell the two apart). */
public class NotFoundException extends LinkportException {

    public NotFoundException(String message) {
        super(message);
    }
}
