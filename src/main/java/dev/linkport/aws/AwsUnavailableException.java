package dev.linkport.aws;

import dev.linkport.platform.LinkportException;

/** AWS refused or failed a read that a form needed; the message says what AWS said. */
public class AwsUnavailableException extends LinkportException {

    private final boolean transientFailure;

    public AwsUnavailableException(AwsGatewayException cause) {
        super("AWS did not answer as expected: " + cause.getMessage(), cause);
        this.transientFailure = cause.kind() == AwsGatewayException.Kind.TRANSIENT;
    }

    public boolean isTransient() {
        return transientFailure;
    }
}
