package dev.linkport.approval.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.linkport.approval.service.ApprovalService;
import dev.linkport.approval.service.ApprovalService.BulkOutcome;
import dev.linkport.consumer.service.EndpointRequestDetails;
import dev.linkport.identity.service.UserService;
import dev.linkport.platform.ConflictException;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.NotFoundException;
import dev.linkport.platform.events.Changed;
import dev.linkport.platform.events.LiveUpdates;
import dev.linkport.platform.ui.EmptyState;
import dev.linkport.platform.ui.LiveRefresh;
import dev.linkport.platform.ui.Notifications;
import dev.linkport.platform.ui.ViewHeader;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Endpoint requests waiting for the user's decision (platform admins and provider teams), oldest
 * first: approve or reject one, or approve several at once. Refreshes by itself as requests come
 * in or are decided by someone else.
 */
@Route("approvals")
@PageTitle("Approvals · Linkport")
@PermitAll
public class ApprovalsView extends VerticalLayout implements BeforeEnterObserver {

    private final ApprovalService approvals;
    private final UserService users;
    private final LiveUpdates updates;
    private final Clock clock;
    private final Grid<EndpointRequestDetails> grid = new Grid<>(EndpointRequestDetails.class, false);
    private final Button approveSelected = new Button("Approve selected", VaadinIcon.CHECK.create());
    private final Div empty = new Div();
    private boolean listening;

    public ApprovalsView(ApprovalService approvals, UserService users, LiveUpdates updates, Clock clock) {
        this.approvals = approvals;
        this.users = users;
        this.updates = updates;
        this.clock = clock;
        addClassName("approvals-view");
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!users.me().approver()) {
            event.rerouteToError(AccessDeniedException.class,
                    "Approvals are for platform admins and members of provider teams.");
            return;
        }
        removeAll();
        approveSelected.setId("approve-selected");
        approveSelected.addThemeVariants(ButtonVariant.PRIMARY);
        approveSelected.setEnabled(false);
        approveSelected.addClickListener(e -> approveSelected());
        add(new ViewHeader("Approvals", "Endpoint requests to services you decide on, oldest first. Approving "
                + "starts provisioning in AWS at once.", approveSelected));

