package dev.linkport.identity.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import dev.linkport.identity.service.AccessCheckResult;
import dev.linkport.identity.service.AccessCheckResult.Step;
import dev.linkport.identity.service.AccessCheckResult.StepOutcome;
import dev.linkport.identity.service.AccessCheckService;
import dev.linkport.identity.service.AccountDetails;
import dev.linkport.platform.ui.Background;
import dev.linkport.platform.ui.StateBadge;

/**
 * "Test access" for one account: runs the check in the background (it calls AWS and takes seconds), shows
 * "Testing access…" meanwhile, then each step with what to fix, and the policy to compare with or attach.
 */
class AccessCheckDialog extends Dialog {

    private final AccessCheckService checks;
    private final Background background;
    private final AccountDetails account;
    private final Runnable onChecked;
    private final Div body = new Div();
    private final Button again = new Button("Test again");

    /**
     * @param onChecked runs on the UI thread after each check that produced a result (to refresh a list)
     */
    AccessCheckDialog(AccessCheckService checks, Background background, AccountDetails account, Runnable onChecked) {
        this.checks = checks;
        this.background = background;
        this.account = account;
        this.onChecked = onChecked;
        setHeaderTitle("Test access to " + account.accountId());
        setWidth("min(52rem, 95vw)");
        addClassName("access-check-dialog");
        body.addClassName("access-check");
        add(body);
        again.addClickListener(e -> start());
        getFooter().add(again, new Button("Close", e -> close()));
        start();
    }

    private void start() {
        again.setEnabled(false);
        ProgressBar progress = new ProgressBar();
        progress.setIndeterminate(true);
        Paragraph testing = new Paragraph("Testing access… Linkport assumes " + account.roleArn()
                + " with the account's ExternalId, then reads once per permission group.");
        testing.setId("access-check-progress");
        body.removeAll();
        body.add(testing, progress);
        background.run(UI.getCurrent(), () -> checks.check(account.id()), result -> {
            show(result);
            onChecked.run();
        }, failure -> {
            body.removeAll();
            Paragraph error = new Paragraph("The check could not run: " + failure.getMessage());
            error.addClassName("form-error");
            error.setId("access-summary");
            body.add(error);
            again.setEnabled(true);
        });
    }

    private void show(AccessCheckResult result) {
        body.removeAll();
        StateBadge badge = new StateBadge(result.outcome());
        Span summary = new Span(result.summary());
        Div head = new Div(badge, summary);
        head.setId("access-summary");
        head.addClassName("access-summary");
        body.add(head);
        Paragraph where = new Paragraph("Role " + result.roleArn() + ", reads in " + result.region() + ".");
        where.addClassName("hint");
        body.add(where);
        Div steps = new Div();
        steps.setId("access-steps");
        steps.addClassName("access-steps");
        result.steps().forEach(step -> steps.add(step(step)));
        body.add(steps);
        boolean assumeFailed = result.steps().getFirst().outcome() == StepOutcome.FAILED;
        boolean readFailed = result.steps().stream().skip(1).anyMatch(s -> s.outcome() == StepOutcome.FAILED);
        if (assumeFailed) {
            body.add(AccountPoliciesDialog.section("Trust policy the role needs", "access-trust-policy", result.trustPolicy()));
        }
        if (readFailed) {
            body.add(AccountPoliciesDialog.section("Provider permission policy to attach (accounts hosting services)",
                    "access-provider-policy", result.providerPolicy()));
            body.add(AccountPoliciesDialog.section("Consumer permission policy to attach (accounts holding endpoints)",
                    "access-consumer-policy", result.consumerPolicy()));
        }
        again.setEnabled(true);
    }

    private static Component step(Step step) {
        Div row = new Div();
        row.addClassName("access-step");
        StateBadge badge = new StateBadge(step.outcome());
        Span name = new Span(step.name());
        name.addClassName("access-step-name");
        Span permission = new Span(step.permission());
        permission.addClassName("mono");
        row.add(new Div(badge, name, permission));
        if (!step.explanation().isEmpty()) {
            Paragraph explanation = new Paragraph(step.explanation());
            explanation.addClassName("access-step-explanation");
            row.add(explanation);
        }
        if (!step.awsError().isEmpty()) {
            Paragraph aws = new Paragraph("AWS said: " + step.awsError());
            aws.addClassName("access-step-aws");
            row.add(aws);
        }
        return row;
    }


    /** A "Test access" button that opens this dialog for the account. */
    static Button button(AccessCheckService checks, Background background, AccountDetails account,
                         Runnable onChecked) {
        Button test = new Button("Test access",
                e -> new AccessCheckDialog(checks, background, account, onChecked).open());
        test.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        test.addClassName("test-access");
        test.setAriaLabel("Test access to " + account.accountId());
        test.setTooltipText("Assume the role and read once per permission group");
        return test;
    }
}
