package dev.linkport.consumer.ui;

import dev.linkport.consumer.ChangeState;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.service.ChangeOptions;
import dev.linkport.consumer.service.EndpointChangeDetails;
import dev.linkport.consumer.service.EndpointChangeService;
import dev.linkport.consumer.service.EndpointRequestDetails;
import dev.linkport.consumer.service.EndpointUsageService;
import dev.linkport.consumer.service.EndpointRequestDetails.TimelineEntry;
import dev.linkport.consumer.service.EndpointRequestRow;
import dev.linkport.consumer.service.EndpointRequestService;
import dev.linkport.consumer.service.FilterChoice;
import dev.linkport.consumer.service.MyEndpointsFilter;
import dev.linkport.consumer.service.RequestFilterChoices;
import dev.linkport.identity.service.AccountResources;
import dev.linkport.platform.NotFoundException;
import dev.linkport.platform.events.ChangeScope;
import dev.linkport.platform.events.Changed;
import dev.linkport.platform.events.LiveUpdates;
import dev.linkport.platform.ui.Background;
import dev.linkport.platform.ui.CopyButton;
import dev.linkport.platform.ui.EmptyState;
import dev.linkport.platform.ui.LiveRefresh;
import dev.linkport.platform.ui.Notifications;
import dev.linkport.platform.ui.StateBadge;
import dev.linkport.platform.ui.ViewHeader;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Endpoints the user's teams requested: states that change by themselves (server push) as approvers
 * decide and the worker provisions; for the selected one its DNS names, timeline and actions.
 */
@Route("my-endpoints/:id?")
@PageTitle("My endpoints · Linkport")
@PermitAll
public class MyEndpointsView extends VerticalLayout implements BeforeEnterObserver {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final int MAX_SEARCH = 100;
    private static final Set<EndpointState> IN_PROGRESS = EnumSet.of(EndpointState.APPROVED, EndpointState.PROVISIONING,
            EndpointState.PENDING_ACCEPTANCE, EndpointState.DELETING);

    private final EndpointRequestService requests;
    private final EndpointChangeService changes;
    private final AccountResources resources;
    private final EndpointUsageService usage;
    private final Background background;
    private final Grid<EndpointRequestRow> grid = new Grid<>(EndpointRequestRow.class, false);
    private final TextField search = new TextField();
    private final ComboBox<EndpointState> state = new ComboBox<>();
    private final ComboBox<FilterChoice> service = new ComboBox<>();
    private final ComboBox<FilterChoice> account = new ComboBox<>();
    private final Div detail = new Div();
    private UUID selected;

