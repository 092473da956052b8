package dev.linkport.identity.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.linkport.identity.ApiScope;
import dev.linkport.identity.service.ApiTokenService;
import dev.linkport.identity.service.ApiTokenService.ApiTokenRow;
import dev.linkport.identity.service.ApiTokenService.CreatedApiToken;
import dev.linkport.identity.service.ApiTokenService.NewApiToken;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.LinkportException;
import dev.linkport.platform.ui.CopyButton;
import dev.linkport.platform.ui.EmptyState;
import dev.linkport.platform.ui.FormErrors;
import dev.linkport.platform.ui.Notifications;
import dev.linkport.platform.ui.ViewHeader;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The signed-in user's personal API tokens for the REST API: create one with its scopes and
 * lifetime (its secret is shown once), see its scopes, expiry and last use, revoke.
 */
@Route("api-tokens")
@PageTitle("API tokens · Linkport")
@PermitAll
public class ApiTokensView extends VerticalLayout {

    /** Lifetimes offered besides the longest allowed one. */
    static final List<Long> LIFETIMES_DAYS = List.of(1L, 7L, 30L, 60L);

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneId.of("UTC"));

    private final ApiTokenService tokens;
    private final Grid<ApiTokenRow> grid = new Grid<>(ApiTokenRow.class, false);
    private final EmptyState empty;

    public ApiTokensView(ApiTokenService tokens) {
        this.tokens = tokens;
        addClassName("api-tokens-view");
        setSizeFull();

        Button create = new Button("New token", VaadinIcon.PLUS.create(), e -> openCreateDialog());
        create.addThemeVariants(ButtonVariant.PRIMARY);
        add(new ViewHeader("API tokens", "Personal tokens for Linkport's REST API (/api/v1, described at "
                + "/swagger-ui/index.html). Send one as 'Authorization: Bearer <token>'; it acts as you.", create));

        grid.addClassName("api-token-list");
        grid.setId("api-token-list");
        grid.addThemeVariants(GridVariant.NO_BORDER);
        grid.addColumn(ApiTokenRow::name).setHeader("Name").setFlexGrow(2);
        grid.addColumn(t -> t.prefix() + "…").setHeader("Token").setAutoWidth(true);
        grid.addColumn(t -> t.scopes().stream().map(ApiScope::value).collect(Collectors.joining(", ")))
                .setHeader("Scopes").setAutoWidth(true);
        grid.addColumn(t -> time(t.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addColumn(t -> (t.expired() ? "expired " : "") + time(t.expiresAt())).setHeader("Expires")
                .setAutoWidth(true);
        grid.addColumn(t -> t.lastUsedAt() == null ? "never" : time(t.lastUsedAt())).setHeader("Last used")
                .setAutoWidth(true);
        grid.addColumn(t -> t.revoked() ? "revoked " + time(t.revokedAt()) : t.expired() ? "expired" : "active")
                .setHeader("Status")
                .setAutoWidth(true);
        grid.addComponentColumn(this::revokeButton).setAutoWidth(true).setFlexGrow(0);
        empty = new EmptyState("No API tokens yet",
                "Create a token for each script or pipeline that calls Linkport's API, so you can revoke one "
                        + "without breaking the others.", new Button("New token", e -> openCreateDialog()));
        add(empty, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private void refresh() {
        List<ApiTokenRow> mine = tokens.mine();
        grid.setItems(mine);
        empty.setVisible(mine.isEmpty());
        grid.setVisible(!mine.isEmpty());
    }

    private Button revokeButton(ApiTokenRow token) {
        Button revoke = new Button("Revoke", e -> confirmRevoke(token));
        revoke.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.ERROR, ButtonVariant.TERTIARY);
        revoke.setEnabled(!token.revoked() && !token.expired());
        return revoke;
    }

    private void confirmRevoke(ApiTokenRow token) {
        ConfirmDialog confirm = new ConfirmDialog("Revoke " + token.name() + "?",
                "Everything that uses " + token.prefix() + "… is refused from now on. This cannot be undone.",
                "Revoke", e -> {
                    try {
                        tokens.revoke(token.id());
                        Notifications.success("Token " + token.name() + " revoked");
                    } catch (LinkportException ex) {
                        Notifications.error(ex.getMessage());
                    }
                    refresh();
                });
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.open();
    }

    private void openCreateDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New API token");
        dialog.setWidth("min(30rem, 95vw)");
        TextField name = new TextField("Name");
        name.setId("token-name");
        name.setHelperText("Where you use it, e.g. ci-pipeline or my laptop");
        name.setMaxLength(80);
        name.setWidthFull();
        CheckboxGroup<ApiScope> scopes = new CheckboxGroup<>("Scopes");
        scopes.setId("token-scopes");
        scopes.setItems(ApiScope.values());
        scopes.setItemLabelGenerator(ApiScope::value);
        scopes.setValue(ApiScope.all());
        scopes.setHelperText("What the token may be used for: read (every GET), request (endpoints), provide "
                + "(services), decide (approvals), admin (teams, users, accounts, operations). It never does more "
                + "than you may.");
        long maxDays = tokens.maxLifetime().toDays();
        Select<Long> lifetime = new Select<>();
        lifetime.setLabel("Expires after");
        lifetime.setId("token-lifetime");
        List<Long> days = new ArrayList<>(LIFETIMES_DAYS.stream().filter(d -> d < maxDays).toList());
        days.add(maxDays);
        lifetime.setItems(days);
        lifetime.setItemLabelGenerator(d -> d == 1 ? "1 day" : d + " days");
        lifetime.setValue(maxDays);
        FormErrors errors = new FormErrors().field("name", name).field("scopes", scopes).field("lifetime", lifetime);
        dialog.add(new VerticalLayout(name, scopes, lifetime));
        Button create = new Button("Create", e -> {
            try {
                CreatedApiToken created = tokens.create(new NewApiToken(name.getValue(), scopes.getValue(),
                        lifetime.getValue() == null ? null : Duration.ofDays(lifetime.getValue())));
                dialog.close();
                refresh();
                showSecret(created);
            } catch (InvalidInputException ex) {
                errors.show(ex);
            }
        });
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickShortcut(Key.ENTER);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), create);
        dialog.open();
        name.focus();
    }

    private void showSecret(CreatedApiToken created) {
        Dialog dialog = new Dialog();
        dialog.addClassName("api-token-secret-dialog");
        dialog.setHeaderTitle("Token " + created.token().name() + " created");
        dialog.setWidth("min(40rem, 95vw)");
        dialog.setCloseOnOutsideClick(false);
        Paragraph warning = new Paragraph("Copy the token now. Linkport keeps only a hash of it and cannot show "
                + "it again; if you lose it, revoke it and create a new one. Treat it like a password.");
        warning.addClassName("warning");
        TextField secret = new TextField("Token");
        secret.setId("token-secret");
        secret.setValue(created.secret());
        secret.setReadOnly(true);
        secret.setWidthFull();
        Span usage = new Span("curl -H \"Authorization: Bearer " + created.token().prefix() + "…\" "
                + "https://<linkport>/api/v1/services");
        usage.addClassName("hint");
        dialog.add(new VerticalLayout(warning, secret, new CopyButton("Copy token", created::secret), usage));
        Button done = new Button("I have copied it", e -> dialog.close());
        done.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(done);
        dialog.open();
    }

    private static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }
}
