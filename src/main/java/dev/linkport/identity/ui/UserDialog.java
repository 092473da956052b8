package dev.linkport.identity.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import dev.linkport.identity.service.UserCommands.CreateUser;
import dev.linkport.identity.service.UserService;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.Validation;
import dev.linkport.platform.ui.FormErrors;
import dev.linkport.platform.ui.Notifications;

/** Creates a local user (admins). */
class UserDialog extends Dialog {

    UserDialog(UserService users, Validation validation, Runnable saved) {
        setHeaderTitle("New user");
        setWidth("min(32rem, 95vw)");
        TextField username = new TextField("User name");
        TextField displayName = new TextField("Name");
        EmailField email = new EmailField("E-mail");
        PasswordField password = new PasswordField("Initial password");
        password.setHelperText("At least 12 characters; tell the person to change it");
        Checkbox admin = new Checkbox("Platform admin");
        FormErrors errors = new FormErrors()
                .live(validation, CreateUser.class, "username", username)
                .live(validation, CreateUser.class, "displayName", displayName)
                .live(validation, CreateUser.class, "password", password)
                .field("email", email);
        FormLayout form = new FormLayout(username, displayName, email, password, admin);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        Button create = new Button("Create user", e -> {
            try {
                users.create(new CreateUser(username.getValue().trim(), displayName.getValue(), email.getValue(),
                        password.getValue(), admin.getValue()));
                Notifications.success("User " + username.getValue().trim() + " created");
                close();
                saved.run();
            } catch (InvalidInputException ex) {
                errors.show(ex);
            }
        });
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickShortcut(Key.ENTER);
        getFooter().add(new Button("Cancel", e -> close()), create);
        username.focus();
    }
}
