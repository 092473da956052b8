package dev.linkport.provider.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.linkport.catalog.service.ListingService;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.platform.ForbiddenException;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.LinkportException;
import dev.linkport.platform.NotFoundException;
import dev.linkport.platform.Validation;
import dev.linkport.platform.events.Changed;
import dev.linkport.platform.events.LiveUpdates;
import dev.linkport.platform.ui.EmptyState;
import dev.linkport.platform.ui.FormErrors;
import dev.linkport.platform.ui.LiveRefresh;
import dev.linkport.platform.ui.Notifications;
import dev.linkport.platform.ui.StateBadge;
import dev.linkport.platform.ui.ViewHeader;
import dev.linkport.provider.PrincipalSource;
import dev.linkport.provider.PrincipalSyncState;
import dev.linkport.provider.service.AddPrincipal;
import dev.linkport.provider.service.Dependents.Dependent;
import dev.linkport.provider.service.PrincipalRow;
import dev.linkport.provider.service.PrincipalService;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Who may connect to a service: the principals AWS allows and Linkport knows, with
 * where each came from and whether AWS has caught up; add and remove, with warnings for {@code *}
 * and for principals live endpoints depend on. Updates live as SyncPrincipals reports back.
 */
@Route("services/:id/principals")
@PermitAll
public class PrincipalsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final PrincipalService principals;
    private final ListingService listings;
    private final Validation validation;
    private final Grid<PrincipalRow> grid = new Grid<>(PrincipalRow.class, false);
    private final TextField arn = new TextField("Principal");
    private final FormErrors errors = new FormErrors();
    private static final String EVERYONE_NEEDS_OWNER = "Only a team owner or a platform admin may allow *";
    private UUID id;
    private boolean mayAllowEveryone;
    private String title = "Allowed principals · Linkport";

    public PrincipalsView(PrincipalService principals, ListingService listings, Validation validation,
                          LiveUpdates updates) {
        this.principals = principals;
        this.listings = listings;
        this.validation = validation;
        addClassName("principals-view");
        setSizeFull();
        LiveRefresh.onChange(this, updates, Changed.Topic.SERVICE_LISTING, changed -> changed.id().equals(id),
                this::refresh);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        List<PrincipalRow> current;
        ServiceDetail service;
        try {
            id = UUID.fromString(event.getRouteParameters().get("id").orElse(""));
            current = principals.list(id);
            mayAllowEveryone = principals.mayAllowEveryone(id);
            service = listings.detail(id);
        } catch (ForbiddenException e) {
            event.rerouteToError(AccessDeniedException.class, e.getMessage());
            return;
        } catch (IllegalArgumentException | NotFoundException e) {
            id = null;
            add(new EmptyState("No such service", "It does not exist, or it is not visible to your teams.",
                    new Button("My services", c -> getUI().ifPresent(ui -> ui.navigate("my-services")))));
            return;
        }
        title = "Allowed principals · " + service.name() + " · Linkport";
        Button back = new Button("Back to the service", VaadinIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("services/" + id)));
        back.setId("back-to-service");
        Button connections = new Button("Connections", VaadinIcon.CONNECT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("services/" + id + "/connections")));
        add(new ViewHeader("Allowed principals of " + service.name(), "Who AWS lets create endpoints to this "
                + "service. Linkport adds a consumer's account when it approves a request; add others here.",
                back, connections));
        if (service.serviceId() == null) {
            add(new EmptyState("Not in AWS yet", "Principals can be managed once the endpoint service exists ("
                    + service.state().name().toLowerCase(Locale.ROOT) + " now)."));
            return;
        }
        add(addForm());
        buildGrid();
        grid.setItems(current);
        add(grid);
        setFlexGrow(1, grid);
    }

    private Component addForm() {
        arn.setId("principal-arn");
        arn.setPlaceholder("arn:aws:iam::111122223333:root");
        arn.setHelperText(mayAllowEveryone
                ? "An account root, an IAM role or user ARN (arn:aws:iam::111122223333:role/Name), or *"
                : "An account root, or an IAM role or user ARN (arn:aws:iam::111122223333:role/Name). "
                + EVERYONE_NEEDS_OWNER);
        arn.setWidth("36rem");
        arn.setClearButtonVisible(true);
        errors.live(validation, AddPrincipal.class, "arn", arn);
        Button add = new Button("Allow", VaadinIcon.PLUS.create(), e -> add());
        add.setId("add-principal");
        add.addThemeVariants(ButtonVariant.PRIMARY);
        add.addClickShortcut(Key.ENTER);
        Button check = new Button("Check AWS again", VaadinIcon.REFRESH.create(), e -> {
            principals.sync(id);
            Notifications.success("Comparing with AWS; the list updates when AWS has answered");
        });
        check.setId("sync-principals");
        check.addThemeVariants(ButtonVariant.TERTIARY);
        Div form = new Div(arn, add, check);
        form.addClassName("principal-form");
        return form;
    }

    private void add() {
        allow(arn.getValue() == null ? "" : arn.getValue().trim());
    }

    /** Allows the principal; {@code *} only after the warning has been confirmed. */
    private void allow(String value) {
        if (value.equals(AddPrincipal.WILDCARD) && !mayAllowEveryone) {
            arn.setErrorMessage(EVERYONE_NEEDS_OWNER);
            arn.setInvalid(true);
            return;
        }
        if (value.equals(AddPrincipal.WILDCARD)) {
            ConfirmDialog confirm = new ConfirmDialog("Allow anyone to connect?",
                    "With * anyone in any AWS account may create an endpoint to this service. Whether they get "
                            + "a connection then depends on acceptance and on your load balancer's security alone.",
                    "Allow everyone", e -> submit(value, true));
            confirm.setId("confirm-wildcard");
            confirm.setConfirmButtonTheme("error primary");
            confirm.setCancelable(true);
            confirm.open();
        } else {
            submit(value, false);
        }
    }

    private void submit(String value, boolean confirmWildcard) {
        try {
            errors.clear();
            PrincipalRow added = principals.add(id, new AddPrincipal(value, confirmWildcard));
            arn.clear();
            arn.setInvalid(false);
            Notifications.success(added.describe() + " will be allowed; AWS is being updated");
            refresh();
        } catch (InvalidInputException e) {
            errors.show(new InvalidInputException(e.errors().stream()
                    .map(f -> f.field().equals("confirmWildcard") ? new dev.linkport.platform.FieldError("arn",
                            f.message()) : f).toList()));
        } catch (LinkportException e) {
            Notifications.error(e.getMessage());
        }
    }

    private void buildGrid() {
        grid.setId("principals-grid");
        grid.removeAllColumns();
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(new ComponentRenderer<>(p -> {
            Span arnText = new Span(p.arn());
            arnText.addClassNames("mono", "cell-title");
            Span who = new Span(p.describe());
            who.addClassName("cell-subtitle");
            Div cell = new Div(arnText, who);
            cell.addClassName("two-line-cell");
            return cell;
        })).setHeader("Principal").setFlexGrow(3);
        grid.addColumn(p -> source(p.source())).setHeader("Source").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(p -> {
            StateBadge badge = new StateBadge(p.syncState());
            badge.setText(syncState(p.syncState()));
            badge.getElement().setAttribute("data-arn", p.arn());
            badge.addClassName("principal-state");
            Div cell = new Div(badge);
            cell.addClassName("two-line-cell");
            if (p.lastError() != null) {
                Span error = new Span(p.lastError());
                error.addClassNames("cell-subtitle", "principal-error");
                cell.add(error);
            }
            return cell;
        })).setHeader("In AWS").setFlexGrow(2);
        grid.addColumn(p -> MyServicesView.WHEN.format(p.updatedAt())).setHeader("Updated").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(p -> {
            Div actions = new Div();
            actions.addClassName("row-actions");
            if (p.syncState() != PrincipalSyncState.PENDING_REMOVE) {
                if (p.source() == PrincipalSource.OBSERVED || p.syncState() == PrincipalSyncState.FAILED
                        || p.syncState() == PrincipalSyncState.DRIFTED) {
                    Button keep = new Button(p.syncState() == PrincipalSyncState.FAILED ? "Retry" : "Keep",
                            e -> allow(p.arn()));
                    keep.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
                    keep.addClassName("keep-principal");
                    keep.getElement().setAttribute("data-arn", p.arn());
                    actions.add(keep);
                }
                Button remove = new Button("Remove", VaadinIcon.TRASH.create(), e -> confirmRemove(p));
                remove.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY, ButtonVariant.ERROR);
                remove.addClassName("remove-principal");
                remove.getElement().setAttribute("data-arn", p.arn());
                actions.add(remove);
            }
            return actions;
        })).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText("No principals yet: nobody outside the provider account may connect. Approving a "
                + "request adds its account; or allow one above.");
    }

    private void confirmRemove(PrincipalRow p) {
        List<Dependent> live = principals.liveEndpoints(id, p.arn());
        String text = live.isEmpty()
                ? p.describe() + " will no longer be able to create endpoints to this service."
                : "Live endpoints depend on this principal: " + String.join("; ", live.stream()
                .map(Dependent::describe).toList()) + ". They keep working in AWS, but their account cannot create "
                + "new endpoints; a retried or new request would add it again.";
        ConfirmDialog confirm = new ConfirmDialog("Remove " + p.arn() + "?", text, "Remove", e -> {
            try {
                principals.remove(id, p.arn());
                Notifications.success(p.describe() + " will be removed; AWS is being updated");
            } catch (LinkportException ex) {
                Notifications.error(ex.getMessage());
            }
            refresh();
        });
        confirm.setId("confirm-remove");
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.open();
    }

    private void refresh() {
        if (id != null && grid.isAttached()) {
            grid.setItems(principals.list(id));
        }
    }

    static String source(PrincipalSource source) {
        return switch (source) {
            case MANUAL -> "Added by hand";
            case APPROVAL -> "Added by an approval";
            case OBSERVED -> "Seen in AWS";
        };
    }

    static String syncState(PrincipalSyncState state) {
        return switch (state) {
            case PENDING_ADD -> "Adding…";
            case IN_SYNC -> "In sync";
            case PENDING_REMOVE -> "Removing…";
            case FAILED -> "Failed";
            case DRIFTED -> "Drift";
        };
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