        grid.setId("approvals-grid");
        grid.removeAllColumns();
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(EndpointRequestDetails::serviceName).setHeader("Service").setFlexGrow(2);
        grid.addColumn(EndpointRequestDetails::requester).setHeader("Requester").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(EndpointRequestDetails::consumerTeam).setHeader("Team").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(ApprovalsView::target)).setHeader("Account · VPC").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(EndpointRequestDetails::justification).setHeader("Justification").setFlexGrow(3);
        grid.addColumn(r -> age(r)).setHeader("Age").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(this::actions)).setHeader("Decision").setFlexGrow(0).setWidth("13rem");
        grid.setItems(q -> approvals.pending(q.getOffset(), q.getLimit()).stream(), q -> (int) approvals.countPending())
                .setIdentifierProvider(EndpointRequestDetails::id);
        grid.addSelectionListener(e -> {
            int n = e.getAllSelectedItems().size();
            approveSelected.setEnabled(n > 0);
            approveSelected.setText(n > 0 ? "Approve selected (" + n + ")" : "Approve selected");
        });
        empty.removeAll();
        empty.add(new EmptyState("Nothing waiting for you",
                "Requests for services with the PROVIDER policy (decided by the providing team) or the ADMIN policy "
                        + "(decided by platform admins) appear here, with requester, target VPC and justification. "
                        + "This page updates by itself."));
        add(empty, grid);
        setFlexGrow(1, grid);
        showEmptyOrGrid();
        if (!listening) {
            listening = true;
            LiveRefresh.onChange(this, updates, Changed.Topic.ENDPOINT_REQUEST, this::refresh);
        }
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        showEmptyOrGrid();
    }

    private void showEmptyOrGrid() {
        boolean none = approvals.countPending() == 0;
        empty.setVisible(none);
        grid.setVisible(!none);
    }

    private Div actions(EndpointRequestDetails r) {
        Button approve = new Button("Approve", e -> decide(() -> approvals.approve(r.id(), null),
                "Approved " + r.serviceName() + " for " + r.consumerTeam()));
        approve.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.SUCCESS);
        approve.addClassName("approve-request");
        approve.setId("approve-" + r.id());
        Button reject = new Button("Reject", e -> openReject(r));
        reject.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.ERROR);
        reject.addClassName("reject-request");
        reject.setId("reject-" + r.id());
        Div bar = new Div(approve, reject);
        bar.addClassName("row-actions");
        return bar;
    }

    private void decide(Runnable decision, String success) {
        try {
            decision.run();
            Notifications.success(success);
        } catch (ConflictException | NotFoundException e) {
            Notifications.error(e.getMessage()); // decided by someone else meanwhile
        }
        refresh();
    }

    private void openReject(EndpointRequestDetails r) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Reject the request of " + r.consumerTeam() + " for " + r.serviceName());
        dialog.setWidth("min(32rem, 95vw)");
        TextArea reason = new TextArea("Reason");
        reason.setId("reject-reason");
        reason.setWidthFull();
        reason.setRequiredIndicatorVisible(true);
        reason.setHelperText("The requester sees it: say what they should change");
        dialog.add(new Paragraph(r.requester() + " asked: “" + r.justification() + "”"), reason);
        Button confirm = new Button("Reject", e -> {
            if (reason.getValue().isBlank()) {
                reason.setErrorMessage("Say why the request is rejected; the requester sees it");
                reason.setInvalid(true);
                return;
            }
            try {
                approvals.reject(r.id(), reason.getValue());
                Notifications.success("Rejected " + r.serviceName() + " for " + r.consumerTeam());
                dialog.close();
            } catch (InvalidInputException invalid) {
                reason.setErrorMessage(invalid.errors().getFirst().message());
                reason.setInvalid(true);
                return;
            } catch (ConflictException | NotFoundException conflict) {
                Notifications.error(conflict.getMessage());
                dialog.close();
            }
            refresh();
        });
        confirm.setId("reject-confirm");
        confirm.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        confirm.addClickShortcut(Key.ENTER, com.vaadin.flow.component.KeyModifier.CONTROL);
        Button cancel = new Button("Cancel", e -> dialog.close());
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
        reason.focus();
    }

    private void approveSelected() {
        List<EndpointRequestDetails> chosen = List.copyOf(grid.getSelectedItems());
        Map<UUID, EndpointRequestDetails> byId = chosen.stream()
                .collect(Collectors.toMap(EndpointRequestDetails::id, Function.identity()));
        List<BulkOutcome> outcomes = approvals.approveAll(chosen.stream().map(EndpointRequestDetails::id).toList(), null);
        grid.deselectAll();
        refresh();
        long ok = outcomes.stream().filter(BulkOutcome::approved).count();
        Dialog result = new Dialog();
        result.setHeaderTitle(ok == outcomes.size() ? "Approved " + ok + " requests"
                : "Approved " + ok + " of " + outcomes.size() + " requests");
        Div list = new Div();
        list.setId("bulk-outcomes");
        list.addClassName("bulk-outcomes");
        for (BulkOutcome o : outcomes) {
            EndpointRequestDetails r = byId.get(o.id());
            Span line = new Span((r == null ? o.id().toString() : r.serviceName() + " for " + r.consumerTeam()
                    + " (" + r.requester() + ": “" + shorten(r.justification()) + "”)") + " — "
                    + (o.approved() ? "approved" : o.problem()));
            line.addClassName(o.approved() ? "outcome-ok" : "outcome-problem");
            list.add(line);
        }
        result.add(list);
        Button close = new Button("Close", e -> result.close());
        close.addThemeVariants(ButtonVariant.PRIMARY);
        result.getFooter().add(close);
        result.open();
        close.focus();
    }

    private static Div target(EndpointRequestDetails r) {
        Span account = new Span(r.accountId() + " · " + r.region());
        Span vpc = new Span(r.vpcId() + " · " + r.subnetIds().size() + (r.subnetIds().size() == 1 ? " subnet" : " subnets"));
        vpc.addClassName("cell-subtitle");
        Div cell = new Div(account, vpc);
        cell.addClassName("two-line-cell");
        return cell;
    }

    private static String shorten(String text) {
        return text.length() <= 48 ? text : text.substring(0, 47) + "…";
    }

    private String age(EndpointRequestDetails r) {
        Duration d = Duration.between(r.createdAt(), clock.instant());
        if (d.toDays() > 0) {
            return d.toDays() + " d";
        }
        if (d.toHours() > 0) {
            return d.toHours() + " h";
        }
        return d.toMinutes() < 1 ? "just now" : d.toMinutes() + " min";
    }
}
