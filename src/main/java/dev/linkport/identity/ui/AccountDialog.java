package dev.linkport.identity.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.linkport.identity.service.AccountCommands.RegisterAccount;
import dev.linkport.identity.service.AccountCommands.UpdateAccount;
import dev.linkport.identity.service.AccountDetails;
import dev.linkport.identity.service.AccountService;
import dev.linkport.identity.service.TeamViews.TeamSummary;
import dev.linkport.platform.AwsIds;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.Validation;
import dev.linkport.platform.ui.FormErrors;
import dev.linkport.platform.ui.Notifications;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

/** Registers an AWS account for a team, or edits one. */
class AccountDialog extends Dialog {

    private final TextField accountId = new TextField("AWS account id");
    private final TextField displayName = new TextField("Name");
    private final MultiSelectComboBox<String> regions = new MultiSelectComboBox<>("Regions");
    private final TextField roleArn = new TextField("IAM role Linkport assumes");
    private final FormErrors errors = new FormErrors();

    AccountDialog(AccountService accounts, Validation validation, TeamSummary team, AccountDetails existing,
                  Consumer<AccountDetails> saved) {
        setHeaderTitle(existing == null ? "Register an AWS account for " + team.name() : "Edit account " + existing.accountId());
        setWidth("min(40rem, 95vw)");
        accountId.setId("account-id");
        displayName.setId("account-name");
        regions.setId("account-regions");
        roleArn.setId("account-role-arn");
        accountId.setHelperText("12 digits");
        accountId.setMaxLength(12);
        accountId.setAllowedCharPattern("[0-9]");
        accountId.setValueChangeMode(ValueChangeMode.LAZY);
        accountId.setRequiredIndicatorVisible(true);
        displayName.setHelperText("How people recognise it, e.g. payments-prod");
        displayName.setRequiredIndicatorVisible(true);
        Set<String> known = new LinkedHashSet<>(AwsIds.KNOWN_REGIONS);
        if (existing != null) {
            known.addAll(existing.regions());
        }
        regions.setItems(known);
        regions.setHelperText("Where this account runs services or wants endpoints");
        regions.setRequiredIndicatorVisible(true);
        roleArn.setHelperText("Create this role with the trust and permission policies Linkport shows after saving");
        roleArn.setRequiredIndicatorVisible(true);
        roleArn.setWidthFull();

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        if (existing == null) {
            form.add(accountId);
            errors.live(validation, RegisterAccount.class, "accountId", accountId);
            errors.live(validation, RegisterAccount.class, "displayName", displayName);
            errors.live(validation, RegisterAccount.class, "roleArn", roleArn);
            errors.field("regions", regions);
            regions.setValue(Set.of("us-east-1"));
            accountId.addValueChangeListener(e -> {
                if (roleArn.isEmpty() && e.getValue().matches(AwsIds.ACCOUNT_ID)) {
                    roleArn.setValue("arn:aws:iam::" + e.getValue() + ":role/LinkportAccess");
                }
            });
        } else {
            displayName.setValue(existing.displayName());
            regions.setValue(Set.copyOf(existing.regions()));
            roleArn.setValue(existing.roleArn());
            errors.live(validation, UpdateAccount.class, "displayName", displayName);
            errors.live(validation, UpdateAccount.class, "roleArn", roleArn);
            errors.field("regions", regions);
        }
        form.add(displayName, regions);
        form.add(roleArn, 2);
        add(form);

        Button save = new Button(existing == null ? "Register account" : "Save", e -> {
            try {
                AccountDetails result = existing == null
                        ? accounts.register(new RegisterAccount(team.id(), accountId.getValue().trim(),
                        displayName.getValue(), regions.getValue(), roleArn.getValue().trim()))
                        : accounts.update(new UpdateAccount(existing.id(), existing.version(), displayName.getValue(),
                        regions.getValue(), roleArn.getValue().trim()));
                Notifications.success(existing == null ? "Account " + result.accountId() + " registered" : "Account saved");
                close();
                saved.accept(result);
            } catch (InvalidInputException ex) {
                errors.show(ex);
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickShortcut(Key.ENTER);
        getFooter().add(new Button("Cancel", e -> close()), save);
        (existing == null ? accountId : displayName).focus();
    }
}
