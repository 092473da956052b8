package dev.linkport.identity.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import dev.linkport.identity.service.PasswordCommands.ChangeOwnPassword;
import dev.linkport.identity.service.UserAccountService;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.LinkportException;
import dev.linkport.platform.Validation;
import dev.linkport.platform.ui.FormErrors;
import dev.linkport.platform.ui.Notifications;
import org.springframework.modulith.NamedInterface;

/** The signed-in user changes their own password (local users), opened from the shell's user menu. */
@NamedInterface("change-password")
public class ChangePasswordDialog extends Dialog {

    public ChangePasswordDialog(UserAccountService accounts, Validation validation) {
        setHeaderTitle("Change your password");
        setWidth("min(28rem, 95vw)");
        setId("change-password-dialog");
        PasswordField current = new PasswordField("Current password");
        current.setId("current-password");
        PasswordField next = new PasswordField("New password");
        next.setId("new-password");
        next.setHelperText("At least 12 characters");
        PasswordField repeat = new PasswordField("New password again");
        repeat.setId("repeat-password");
        FormErrors errors = new FormErrors()
                .live(validation, ChangeOwnPassword.class, "currentPassword", current)
                .live(validation, ChangeOwnPassword.class, "newPassword", next)
                .field("repeat", repeat);
        FormLayout form = new FormLayout(current, next, repeat);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        Button change = new Button("Change password", e -> {
            if (!next.getValue().equals(repeat.getValue())) {
                errors.show(InvalidInputException.of("repeat", "Not the same as the new password"));
                return;
            }
            try {
                accounts.changeOwnPassword(current.getValue(), next.getValue());
                Notifications.success("Your password is changed");
                close();
            } catch (InvalidInputException ex) {
                errors.show(ex);
            } catch (LinkportException ex) {
                Notifications.error(ex.getMessage());
            }
        });
        change.setId("change-password");
        change.addThemeVariants(ButtonVariant.PRIMARY);
        change.addClickShortcut(Key.ENTER);
        getFooter().add(new Button("Cancel", e -> close()), change);
        current.focus();
    }
}
