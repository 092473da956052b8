package dev.linkport.identity.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import dev.linkport.identity.MembershipRole;
import dev.linkport.identity.service.TeamCommands.AddMember;
import dev.linkport.identity.service.TeamService;
import dev.linkport.identity.service.TeamViews.TeamSummary;
import dev.linkport.identity.service.UserService;
import dev.linkport.identity.service.UserService.UserSummary;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.ui.FormErrors;
import dev.linkport.platform.ui.Notifications;

/** Adds a user to a team. */
class MemberDialog extends Dialog {

    MemberDialog(TeamService teams, UserService users, TeamSummary team, Runnable saved) {
        setHeaderTitle("Add a member to " + team.name());
        setWidth("min(30rem, 95vw)");
        ComboBox<UserSummary> user = new ComboBox<>("User");
        // looked up as the person types, a page at a time: an organisation has thousands of people
        user.setItems(q -> users.directory(q.getFilter().orElse(""), q.getOffset(), q.getLimit()).stream());
        user.setItemLabelGenerator(u -> u.username() + " — " + u.displayName());
        user.setRequiredIndicatorVisible(true);
        Select<MembershipRole> role = new Select<>();
        role.setLabel("Role");
        role.setItems(MembershipRole.values());
        role.setItemLabelGenerator(r -> r == MembershipRole.OWNER ? "Owner — manages accounts and members" : "Member");
        role.setValue(MembershipRole.MEMBER);
        FormErrors errors = new FormErrors().field("username", user).field("role", role);
        FormLayout form = new FormLayout(user, role);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        Button add = new Button("Add member", e -> {
            try {
                teams.addMember(new AddMember(team.id(), user.getValue() == null ? null : user.getValue().username(),
                        role.getValue()));
                Notifications.success(user.getValue().username() + " added to " + team.name());
                close();
                saved.run();
            } catch (InvalidInputException ex) {
                errors.show(ex);
            }
        });
        add.addThemeVariants(ButtonVariant.PRIMARY);
        add.addClickShortcut(Key.ENTER);
        getFooter().add(new Button("Cancel", e -> close()), add);
        user.focus();
    }
}
