package dev.linkport.provider.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.linkport.catalog.service.ListingService;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.platform.ForbiddenException;
import dev.linkport.platform.LinkportException;
import dev.linkport.platform.NotFoundException;
import dev.linkport.platform.events.Changed;
import dev.linkport.platform.events.LiveUpdates;
import dev.linkport.platform.ui.Background;
import dev.linkport.platform.ui.EmptyState;
import dev.linkport.platform.ui.LiveRefresh;
import dev.linkport.platform.ui.Notifications;
import dev.linkport.platform.ui.StateBadge;
import dev.linkport.platform.ui.ViewHeader;
import dev.linkport.provider.service.ConnectionRow;
import dev.linkport.provider.service.ConnectionService;
import dev.linkport.provider.service.ConnectionService.ConnectionFilter;
import dev.linkport.provider.service.ConnectionService.ConnectionTally;
import jakarta.annotation.security.PermitAll;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/**
 * Every AWS connection of a service, also endpoints created outside Linkport: read from AWS in the
 * background when the page opens (and on Refresh), then listed from what Linkport recorded, in pages,
 * filtered by state and by endpoint, account or team, with the owning account's team and the Linkport
 * request behind each. Pending ones can be accepted or rejected; the worker does it and follows
 * connections that change by themselves, and the page follows by server push.
 */
