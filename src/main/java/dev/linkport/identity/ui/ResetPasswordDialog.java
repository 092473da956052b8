package dev.linkport.identity.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import dev.linkport.identity.service.PasswordCommands.ResetPassword;
import dev.linkport.identity.service.UserAccountService;
import dev.linkport.identity.service.UserService.UserSummary;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.LinkportException;
import dev.linkport.platform.Validation;
import dev.linkport.platform.ui.FormErrors;
import dev.linkport.platform.ui.Notifications;

/** A platform admin gives a local user a new password. */
class ResetPasswordDialog extends Dialog {

    ResetPasswordDialog(UserAccountService accounts, Validation validation, UserSummary user, Runnable saved) {
        setHeaderTitle("Reset the password of " + user.username());
        setWidth("min(28rem, 95vw)");
        PasswordField password = new PasswordField("New password");
        password.setId("reset-password");
        password.setWidthFull();
        password.setHelperText("At least 12 characters; tell " + user.displayName() + " to change it");
        FormErrors errors = new FormErrors().live(validation, ResetPassword.class, "newPassword", password);
        add(new Paragraph(user.displayName() + " signs in with this password from now on."), password);
        Button reset = new Button("Reset password", e -> {
            try {
                accounts.resetPassword(user.id(), password.getValue());
                Notifications.success("Password of " + user.username() + " reset");
                close();
                saved.run();
            } catch (InvalidInputException ex) {
                errors.show(ex);
            } catch (LinkportException ex) {
                Notifications.error(ex.getMessage());
            }
        });
        reset.addThemeVariants(ButtonVariant.PRIMARY);
        reset.addClickShortcut(Key.ENTER);
        getFooter().add(new Button("Cancel", e -> close()), reset);
        password.focus();
    }
}