    public MyEndpointsView(EndpointRequestService requests, EndpointChangeService changes,
                           AccountResources resources, Background background, LiveUpdates updates,
                           EndpointUsageService usage) {
        this.requests = requests;
        this.changes = changes;
        this.resources = resources;
        this.usage = usage;
        this.background = background;
        addClassName("my-endpoints-view");
        setSizeFull();
        add(new ViewHeader("My endpoints", "Interface endpoints your teams requested into their VPCs, with their "
                + "state and DNS names. States change here by themselves."));
        if (requests.countMine() == 0) {
            add(new EmptyState("Your teams have no endpoints yet",
                    "Find a service in the Catalog and request an endpoint into one of your team's VPCs. Its approval, "
                            + "provisioning and DNS names then show up here.",
                    new Button("Open the catalog", e -> getUI().ifPresent(ui -> ui.navigate("catalog")))));
            return;
        }
        add(filters());
        grid.setId("endpoints-grid");
        grid.addColumn(LitRenderer.<EndpointRequestRow>of("""
                        <div class="two-line-cell"><span class="cell-title">${item.service}</span>\
                        <span class="cell-subtitle">${item.where}</span></div>""")
                        .withProperty("service", EndpointRequestRow::serviceName)
                        .withProperty("where", r -> r.accountId() + " · " + r.region() + " · " + r.vpcId()
                                + (r.vpcEndpointId() == null ? "" : " · " + r.vpcEndpointId())))
                .setHeader("Service").setFlexGrow(3);
        grid.addColumn(stateBadge()).setHeader("State").setFlexGrow(0).setAutoWidth(true);
        grid.addColumn(r -> DAY.format(r.createdAt())).setHeader("Requested").setFlexGrow(0).setAutoWidth(true);
        grid.setHeightFull();
        grid.setEmptyStateText("No endpoint matches these filters. Clear them, or try other words.");
        grid.setItems(q -> requests.mine(filter(), q.getOffset(), q.getLimit()).stream(),
                        q -> (int) requests.countMine(filter()))
                .setIdentifierProvider(EndpointRequestRow::id);
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.isFromClient()) {
                select(e.getValue() == null ? null : e.getValue().id());
                getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                        e.getValue() == null ? "my-endpoints" : "my-endpoints/" + e.getValue().id()));
            }
        });
        detail.setId("endpoint-detail");
        detail.addClassName("endpoint-detail");
        SplitLayout split = new SplitLayout(grid, detail);
        split.setSplitterPosition(55);
        split.setSizeFull();
        add(split);
        setFlexGrow(1, split);
        showNothingSelected();
        // only changes to requests of the user's teams, at most one refresh a second however many there are
        LiveRefresh.onConcerningChange(this, updates, Changed.Topic.ENDPOINT_REQUEST, () -> {
            ChangeScope teams = requests.myChangeScope();
            return changed -> teams.covers(changed.teamId());
        }, () -> grid.getDataProvider().refreshAll());
        LiveRefresh.onChange(this, updates, Changed.Topic.ENDPOINT_REQUEST, changed -> changed.id().equals(selected),
                () -> {
                    if (selected != null) {
                        select(selected);
                    }
                });
    }

    /** A state as a coloured badge (as {@link StateBadge} shows it), without a component per row. */
    private static LitRenderer<EndpointRequestRow> stateBadge() {
        return LitRenderer.<EndpointRequestRow>of(
                        "<span class=\"state-badge state-${item.stateClass}\">${item.state}</span>")
                .withProperty("state", r -> r.state().name().replace('_', ' '))
                .withProperty("stateClass", r -> r.state().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    private Component filters() {
        RequestFilterChoices choices = requests.myFilterChoices();
        search.setId("endpoints-search");
        search.setPlaceholder("Service, account, VPC, endpoint id, requester");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setMaxLength(MAX_SEARCH);
        search.setWidth("22rem");
        state.setId("endpoints-state");
        state.setPlaceholder("State");
        state.setItems(EndpointState.values());
        state.setClearButtonVisible(true);
        service.setId("endpoints-service");
        service.setPlaceholder("Service");
        service.setItems(choices.services());
        service.setItemLabelGenerator(FilterChoice::label);
        service.setClearButtonVisible(true);
        account.setId("endpoints-account");
        account.setPlaceholder("Account");
        account.setItems(choices.accounts());
        account.setItemLabelGenerator(FilterChoice::label);
        account.setClearButtonVisible(true);
        Button clear = new Button("Clear filters", e -> {
            search.clear();
            state.clear();
            service.clear();
            account.clear();
        });
        clear.setId("endpoints-clear-filters");
        clear.addThemeVariants(ButtonVariant.TERTIARY);
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        state.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        service.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        account.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        HorizontalLayout bar = new HorizontalLayout(search, state, service, account, clear);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("flex-wrap", "wrap");
        bar.addClassName("list-filters");
        return bar;
    }

    private MyEndpointsFilter filter() {
        return new MyEndpointsFilter(state.getValue() == null ? Set.of() : Set.of(state.getValue()),
                service.getValue() == null ? null : service.getValue().id(),
                account.getValue() == null ? null : account.getValue().code(), search.getValue());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getRouteParameters().get("id").ifPresent(id -> {
            try {
                select(UUID.fromString(id));
            } catch (IllegalArgumentException e) {
                select(null);
            }
        });
    }

    private void select(UUID id) {
        selected = id;
        if (id == null) {
            grid.deselectAll();
            showNothingSelected();
            return;
        }
        try {
            EndpointRequestDetails r = requests.detail(id);
            grid.select(new EndpointRequestRow(r.id(), r.serviceId(), r.serviceName(), r.accountId(), r.consumerTeam(),
                    r.region(), r.vpcId(), r.subnetIds().size(), r.vpcEndpointId(), r.state(), r.requester(),
                    r.justification(), r.createdAt(), r.updatedAt()));
            show(r);
        } catch (NotFoundException e) {
            selected = null;
            showNothingSelected();
            Notifications.error(e.getMessage());
        }
    }

    private void showNothingSelected() {
        detail.removeAll();
        Span hint = new Span("Select an endpoint to see its DNS names, its timeline and what you can do with it.");
        hint.addClassName("hint");
        detail.add(hint);
    }

    private void show(EndpointRequestDetails r) {
        detail.removeAll();
        StateBadge state = new StateBadge(r.state());
        state.setId("endpoint-state");
        Div title = new Div(new H3(r.serviceName()), state);
        title.addClassName("title-line");
        detail.add(title);
        if (IN_PROGRESS.contains(r.state())) {
            ProgressBar progress = new ProgressBar();
            progress.setIndeterminate(true);
            detail.add(new Span(progressText(r.state())), progress);
        } else if (r.state() == EndpointState.SUBMITTED) {
            detail.add(hint("Waiting for approval. This page updates by itself when it is decided."));
        }
        if (r.failureReason() != null) {
            Div failure = new Div();
            failure.setId("endpoint-failure");
            failure.addClassName("failure-reason");
            failure.setText(r.failureReason());
            detail.add(failure);
        }
        ChangeOptions changeOptions = r.state() == EndpointState.AVAILABLE ? changes.options(r.id()) : null;
        if (r.state() == EndpointState.AVAILABLE) {
            showLatestChange(changes.changes(r.id()));
        }
        if (r.state() == EndpointState.REJECTED && r.decisionReason() != null) {
            detail.add(hint("Rejected by " + r.decidedBy() + ": " + r.decisionReason()));
        }

        Div facts = new Div();
        facts.addClassName("facts");
        fact(facts, "Account", r.accountId() + " (" + r.consumerTeam() + ") · " + r.region());
        fact(facts, "VPC", r.vpcId());
        fact(facts, "Subnets", String.join(", ", r.subnetIds()));
        fact(facts, "Security groups", r.securityGroupIds().isEmpty() ? "VPC default" : String.join(", ", r.securityGroupIds()));
        fact(facts, "Endpoint", r.vpcEndpointId() == null ? "—" : r.vpcEndpointId());
        fact(facts, "Service", r.awsServiceName() == null ? "—" : r.awsServiceName());
        fact(facts, "Allowed in AWS as", r.allowedPrincipal() != null ? r.allowedPrincipal()
                : r.principalRoleArn() != null ? r.principalRoleArn() + " (once provisioning begins)" : "—");
        fact(facts, "Requested by", r.requester() + " · " + WHEN.format(r.createdAt()));
        fact(facts, "IP address type", ipTypes(r));
        if (r.estimate() != null) {
            fact(facts, "Estimated cost", r.estimate().describe());
        }
        detail.add(facts);
        if (r.vpcEndpointId() != null) {
            detail.add(new EndpointUsagePanel(r.id(), usage, background));
        }

        if (!r.dnsNames().isEmpty() && r.state() != EndpointState.DELETED && r.state() != EndpointState.DELETING) {
            detail.add(new H4("DNS names"));
            int zonal = 0;
            int privateNames = 0;
            for (EndpointRequestDetails.DnsName name : r.dnsNames()) {
                detail.add(switch (name.type()) {
                    case REGIONAL -> dnsLine("dns-regional", "Regional", name.name());
                    case ZONAL -> dnsLine("dns-zonal-" + zonal++, "Zonal · " + name.zone(), name.name());
                    case PRIVATE -> dnsLine("dns-private-" + privateNames++, "Private", name.name());
                });
            }
        }

        if (!r.awsTags().isEmpty()) {
            detail.add(new H4("Tags in AWS"));
            Div tags = new Div();
            tags.setId("aws-tags");
            tags.addClassName("aws-tags");
            r.awsTags().forEach((key, value) -> {
                Span line = new Span(key + " = " + value);
                line.addClassName("mono");
                tags.add(new Div(line));
            });
            detail.add(tags);
        }

        Div actions = new Div();
        actions.addClassName("form-buttons");
        if (r.canDelete()) {
            boolean cancel = r.vpcEndpointId() == null && EnumSet.of(EndpointState.SUBMITTED, EndpointState.APPROVED,
                    EndpointState.FAILED).contains(r.state());
            Button delete = new Button(cancel ? "Cancel request" : "Delete endpoint", VaadinIcon.TRASH.create(),
                    e -> confirmDelete(r, cancel));
            delete.setId("delete-endpoint");
            delete.addThemeVariants(ButtonVariant.ERROR);
            actions.add(delete);
        }
        if (changeOptions != null && changeOptions.canChange()) {
            Button change = new Button("Change…", VaadinIcon.EDIT.create(),
                    e -> new ChangeEndpointDialog(changes, resources, background, changeOptions, asked -> {
                        show(requests.detail(r.id()));
                        grid.getDataProvider().refreshAll();
                    }).open());
            change.setId("change-endpoint");
            change.setTooltipText("Subnets, security groups and private DNS of this endpoint");
            actions.add(change);
        }
        if (r.canRetry()) {
            Button retry = new Button("Retry", VaadinIcon.REFRESH.create(), e -> {
                show(requests.retry(r.id()));
                grid.getDataProvider().refreshAll();
                Notifications.success("Provisioning again");
            });
            retry.setId("retry-endpoint");
            actions.add(retry);
        }
        detail.add(actions);

        detail.add(new H4("Timeline"));
        Div timeline = new Div();
        timeline.setId("endpoint-timeline");
        timeline.addClassName("timeline");
        for (TimelineEntry t : r.timeline()) {
            Div entry = new Div();
            entry.addClassName("timeline-entry");
            Span when = new Span(WHEN.format(t.at()));
            when.addClassName("timeline-when");
            Span move = new Span((t.from() == null ? "" : t.from() + " → ") + t.to());
            move.addClassName("timeline-move");
            Span who = new Span(t.actor() == null ? "Linkport" : t.actor());
            who.addClassName("timeline-who");
            entry.add(when, move, who);
            if (t.reason() != null && !t.reason().isBlank()) {
                Span why = new Span(t.reason());
                why.addClassName("timeline-why");
                entry.add(why);
            }
            timeline.add(entry);
        }
        detail.add(timeline);
    }

    /**
     * The latest change of the endpoint: waiting for approval, progress while the worker applies it, or why it failed
     * or was rejected.
     */
    private void showLatestChange(List<EndpointChangeDetails> all) {
        if (all.isEmpty()) {
            return;
        }
        EndpointChangeDetails latest = all.getFirst();
        if (latest.awaitingApproval()) {
            Span text = new Span("Change waiting for approval: " + latest.summary()
                    + ". The people who decide requests for this service approve or reject it.");
            text.setId("endpoint-change-waiting");
            text.addClassName("change-waiting");
            detail.add(text);
        } else if (latest.state() == ChangeState.REJECTED) {
            Div rejected = new Div();
            rejected.setId("endpoint-change-rejected");
            rejected.addClassName("failure-reason");
            rejected.setText("The last change (" + latest.summary() + ") was rejected by " + latest.decidedBy() + ": "
                    + latest.decisionReason());
            detail.add(rejected);
        } else if (latest.applying()) {
            Span text = new Span("Changing the endpoint in AWS: " + latest.summary() + "…");
            text.setId("endpoint-change-progress");
            ProgressBar progress = new ProgressBar();
            progress.setIndeterminate(true);
            detail.add(text, progress);
        } else if (latest.state() == ChangeState.FAILED) {
            Div failure = new Div();
            failure.setId("endpoint-change-failure");
            failure.addClassName("failure-reason");
            failure.setText("The last change (" + latest.summary() + ") failed: " + latest.outcome());
            detail.add(failure);
        }
    }

    private void confirmDelete(EndpointRequestDetails r, boolean cancel) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(cancel ? "Cancel this request?" : "Delete the endpoint to " + r.serviceName() + "?");
        confirm.setText(cancel ? "Nothing has been created in AWS yet; the request is withdrawn."
                : "Linkport deletes " + (r.vpcEndpointId() == null ? "the endpoint" : r.vpcEndpointId())
                + " in AWS. Applications using its DNS names lose the connection.");
        confirm.setCancelable(true);
        confirm.setConfirmText(cancel ? "Cancel request" : "Delete");
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelText("Keep");
        confirm.addConfirmListener(e -> {
            show(requests.delete(r.id()));
            grid.getDataProvider().refreshAll();
        });
        confirm.open();
    }

    private static String progressText(EndpointState state) {
        return switch (state) {
            case APPROVED -> "Approved; Linkport starts creating the endpoint in AWS…";
            case PROVISIONING -> "Creating the endpoint in AWS…";
            case PENDING_ACCEPTANCE -> "Waiting for the provider's account to accept the connection…";
            case DELETING -> "Deleting the endpoint in AWS…";
            default -> state.name();
        };
    }

    /** "ipv4", or e.g. "dualstack · DNS records ipv6" when the records were chosen apart from the address type. */
    private static String ipTypes(EndpointRequestDetails r) {
        return r.ipAddressType().awsValue() + (r.dnsRecordIpType() == null ? ""
                : " · DNS records " + r.dnsRecordIpType().awsValue());
    }

    private static Component dnsLine(String id, String label, String name) {
        Span l = new Span(label);
        l.addClassName("dns-label");
        Span value = new Span(name);
        value.setId(id);
        value.addClassName("mono");
        Div line = new Div(l, value, new CopyButton("Copy", () -> name));
        line.addClassName("dns-line");
        return line;
    }

    private static void fact(Div facts, String label, String value) {
        Span l = new Span(label);
        l.addClassName("fact-label");
        Div v = new Div();
        v.setText(value);
        v.addClassName("fact-value");
        facts.add(l, v);
    }

    private static Span hint(String text) {
        Span s = new Span(text);
        s.addClassName("hint");
        return s;
    }
}
