package dev.linkport.platform.ui;

import com.vaadin.flow.component.HasValidation;
import dev.linkport.platform.FieldError;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.Validation;
import com.vaadin.flow.component.HasValue;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shows the server's field errors on the form's fields: maps each property name to its field,
 * marks the field invalid with the message, and clears old errors before each submit.
 */
public class FormErrors {

    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    public FormErrors field(String property, HasValidation field) {
        field.setManualValidation(true); // our rules, not the component's, decide what is invalid
        fields.put(property, field);
        return this;
    }

    /**
     * Binds a field to a property of a command type and validates it with the command's own rules
     * whenever its value changes, so the user sees the message before submitting.
     */
    public <V, F extends HasValidation & HasValue<?, V>> FormErrors live(Validation validation, Class<?> commandType,
                                                                          String property, F field) {
        field(property, field);
        field.addValueChangeListener(e -> {
            List<String> messages = validation.messages(commandType, property, e.getValue());
            field.setErrorMessage(messages.isEmpty() ? null : messages.getFirst());
            field.setInvalid(!messages.isEmpty());
        });
        return this;
    }

    public void clear() {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
    }

    /** Marks the fields; errors for properties without a field are shown as a notification. */
    public void show(InvalidInputException e) {
        clear();
        StringBuilder unmatched = new StringBuilder();
        for (FieldError error : e.errors()) {
            HasValidation f = fields.get(error.field());
            if (f != null) {
                f.setErrorMessage(error.message());
                f.setInvalid(true);
            } else {
                unmatched.append(error.message()).append(". ");
            }
        }
        if (!unmatched.isEmpty()) {
            Notifications.error(unmatched.toString().trim());
        }
    }
}
