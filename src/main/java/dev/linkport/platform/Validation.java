package dev.linkport.platform;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Runs the Bean Validation rules declared on command records, the same rules the views bind to,
 * and turns violations into an {@link InvalidInputException} with one message per field.
 */
@Component
public class Validation {

    private final Validator validator;

    public Validation(Validator validator) {
        this.validator = validator;
    }

    public <T> T check(T command) {
        Set<ConstraintViolation<T>> violations = validator.validate(command);
        if (!violations.isEmpty()) {
            List<FieldError> errors = violations.stream()
                    .map(v -> new FieldError(fieldName(v), v.getMessage()))
                    .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                    .toList();
            throw new InvalidInputException(errors);
        }
        return command;
    }

    /** The messages for one property value of a command type, for validating a field as it is typed. */
    public List<String> messages(Class<?> type, String property, Object value) {
        return validator.validateValue(type, property, value).stream().map(ConstraintViolation::getMessage).sorted().toList();
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        int bracket = path.indexOf('[');
        return bracket > 0 ? path.substring(0, bracket) : path;
    }
}
