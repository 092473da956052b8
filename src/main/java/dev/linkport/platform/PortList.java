package dev.linkport.platform;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * Port numbers from 1 to 65535 separated by commas, e.g. {@code 443, 8443}, at most {@value #MAX_PORTS}
 * of them; blank means none given.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PortList.Check.class)
public @interface PortList {

    /** The most ports one list names. */
    int MAX_PORTS = 20;

    String MESSAGE = "Port numbers separated by commas, each from 1 to 65535, e.g. 443, 8443 (at most " + MAX_PORTS
            + ")";

    String message() default MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Validates {@link PortList}. */
    class Check implements ConstraintValidator<PortList, CharSequence> {

        private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || isPortList(value.toString());
        }

        /** Whether the text is blank or a list of valid ports. */
        public static boolean isPortList(String text) {
            if (text.isBlank()) {
                return true;
            }
            if (text.length() > MAX_PORTS * 7) {
                return false;
            }
            String[] parts = text.split(",", -1);
            if (parts.length > MAX_PORTS) {
                return false;
            }
            for (String part : parts) {
                String port = part.strip();
                if (!PORT.matcher(port).matches()) {
                    return false;
                }
                int n = Integer.parseInt(port);
                if (n < 1 || n > 65535) {
                    return false;
                }
            }
            return true;
        }
    }
}