@Route("services/:id/connections")
@PermitAll
public class ConnectionsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** AWS's connection states, for the state filter. */
    static final List<String> STATES = List.of("pendingAcceptance", "pending", "available", "rejected", "failed",
            "expired", "deleting", "deleted");

    private final ConnectionService connections;
    private final ListingService listings;
    private final Background background;
    private final Grid<ConnectionRow> grid = new Grid<>(ConnectionRow.class, false);
    private final ProgressBar loading = new ProgressBar();
    private final Span status = new Span();
    private final Select<String> stateFilter = new Select<>();
    private final TextField textFilter = new TextField();
    private ConfigurableFilterDataProvider<ConnectionRow, Void, ConnectionFilter> rows;
    private UUID id;
    private String title = "Connections · Linkport";
    /** When Linkport last read the connections from AWS for this page. */
    private LocalTime readAt;

    public ConnectionsView(ConnectionService connections, ListingService listings, Background background,
                           LiveUpdates updates) {
        this.connections = connections;
        this.listings = listings;
        this.background = background;
        addClassName("connections-view");
        setSizeFull();
        // the worker and other people record changes; the page shows them by server push, reading no AWS
        LiveRefresh.onChange(this, updates, Changed.Topic.SERVICE_LISTING, changed -> changed.id().equals(id),
                this::showRecorded);
        addAttachListener(e -> load());
        buildFilters();
        buildGrid();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        rows = null;
        ServiceDetail service;
        try {
            id = UUID.fromString(event.getRouteParameters().get("id").orElse(""));
            service = listings.detail(id);
            if (!service.canManage()) {
                throw new ForbiddenException("Only members of " + service.ownerTeam()
                        + " and platform admins see the connections of " + service.name());
            }
        } catch (ForbiddenException e) {
            event.rerouteToError(AccessDeniedException.class, e.getMessage());
            return;
        } catch (IllegalArgumentException | NotFoundException e) {
            id = null;
            add(new EmptyState("No such service", "It does not exist, or it is not visible to your teams.",
                    new Button("My services", c -> getUI().ifPresent(ui -> ui.navigate("my-services")))));
            return;
        }
        title = "Connections · " + service.name() + " · Linkport";
        Button back = new Button("Back to the service", VaadinIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("services/" + id)));
        back.setId("back-to-service");
        Button principals = new Button("Allowed principals", VaadinIcon.KEY.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("services/" + id + "/principals")));
        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), e -> load());
        refresh.setId("refresh-connections");
        add(new ViewHeader("Connections of " + service.name(), "Every endpoint AWS has connected (or asked to "
                + "connect) to this service, including those created outside Linkport. Read from AWS as the page opens; "
                + "changes show by themselves.",
                back, principals, refresh));
        if (service.serviceId() == null) {
            add(new EmptyState("Not in AWS yet", "Connections appear once the endpoint service exists ("
                    + service.state().name().toLowerCase(Locale.ROOT) + " now)."));
            return;
        }
        loading.setIndeterminate(true);
        loading.setVisible(false);
        status.setId("connections-status");
        status.addClassName("hint");
        UUID listing = id;
        rows = DataProvider.<ConnectionRow, ConnectionFilter>fromFilteringCallbacks(
                q -> connections.page(listing, q.getFilter().orElse(ConnectionFilter.none()), q.getOffset(),
                        q.getLimit()).stream(),
                q -> (int) connections.count(listing, q.getFilter().orElse(ConnectionFilter.none())))
                .withConfigurableFilter();
        rows.setFilter(filter());
        grid.setItems(rows);
        readAt = null;
        HorizontalLayout filters = new HorizontalLayout(stateFilter, textFilter);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(filters, loading, status, grid);
        setFlexGrow(1, grid);
        if (isAttached()) {
            load(); // another service in the same view; a newly opened view loads once attached
        }
    }

    private void buildFilters() {
        stateFilter.setId("connections-state-filter");
        stateFilter.setLabel("State");
        stateFilter.setItems(STATES);
        stateFilter.setEmptySelectionAllowed(true);
        stateFilter.setEmptySelectionCaption("Any state");
        stateFilter.addValueChangeListener(e -> refilter());
        textFilter.setId("connections-text-filter");
        textFilter.setLabel("Endpoint, account or team");
        textFilter.setPlaceholder("contains…");
        textFilter.setClearButtonVisible(true);
        textFilter.setValueChangeMode(ValueChangeMode.LAZY);
        textFilter.addValueChangeListener(e -> refilter());
    }

    private ConnectionFilter filter() {
        return new ConnectionFilter(stateFilter.getValue(), textFilter.getValue());
    }

    private void refilter() {
        if (rows != null) {
            rows.setFilter(filter());
        }
    }

    /** Reads the connections from AWS in the background; the grid then shows what was recorded. */
    private void load() {
        UI ui = UI.getCurrent();
        if (id == null || ui == null || rows == null) {
            return;
        }
        loading.setVisible(true);
        UUID listing = id;
        background.run(ui, () -> connections.refresh(listing), tally -> {
            readAt = LocalTime.now(ZoneOffset.UTC).withNano(0);
            showRecorded();
        }, failure -> {
            loading.setVisible(false);
            status.setText(failure.getMessage());
            status.addClassName("failure-reason");
        });
    }

    /** Shows the connections as Linkport recorded them (no AWS read): after a refresh, or when told of a change. */
    private void showRecorded() {
        if (id == null || rows == null || readAt == null) {
            return; // the first read from AWS is still under way
        }
        ConnectionTally tally = connections.tally(id);
        loading.setVisible(false);
        status.removeClassName("failure-reason");
        status.setText(tally.total() + (tally.total() == 1 ? " connection" : " connections")
                + (tally.pendingAcceptance() > 0 ? ", " + tally.pendingAcceptance() + " waiting for acceptance" : "")
                + (tally.outsideLinkport() > 0 ? ", " + tally.outsideLinkport() + " made outside Linkport" : "")
                + (tally.moving() > 0 ? ", " + tally.moving() + " changing (followed in AWS)" : "")
                + " · read from AWS at " + readAt + " UTC");
        rows.refreshAll();
    }

    private void buildGrid() {
        grid.setId("connections-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(new ComponentRenderer<>(c -> {
            Span endpoint = new Span(c.vpcEndpointId());
            endpoint.addClassNames("mono", "cell-title", "connection-endpoint");
            return endpoint;
        })).setHeader("Endpoint").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(c -> twoLines(c.ownerAccountId(),
                c.ownerTeam() == null ? "Not registered in Linkport" : c.ownerTeam()))).setHeader("Owner account")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(c -> {
            StateBadge badge = new StateBadge(stateKey(c.state()));
            badge.setText(c.state());
            badge.addClassName("connection-state");
            badge.getElement().setAttribute("data-endpoint", c.vpcEndpointId());
            return badge;
        })).setHeader("State").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> c.createdAt() == null ? "—" : MyServicesView.WHEN.format(c.createdAt()))
                .setHeader("Created").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(c -> {
            if (c.requestId() == null) {
                Span outside = new Span("Made outside Linkport");
                outside.addClassNames("cell-subtitle", "outside-linkport");
                return outside;
            }
            Div cell = twoLines("Request " + c.requestId().toString().substring(0, 8), c.requestState().name());
            return cell;
        })).setHeader("Linkport request").setFlexGrow(1);
        grid.addColumn(new ComponentRenderer<>(c -> {
            Div actions = new Div();
            actions.addClassName("row-actions");
            if (c.pendingAcceptance()) {
                Button accept = new Button("Accept", VaadinIcon.CHECK.create(), e -> decide(c, true));
                accept.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.PRIMARY, ButtonVariant.SUCCESS);
                accept.setId("accept-" + c.vpcEndpointId());
                Button reject = new Button("Reject", VaadinIcon.CLOSE_SMALL.create(), e -> confirmReject(c));
                reject.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY, ButtonVariant.ERROR);
                reject.setId("reject-" + c.vpcEndpointId());
                actions.add(accept, reject);
            }
            return actions;
        })).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText("No connections yet. Endpoints appear here as soon as a consumer creates one "
                + "to this service, through Linkport or directly in AWS.");
    }

    private void confirmReject(ConnectionRow c) {
        ConfirmDialog confirm = new ConfirmDialog("Reject " + c.vpcEndpointId() + "?",
                "The endpoint of account " + c.ownerAccountId() + " will not be connected."
                        + (c.requestId() == null ? "" : " Its Linkport request fails with this as the reason."),
                "Reject", e -> decide(c, false));
        confirm.setId("confirm-reject");
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.open();
    }

    private void decide(ConnectionRow c, boolean accept) {
        UI ui = UI.getCurrent();
        UUID listing = id;
        Function<String, ConnectionRow> call = vpce -> accept ? connections.accept(listing, vpce)
                : connections.reject(listing, vpce);
        background.run(ui, () -> call.apply(c.vpcEndpointId()),
                done -> Notifications.success((accept ? "Accepting " : "Rejecting ") + c.vpcEndpointId()
                        + "; the list updates when AWS has it"),
                failed -> {
                    Notifications.error(failed instanceof LinkportException ? failed.getMessage()
                            : "Could not " + (accept ? "accept " : "reject ") + c.vpcEndpointId() + ": "
                            + failed.getMessage());
                    showRecorded();
                });
    }

    /** AWS's camelCase state as a badge key: pendingAcceptance → PENDING_ACCEPTANCE. */
    static String stateKey(String awsState) {
        return awsState.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
    }

    private static Div twoLines(String title, String subtitle) {
        Span t = new Span(title);
        t.addClassName("cell-title");
        Span s = new Span(subtitle == null ? "" : subtitle);
        s.addClassName("cell-subtitle");
        Div cell = new Div(t, s);
        cell.addClassName("two-line-cell");
        return cell;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
