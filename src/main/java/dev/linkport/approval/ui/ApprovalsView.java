package dev.linkport.approval.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.linkport.approval.service.ApprovalService;
import dev.linkport.approval.service.ApprovalService.BulkOutcome;
import dev.linkport.approval.service.ApprovalService.PendingDecision;
import dev.linkport.approval.service.EndpointChangeApprovals;
import dev.linkport.consumer.service.EndpointRequestRow;
import dev.linkport.consumer.service.FilterChoice;
import dev.linkport.consumer.service.RequestFilterChoices;
import dev.linkport.consumer.service.WaitingRequestsFilter;
import dev.linkport.identity.service.UserService;
import dev.linkport.platform.ConflictException;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.NotFoundException;
import dev.linkport.platform.events.ChangeScope;
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
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Endpoint requests waiting for the user's decision (platform admins and provider teams), oldest
 * first, filtered by service, requesting team, words (account, requester, VPC) and how long they
 * have waited: approve or reject one, or several at once. Refreshes by itself as requests to the
 * services the user decides come in or are decided by someone else. Opened at one request
 * ({@code approvals/<id>}, the link in notifications), it shows that request's service and selects it. Below,
 * changes of endpoints waiting for the user's decision ({@link ChangeDecisions}), when there are any.
 */
@Route("approvals/:id?")
@PageTitle("Approvals · Linkport")
@PermitAll
public class ApprovalsView extends VerticalLayout implements BeforeEnterObserver {

    /** How long a request has waited, as the filter offers it. */
    enum Waiting {
        ANY("Waiting any time", null), HOUR("Waiting over an hour", Duration.ofHours(1)),
        DAY("Waiting over a day", Duration.ofDays(1)), WEEK("Waiting over a week", Duration.ofDays(7));

        final String label;
        final Duration atLeast;

        Waiting(String label, Duration atLeast) {
            this.label = label;
            this.atLeast = atLeast;
        }
    }

    private final ApprovalService approvals;
    private final EndpointChangeApprovals changeApprovals;
    private final UserService users;
    private final LiveUpdates updates;
    private final Clock clock;
    private final Grid<PendingDecision> grid = new Grid<>(PendingDecision.class, false);
    private final Button approveSelected = new Button("Approve selected", VaadinIcon.CHECK.create());
    private final Button rejectSelected = new Button("Reject selected", VaadinIcon.CLOSE_SMALL.create());
    private final TextField search = new TextField();
    private final ComboBox<FilterChoice> service = new ComboBox<>();
    private final ComboBox<FilterChoice> team = new ComboBox<>();
    private final Select<Waiting> waiting = new Select<>();
    private final HorizontalLayout filters = new HorizontalLayout();
    private final Div empty = new Div();
    private boolean built;
    private RequestFilterChoices offered;
    private boolean offering;
    private ChangeDecisions changes;

