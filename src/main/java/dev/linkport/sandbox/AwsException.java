package dev.linkport.sandbox;

/** An AWS error answer: error code, message and HTTP status, rendered in the protocol of the called service. */
final class AwsException extends RuntimeException {

    private final String code;
    private final int status;

    AwsException(String code, String message) {
        this(code, message, 400);
    }

    AwsException(String code, String message, int status) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
    }

    String code() {
        return code;
    }

    int status() {
        return status;
    }

    static AwsException invalidParameter(String message) {
        return new AwsException("InvalidParameter", message);
    }

    static AwsException missing(String parameter) {
        return new AwsException("MissingParameter",
                "The request must contain the parameter " + parameter);
    }
}
