package dev.linkport.platform;

import java.util.List;
import java.util.stream.Collectors;

/** The input breaks one or more rules; each {@link FieldError} names the field and says what is wrong. */
public class InvalidInputException extends LinkportException {

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
