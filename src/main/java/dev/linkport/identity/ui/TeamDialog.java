package dev.linkport.identity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.Key;
import dev.linkport.identity.service.TeamCommands.CreateTeam;
import dev.linkport.identity.service.TeamCommands.UpdateTeam;
import dev.linkport.identity.service.TeamService;
import dev.linkport.identity.service.TeamViews.TeamSummary;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.Validation;
import dev.linkport.platform.ui.FormErrors;
import dev.linkport.platform.ui.Notifications;
import java.util.function.Consumer;

/** Creates a team, or edits one (admins). */
class TeamDialog extends Dialog {

    private final TextField name = new TextField("Short name");
    private final TextField displayName = new TextField("Display name");
    private final TextArea description = new TextArea("Description");
    private final Checkbox provider = new Checkbox("Provides services (its members see approvals)");
    private final FormErrors errors = new FormErrors();

    TeamDialog(TeamService teams, Validation validation, TeamSummary existing, Consumer<TeamSummary> saved) {
        setHeaderTitle(existing == null ? "New team" : "Edit team " + existing.name());
        setWidth("min(36rem, 95vw)");
        name.setHelperText("Lower-case letters, digits and '-', e.g. payments. Cannot be changed later.");
        name.setRequiredIndicatorVisible(true);
        displayName.setRequiredIndicatorVisible(true);
        description.setMaxLength(1000);
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        if (existing == null) {
            form.add(name);
            errors.live(validation, CreateTeam.class, "name", name);
            errors.live(validation, CreateTeam.class, "displayName", displayName);
        } else {
            displayName.setValue(existing.displayName());
            description.setValue(existing.description() == null ? "" : existing.description());
            provider.setValue(existing.provider());
            errors.live(validation, UpdateTeam.class, "displayName", displayName);
        }
        errors.live(validation, existing == null ? CreateTeam.class : UpdateTeam.class, "description", description);
        form.add(displayName, description, provider);
        add(form);

        Button save = new Button(existing == null ? "Create team" : "Save", e -> {
            try {
                TeamSummary result = existing == null
                        ? teams.createTeam(new CreateTeam(name.getValue().trim(), displayName.getValue(),
                        description.getValue(), provider.getValue()))
                        : teams.updateTeam(new UpdateTeam(existing.id(), existing.version(), displayName.getValue(),
                        description.getValue(), provider.getValue()));
                Notifications.success(existing == null ? "Team " + result.name() + " created" : "Team saved");
                close();
                saved.accept(result);
            } catch (InvalidInputException ex) {
                errors.show(ex);
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickShortcut(Key.ENTER);
        getFooter().add(new Button("Cancel", e -> close()), save);
        (existing == null ? name : displayName).focus();
    }
}
