package dev.linkport.approval.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import dev.linkport.approval.service.ApprovalService;
import dev.linkport.approval.service.EndpointChangeApprovals;
import dev.linkport.approval.service.EndpointChangeApprovals.PendingChangeDecision;
import dev.linkport.consumer.service.ChangeAwaitingDecision;
import dev.linkport.platform.ConflictException;
import dev.linkport.platform.ForbiddenException;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.NotFoundException;
import dev.linkport.platform.ui.Notifications;
import java.util.List;

/**
 * The approval dashboard's second list: changes of available endpoints (subnets, security groups, private DNS) that
 * wait for the user's decision because the service says changes need approval, each with what it changes, before
 * → after. Shown only while there is such a change.
 */
class ChangeDecisions extends VerticalLayout {

    private final EndpointChangeApprovals approvals;
    private final Grid<PendingChangeDecision> grid = new Grid<>(PendingChangeDecision.class, false);
    private final Runnable afterDecision;

    ChangeDecisions(EndpointChangeApprovals approvals, Runnable afterDecision) {
        this.approvals = approvals;
        this.afterDecision = afterDecision;
        setId("change-decisions");
        addClassName("change-decisions");
        setPadding(false);
        H3 title = new H3("Endpoint changes");
        Paragraph hint = new Paragraph("Changes of available endpoints to services whose changes need approval, "
                + "oldest first. Approving applies the change in AWS at once; the endpoint's team sees a rejection's "
                + "reason.");
        hint.addClassName("cell-subtitle");
        grid.setId("change-decisions-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(p -> p.change().serviceName()).setHeader("Service").setFlexGrow(1);
        grid.addColumn(p -> p.change().requestedBy()).setHeader("Asked by").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> p.change().consumerTeam()).setHeader("Team").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> p.change().accountId() + " · " + p.change().vpcEndpointId()).setHeader("Endpoint")
                .setFlexGrow(1);
        grid.addColumn(new ComponentRenderer<>(p -> whatChanges(p.change()))).setHeader("What changes")
                .setWidth("24rem").setFlexGrow(3);
        grid.addColumn(new ComponentRenderer<>(this::actions)).setHeader("Decision").setFlexGrow(0)
                .setWidth("13rem");
        grid.setItems(q -> approvals.pending(q.getOffset(), q.getLimit()).stream(),
                q -> (int) approvals.countPending()).setIdentifierProvider(p -> p.change().id());
        add(title, hint, grid);
        refresh();
    }

    /** Reloads the list; hidden while nothing waits. */
    void refresh() {
        grid.getDataProvider().refreshAll();
        setVisible(approvals.countPending() > 0);
    }

    /** Before → after for what the change touches; what it keeps is not listed. */
    static Div whatChanges(ChangeAwaitingDecision c) {
        Div cell = new Div();
        cell.addClassName("change-diff");
        line(cell, "Subnets", c.subnetsBefore(), c.subnetsAfter());
        line(cell, "Security groups", c.securityGroupsBefore(), c.securityGroupsAfter());
        if (c.privateDnsBefore() != c.privateDnsAfter()) {
            cell.add(new Div("Private DNS: " + onOff(c.privateDnsBefore()) + " → " + onOff(c.privateDnsAfter())));
        }
        return cell;
    }

    private static void line(Div cell, String what, List<String> before, List<String> after) {
        if (!new java.util.HashSet<>(before).equals(new java.util.HashSet<>(after))) {
            cell.add(new Div(what + ": " + String.join(", ", before) + " → " + String.join(", ", after)));
        }
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }

    private HorizontalLayout actions(PendingChangeDecision p) {
        String id = p.change().id().toString();
        Button approve = new Button("Approve", e -> decide(() -> approvals.approve(p.change().id(), null),
                "Approved the change of " + p.change().consumerTeam() + "'s endpoint to " + p.change().serviceName()));
        approve.setId("approve-change-" + id);
        approve.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.SUCCESS);
        Button reject = new Button("Reject", e -> openReject(p.change()));
        reject.setId("reject-change-" + id);
        reject.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.ERROR);
        HorizontalLayout actions = new HorizontalLayout(approve, reject);
        actions.addClassName("row-actions");
        if (!p.decidable()) { // one's own change stays in the queue for the others
            approve.setEnabled(false);
            reject.setEnabled(false);
            Span why = new Span(p.cannotDecide());
            why.addClassName("cell-subtitle");
            actions.add(why);
        }
        return actions;
    }

    private void decide(Runnable decision, String success) {
        try {
            decision.run();
            Notifications.success(success);
        } catch (ConflictException | NotFoundException | ForbiddenException e) {
            Notifications.error(e.getMessage());
        }
        afterDecision.run();
    }

    private void openReject(ChangeAwaitingDecision c) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Reject the change of " + c.consumerTeam() + "'s endpoint to " + c.serviceName());
        dialog.setWidth("min(32rem, 95vw)");
        TextArea reason = new TextArea("Reason");
        reason.setId("reject-change-reason");
        reason.setWidthFull();
        reason.setRequiredIndicatorVisible(true);
        reason.setMaxLength(ApprovalService.MAX_REASON);
        reason.setHelperText("The endpoint's team sees it: say what they should change");
        dialog.add(new Paragraph(c.requestedBy() + " asked: " + c.summary()), reason);
        Button confirm = new Button("Reject", e -> {
            try {
                approvals.reject(c.id(), reason.getValue());
                Notifications.success("Rejected the change of " + c.consumerTeam() + "'s endpoint");
                dialog.close();
            } catch (InvalidInputException invalid) {
                reason.setErrorMessage(invalid.errors().getFirst().message());
                reason.setInvalid(true);
                return;
            } catch (ConflictException | NotFoundException | ForbiddenException problem) {
                Notifications.error(problem.getMessage());
                dialog.close();
            }
            afterDecision.run();
        });
        confirm.setId("reject-change-confirm");
        confirm.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        confirm.addClickShortcut(Key.ENTER, KeyModifier.CONTROL);
        Button cancel = new Button("Cancel", e -> dialog.close());
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
        reason.focus();
    }
}