    public ApprovalsView(ApprovalService approvals, EndpointChangeApprovals changeApprovals, UserService users,
                         LiveUpdates updates, Clock clock) {
        this.approvals = approvals;
        this.changeApprovals = changeApprovals;
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
        if (built) {
            refresh();
            focusOn(event);
            return;
        }
        built = true;
        approveSelected.setId("approve-selected");
        approveSelected.addThemeVariants(ButtonVariant.PRIMARY);
        approveSelected.setEnabled(false);
        approveSelected.addClickListener(e -> {
            try {
                approveSelected();
            } catch (InvalidInputException invalid) { // e.g. more requests than one bulk decision takes
                invalid.errors().forEach(f -> Notifications.error(f.message()));
            }
        });
        rejectSelected.setId("reject-selected");
        rejectSelected.addThemeVariants(ButtonVariant.ERROR);
        rejectSelected.setEnabled(false);
        rejectSelected.addClickListener(e -> openBulkReject());
        add(new ViewHeader("Approvals", "Endpoint requests to services you decide on, oldest first. Approving "
                + "starts provisioning in AWS at once.", rejectSelected, approveSelected));
        buildFilters();

        grid.setId("approvals-grid");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(p -> p.request().serviceName()).setHeader("Service").setFlexGrow(2);
        grid.addColumn(p -> p.request().requester()).setHeader("Requester").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> p.request().consumerTeam()).setHeader("Team").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(LitRenderer.<PendingDecision>of("""
                        <div class="two-line-cell"><span>${item.account}</span>\\
                        <span class="cell-subtitle">${item.vpc}</span></div>""")
                        .withProperty("account", p -> p.request().accountId() + " · " + p.request().region())
                        .withProperty("vpc", p -> p.request().vpcId() + " · " + p.request().subnetCount()
                                + (p.request().subnetCount() == 1 ? " subnet" : " subnets")))
                .setHeader("Account · VPC").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> p.request().justification()).setHeader("Justification").setFlexGrow(3);
        grid.addColumn(LitRenderer.<PendingDecision>of("""
                        <div class="two-line-cell" title="${item.explained}"><span class="estimate">${item.monthly}</span>\
                        <span class="cell-subtitle">${item.traffic}</span></div>""")
                        .withProperty("monthly", p -> p.request().estimate() == null ? "—"
                                : "$" + p.request().estimate().monthly().toPlainString() + " / month")
                        .withProperty("traffic", p -> p.request().expectedGbPerMonth() == null ? "traffic not given"
                                : p.request().expectedGbPerMonth() + " GB expected"
                                        + (p.request().estimate() != null && p.request().estimate().crossRegion()
                                        ? ", across regions" : ""))
                        .withProperty("explained", p -> p.request().estimate() == null ? ""
                                : p.request().estimate().describe()))
                .setHeader("Estimate").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> age(p.request())).setHeader("Age").setAutoWidth(true).setFlexGrow(0);
        // one's own request stays in the queue for the others, with the buttons off and the reason beside them
        grid.addColumn(LitRenderer.<PendingDecision>of("""
                        <div class="row-actions" title="${item.why}">\\
                        <vaadin-button id="approve-${item.id}" class="approve-request" theme="small success" \\
                        ?disabled="${item.own}" @click="${approve}">Approve</vaadin-button>\\
                        <vaadin-button id="reject-${item.id}" class="reject-request" theme="small error" \\
                        ?disabled="${item.own}" @click="${reject}">Reject</vaadin-button></div>\\
                        <span id="own-${item.id}" class="cell-subtitle own-request" ?hidden="${!item.own}">\\
                        ${item.why}</span>""")
                        .withProperty("id", p -> p.request().id().toString())
                        .withProperty("own", p -> !p.decidable())
                        .withProperty("why", p -> p.decidable() ? "" : p.cannotDecide())
                        .withFunction("approve", p -> decide(() -> approvals.approve(p.request().id(), null),
                                "Approved " + p.request().serviceName() + " for " + p.request().consumerTeam()))
                        .withFunction("reject", p -> openReject(p.request())))
                .setHeader("Decision").setFlexGrow(0).setWidth("13rem");
        grid.setEmptyStateText("No request matches these filters. Clear them to see everything waiting for you.");
        grid.setItems(q -> approvals.pendingDecisions(filter(), q.getOffset(), q.getLimit()).stream(),
                        q -> (int) approvals.countPending(filter()))
                .setIdentifierProvider(p -> p.request().id());
        grid.setItemSelectableProvider(PendingDecision::decidable);
        grid.addSelectionListener(e -> {
            int n = e.getAllSelectedItems().size();
            approveSelected.setEnabled(n > 0);
            approveSelected.setText(n > 0 ? "Approve selected (" + n + ")" : "Approve selected");
            rejectSelected.setEnabled(n > 0);
            rejectSelected.setText(n > 0 ? "Reject selected (" + n + ")" : "Reject selected");
        });
        empty.add(new EmptyState("Nothing waiting for you",
                "Requests for services with the PROVIDER policy (decided by the providing team) or the ADMIN policy "
                        + "(decided by platform admins) appear here, with requester, target VPC and justification. "
                        + "This page updates by itself."));
        changes = new ChangeDecisions(changeApprovals, this::refresh);
        add(empty, filters, grid, changes);
        setFlexGrow(1, grid);
        showEmptyOrGrid();
        // only changes to requests the user decides, at most one refresh a second however many there are
        LiveRefresh.onConcerningChange(this, updates, Changed.Topic.ENDPOINT_REQUEST, concernsMe(), this::refresh);
        focusOn(event);
    }

    /** Opened at one request: filter to its service and select it, or say that it was decided meanwhile. */
    private void focusOn(BeforeEnterEvent event) {
        UUID id;
        try {
            id = event.getRouteParameters().get("id").map(UUID::fromString).orElse(null);
        } catch (IllegalArgumentException e) {
            id = null;
        }
        if (id == null) {
            return;
        }
        java.util.Optional<ApprovalService.Focus> focus = approvals.focus(id);
        if (focus.isEmpty()) {
            Notifications.error("That request does not exist, or it is not yours to decide");
            return;
        }
        ApprovalService.Focus f = focus.get();
        if (f.state() != dev.linkport.consumer.EndpointState.SUBMITTED) {
            Notifications.success("The request for " + f.serviceName() + " was already decided: it is " + f.state());
            return;
        }
        FilterChoice choice = offered == null ? null : offered.services().stream()
                .filter(c -> c.id().equals(f.listingId())).findFirst().orElse(null);
        if (choice != null) {
            service.setValue(choice);
        }
        List<PendingDecision> rows = approvals.pendingDecisions(filter(), 0, 500);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).request().id().equals(id) && rows.get(i).decidable()) {
                grid.select(rows.get(i));
                grid.scrollToIndex(i);
                break;
            }
        }
    }

    private Supplier<java.util.function.Predicate<Changed>> concernsMe() {
        return () -> {
            ChangeScope listings = approvals.decidableChangeScope();
            return changed -> listings.covers(changed.listingId());
        };
    }

    private void buildFilters() {
        search.setId("approvals-search");
        search.setPlaceholder("Account, requester, VPC, service");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setMaxLength(100);
        search.setWidth("20rem");
        service.setId("approvals-service");
        service.setPlaceholder("Service");
        service.setItemLabelGenerator(FilterChoice::label);
        service.setClearButtonVisible(true);
        team.setId("approvals-team");
        team.setPlaceholder("Requesting team");
        team.setItemLabelGenerator(FilterChoice::label);
        team.setClearButtonVisible(true);
        waiting.setId("approvals-waiting");
        waiting.setItems(Waiting.values());
        waiting.setItemLabelGenerator(w -> w.label);
        waiting.setValue(Waiting.ANY);
        Button clear = new Button("Clear filters", e -> {
            search.clear();
            service.clear();
            team.clear();
            waiting.setValue(Waiting.ANY);
        });
        clear.setId("approvals-clear-filters");
        clear.addThemeVariants(ButtonVariant.TERTIARY);
        search.addValueChangeListener(e -> filtered());
        service.addValueChangeListener(e -> filtered());
        team.addValueChangeListener(e -> filtered());
        waiting.addValueChangeListener(e -> filtered());
        filters.add(search, service, team, waiting, clear);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");
        filters.addClassName("list-filters");
    }

    /**
     * The services and teams among the requests now waiting; what is chosen stays chosen. Offering new
     * choices is not filtering: it keeps the selection.
     */
    private void offerChoices() {
        RequestFilterChoices choices = approvals.pendingFilterChoices();
        if (choices.equals(offered)) {
            return;
        }
        offered = choices;
        FilterChoice chosenService = service.getValue();
        FilterChoice chosenTeam = team.getValue();
        offering = true;
        try {
            service.setItems(withChosen(choices.services(), chosenService));
            team.setItems(withChosen(choices.teams(), chosenTeam));
            service.setValue(chosenService);
            team.setValue(chosenTeam);
        } finally {
            offering = false;
        }
    }

    private static List<FilterChoice> withChosen(List<FilterChoice> offered, FilterChoice chosen) {
        return chosen == null || offered.contains(chosen) ? offered
                : java.util.stream.Stream.concat(offered.stream(), java.util.stream.Stream.of(chosen)).toList();
    }

    /** What is selected and no longer shown must not be decided by "… selected": a new filter starts a new selection. */
    private void filtered() {
        if (offering) {
            return;
        }
        grid.deselectAll();
        grid.getDataProvider().refreshAll();
    }

    private WaitingRequestsFilter filter() {
        return new WaitingRequestsFilter(service.getValue() == null ? null : service.getValue().id(),
                team.getValue() == null ? null : team.getValue().id(), search.getValue(),
                waiting.getValue() == null ? null : waiting.getValue().atLeast);
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        showEmptyOrGrid();
        if (changes != null) {
            changes.refresh();
        }
    }

    private void showEmptyOrGrid() {
        boolean none = approvals.countPending() == 0;
        // the empty state says nothing waits: not while endpoint changes do
        empty.setVisible(none && (changes == null || changeApprovals.countPending() == 0));
        filters.setVisible(!none);
        grid.setVisible(!none);
        if (!none) {
            offerChoices();
        }
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

    private TextArea reasonField(String id) {
        TextArea reason = new TextArea("Reason");
        reason.setId(id);
        reason.setWidthFull();
        reason.setRequiredIndicatorVisible(true);
        reason.setMaxLength(ApprovalService.MAX_REASON);
        reason.setHelperText("The requester sees it: say what they should change");
        return reason;
    }

    private void openReject(EndpointRequestRow r) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Reject the request of " + r.consumerTeam() + " for " + r.serviceName());
        dialog.setWidth("min(32rem, 95vw)");
        TextArea reason = reasonField("reject-reason");
        dialog.add(new Paragraph(r.requester() + " asked: “" + r.justification() + "”"), reason);
        Button confirm = new Button("Reject", e -> {
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
        confirm.addClickShortcut(Key.ENTER, KeyModifier.CONTROL);
        Button cancel = new Button("Cancel", e -> dialog.close());
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
        reason.focus();
    }

    private void openBulkReject() {
        List<EndpointRequestRow> chosen = grid.getSelectedItems().stream().map(PendingDecision::request).toList();
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Reject " + chosen.size() + (chosen.size() == 1 ? " request" : " requests"));
        dialog.setWidth("min(32rem, 95vw)");
        TextArea reason = reasonField("bulk-reject-reason");
        reason.setHelperText("Every requester sees it: say what they should change");
        dialog.add(new Paragraph("The same reason goes to each of them."), reason);
        Button confirm = new Button("Reject all", e -> {
            List<BulkOutcome> outcomes;
            try {
                outcomes = approvals.rejectAll(chosen.stream().map(EndpointRequestRow::id).toList(), reason.getValue());
            } catch (InvalidInputException invalid) {
                invalid.errors().stream().filter(f -> !"reason".equals(f.field()))
                        .forEach(f -> Notifications.error(f.message()));
                invalid.errors().stream().filter(f -> "reason".equals(f.field())).findFirst().ifPresent(f -> {
                    reason.setErrorMessage(f.message());
                    reason.setInvalid(true);
                });
                return;
            }
            dialog.close();
            grid.deselectAll();
            refresh();
            showOutcomes(chosen, outcomes, "Rejected", "rejected");
        });
        confirm.setId("bulk-reject-confirm");
        confirm.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        confirm.addClickShortcut(Key.ENTER, KeyModifier.CONTROL);
        Button cancel = new Button("Cancel", e -> dialog.close());
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
        reason.focus();
    }

    private void approveSelected() {
        List<EndpointRequestRow> chosen = grid.getSelectedItems().stream().map(PendingDecision::request).toList();
        List<BulkOutcome> outcomes = approvals.approveAll(chosen.stream().map(EndpointRequestRow::id).toList(), null);
        grid.deselectAll();
        refresh();
        showOutcomes(chosen, outcomes, "Approved", "approved");
    }

    private void showOutcomes(List<EndpointRequestRow> chosen, List<BulkOutcome> outcomes, String title, String done) {
        Map<UUID, EndpointRequestRow> byId = chosen.stream()
                .collect(Collectors.toMap(EndpointRequestRow::id, Function.identity()));
        long ok = outcomes.stream().filter(BulkOutcome::done).count();
        Dialog result = new Dialog();
        result.setHeaderTitle(ok == outcomes.size() ? title + " " + ok + " requests"
                : title + " " + ok + " of " + outcomes.size() + " requests");
        Div list = new Div();
        list.setId("bulk-outcomes");
        list.addClassName("bulk-outcomes");
        for (BulkOutcome o : outcomes) {
            EndpointRequestRow r = byId.get(o.id());
            Span line = new Span((r == null ? o.id().toString() : r.serviceName() + " for " + r.consumerTeam()
                    + " (" + r.requester() + ": “" + shorten(r.justification()) + "”)") + " — "
                    + (o.done() ? done : o.problem()));
            line.addClassName(o.done() ? "outcome-ok" : "outcome-problem");
            list.add(line);
        }
        result.add(list);
        Button close = new Button("Close", e -> result.close());
        close.setId("bulk-outcomes-close");
        close.addThemeVariants(ButtonVariant.PRIMARY);
        result.getFooter().add(close);
        result.open();
        close.focus();
    }

    private static String shorten(String text) {
        return text.length() <= 48 ? text : text.substring(0, 47) + "…";
    }

    private String age(EndpointRequestRow r) {
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
