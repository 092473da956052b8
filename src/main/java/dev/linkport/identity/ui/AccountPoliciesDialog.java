package dev.linkport.identity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import dev.linkport.identity.service.AccountDetails;
import dev.linkport.platform.ui.CopyButton;

/** Everything a team needs to create the IAM role Linkport assumes in an account. */
class AccountPoliciesDialog extends Dialog {

    AccountPoliciesDialog(AccountDetails account) {
        this(account, null);
    }

    /**
     * @param testAccess opens "Test access" for the account (offered once the role is set up), or {@code null}
     *                   when the caller may not test it
     */
    AccountPoliciesDialog(AccountDetails account, Runnable testAccess) {
        setHeaderTitle("Set up the role in " + account.accountId());
        setWidth("min(56rem, 95vw)");
        addClassName("policies-dialog");
        add(new Paragraph("Create the IAM role " + account.roleArn() + " in account " + account.accountId()
                + " with this trust policy, and attach the provider policy if the account hosts services, the "
                + "consumer policy if it holds endpoints to services (both if it does both). Linkport assumes it "
                + "with the ExternalId below; it stores no AWS secret."));
        Span externalId = new Span(account.externalId());
        externalId.addClassName("mono");
        externalId.setId("external-id");
        Div ext = new Div(new Span("ExternalId: "), externalId, new CopyButton("Copy", account::externalId));
        ext.addClassName("external-id-line");
        add(ext);
        add(section("Trust policy", "trust-policy", account.trustPolicy()));
        Paragraph tags = new Paragraph("Least privilege: Linkport may create endpoint services and endpoints only "
                + "with its tags (linkport:team = " + account.teamName() + "), and change or delete only what carries "
                + "them; it reads everything (AWS's describes cannot be limited).");
        tags.addClassName("hint");
        add(tags);
        add(section("Provider policy", "provider-policy", account.providerPolicy()));
        add(section("Consumer policy", "consumer-policy", account.consumerPolicy()));
        if (testAccess != null) {
            add(new Paragraph("Once the role is in place, test that Linkport gets in and may read what it needs."));
            Button test = new Button("Test access", e -> {
                close();
                testAccess.run();
            });
            test.addThemeVariants(ButtonVariant.PRIMARY);
            test.setId("policies-test-access");
            getFooter().add(test);
        }
        getFooter().add(new Button("Close", e -> close()));
    }

    /** A policy document with its title and a button that copies it; also used by the access check's dialog. */
    static Div section(String title, String id, String json) {
        Pre pre = new Pre(json);
        pre.setId(id);
        pre.addClassName("policy-json");
        Div header = new Div(new H4(title), new CopyButton("Copy JSON", () -> json));
        header.addClassName("policy-header");
        return new Div(header, pre);
    }
}
