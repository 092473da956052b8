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
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
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
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Every AWS connection of a service, also endpoints created outside Linkport: read
 * live from AWS in the background, with the owning account's team and the Linkport request behind
 * each; pending ones can be accepted or rejected (the worker does it, the page follows).
 */
@Route("services/:id/connections")
@PermitAll
public class ConnectionsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** AWS states that change by themselves soon: the page looks again after a moment. */
    private static final Set<String> MOVING = Set.of("pending", "deleting");

    private final ConnectionService connections;
    private final ListingService listings;
    private final Background background;
    private final Grid<ConnectionRow> grid = new Grid<>(ConnectionRow.class, false);
    private final ProgressBar loading = new ProgressBar();
    private final Span status = new Span();
    private UUID id;
    private String title = "Connections · Linkport";
    private boolean reloadQueued;

    public ConnectionsView(ConnectionService connections, ListingService listings, Background background,
                           LiveUpdates updates) {
        this.connections = connections;
        this.listings = listings;
        this.background = background;
        addClassName("connections-view");
        setSizeFull();
        LiveRefresh.onChange(this, updates, Changed.Topic.SERVICE_LISTING, changed -> changed.id().equals(id),
                this::load);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
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
                + "connect) to this service, including those created outside Linkport. Read live from AWS.",
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
        buildGrid();
        add(loading, status, grid);
        setFlexGrow(1, grid);
        if (isAttached()) {
            load(); // another service in the same view; a newly opened view loads once it listens
        }
    }

    private void load() {
        UI ui = UI.getCurrent();
        if (id == null || ui == null) {
            return;
        }
        loading.setVisible(true);
        UUID listing = id;
        background.run(ui, () -> connections.list(listing), this::show, failure -> {
            loading.setVisible(false);
            status.setText(failure.getMessage());
            status.addClassName("failure-reason");
        });
    }

    private void show(List<ConnectionRow> items) {
        loading.setVisible(false);
        status.removeClassName("failure-reason");
        long pending = items.stream().filter(ConnectionRow::pendingAcceptance).count();
        long outside = items.stream().filter(ConnectionRow::outsideLinkport).count();
        status.setText(items.size() + (items.size() == 1 ? " connection" : " connections")
                + (pending > 0 ? ", " + pending + " waiting for acceptance" : "")
                + (outside > 0 ? ", " + outside + " made outside Linkport" : "") + " · read from AWS at "
                + java.time.LocalTime.now(java.time.ZoneOffset.UTC).withNano(0) + " UTC");
        grid.setItems(items);
        if (!reloadQueued && items.stream().anyMatch(c -> MOVING.contains(c.state()))) {
            reloadQueued = true;
            UI ui = UI.getCurrent();
            background.run(ui, () -> {
                sleep();
                return true;
            }, again -> {
                reloadQueued = false;
                load();
            }, failed -> reloadQueued = false);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void buildGrid() {
        grid.setId("connections-grid");
        grid.removeAllColumns();
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
                    load();
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
