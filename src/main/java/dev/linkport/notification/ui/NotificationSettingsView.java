package dev.linkport.notification.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.linkport.notification.NotificationKind;
import dev.linkport.notification.domain.WebhookFormat;
import dev.linkport.notification.service.AddWebhook;
import dev.linkport.notification.service.CreatedWebhook;
import dev.linkport.notification.service.NotificationSettings;
import dev.linkport.notification.service.NotificationSettingsService;
import dev.linkport.notification.service.TeamChoice;
import dev.linkport.notification.service.TeamWebhookService;
import dev.linkport.notification.service.WebhookRow;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.LinkportException;
import dev.linkport.platform.Validation;
import dev.linkport.platform.ui.CopyButton;
import dev.linkport.platform.ui.EmptyState;
import dev.linkport.platform.ui.FormErrors;
import dev.linkport.platform.ui.Notifications;
import dev.linkport.platform.ui.ViewHeader;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The signed-in person's notification settings: which events reach them in the app and by e-mail, and, for
 * team owners and admins, the team webhooks that post the team's events to a chat or another system.
 */
@Route("notification-settings")
@PageTitle("Notification settings · Linkport")
@PermitAll
public class NotificationSettingsView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneId.of("UTC"));

    private final NotificationSettingsService settings;
    private final TeamWebhookService webhooks;
    private final Validation validation;
    private final Map<NotificationKind, Checkbox> inApp = new EnumMap<>(NotificationKind.class);
    private final Map<NotificationKind, Checkbox> email = new EnumMap<>(NotificationKind.class);
    private final ComboBox<TeamChoice> team = new ComboBox<>("Team");
    private final Grid<WebhookRow> webhookGrid = new Grid<>(WebhookRow.class, false);
    private final Div webhookArea = new Div();

    public NotificationSettingsView(NotificationSettingsService settings, TeamWebhookService webhooks,
                                    Validation validation) {
        this.settings = settings;
        this.webhooks = webhooks;
        this.validation = validation;
        addClassName("notification-settings-view");
        add(new ViewHeader("Notification settings", "Choose which events reach you, in the app (the bell) and by "
                + "e-mail. Team owners also send their team's events to a chat or any other system by webhook."));
        add(preferences(settings.mine()));
        add(teamWebhooks());
    }

    private Div preferences(NotificationSettings mine) {
        Div section = new Div();
        section.addClassName("settings-section");
        section.add(new H3("Events that reach you"));
        if (!mine.emailAvailable()) {
            Paragraph off = new Paragraph("E-mail is off: this Linkport has no mail server configured "
                    + "(spring.mail.host). Events reach you in the app; ask your platform admins to set up e-mail.");
            off.setId("email-off");
            off.addClassName("hint");
            section.add(off);
        } else if (mine.emailAddress() == null) {
            Paragraph none = new Paragraph("Your user has no e-mail address, so no e-mail can reach you.");
            none.setId("email-missing");
            none.addClassName("hint");
            section.add(none);
        } else {
            section.add(new Paragraph("E-mails go to " + mine.emailAddress() + "."));
        }
        boolean emailUsable = mine.emailAvailable() && mine.emailAddress() != null;
        Div table = new Div();
        table.addClassName("preference-table");
        table.getElement().setAttribute("role", "group");
        table.getElement().setAttribute("aria-label", "Events and channels");
        for (NotificationSettings.Choice choice : mine.choices()) {
            NotificationKind kind = choice.kind();
            Span label = new Span(kind.label());
            label.addClassName("preference-label");
            Checkbox app = new Checkbox("In the app", choice.inApp());
            app.setId("pref-" + id(kind) + "-app");
            app.getElement().setAttribute("aria-label", kind.label() + ": in the app");
            Checkbox mail = new Checkbox("By e-mail", choice.email());
            mail.setId("pref-" + id(kind) + "-email");
            mail.getElement().setAttribute("aria-label", kind.label() + ": by e-mail");
            mail.setEnabled(emailUsable);
            inApp.put(kind, app);
            email.put(kind, mail);
            HorizontalLayout row = new HorizontalLayout(label, app, mail);
            row.addClassName("preference-row");
            row.setAlignItems(FlexComponent.Alignment.CENTER);
            table.add(row);
        }
        Button save = new Button("Save choices", VaadinIcon.CHECK.create(), e -> save());
        save.setId("save-preferences");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickShortcut(Key.KEY_S, KeyModifier.CONTROL);
        Button defaults = new Button("Back to defaults", e -> {
            for (NotificationKind kind : NotificationKind.values()) {
                inApp.get(kind).setValue(true);
                email.get(kind).setValue(kind.emailByDefault());
            }
        });
        defaults.addThemeVariants(ButtonVariant.TERTIARY);
        Span hint = new Span("Ctrl+S saves");
        hint.addClassName("hint");
        HorizontalLayout actions = new HorizontalLayout(save, defaults, hint);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        section.add(table, actions);
        return section;
    }

    private void save() {
        List<NotificationSettings.Choice> choices = new ArrayList<>();
        for (NotificationKind kind : NotificationKind.values()) {
            choices.add(new NotificationSettings.Choice(kind, inApp.get(kind).getValue(), email.get(kind).getValue()));
        }
        settings.save(choices);
        Notifications.success("Notification choices saved");
    }

    private Div teamWebhooks() {
        Div section = new Div();
        section.addClassName("settings-section");
        section.setId("team-webhooks");
        section.add(new H3("Team webhooks"));
        section.add(new Paragraph("Each event about a team's services or endpoints is posted to its webhooks: "
                + "Slack-compatible ({\"text\": …}) or generic JSON. Every call is signed: the header "
                + "X-Linkport-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of \"<t>.<body>\" with the webhook's "
                + "secret>. Refuse calls whose time is more than five minutes old."));
        List<TeamChoice> first = webhooks.manageableTeams("");
        if (first.isEmpty()) {
            Paragraph none = new Paragraph("Only a team's owners (and platform admins) manage its webhooks. "
                    + "Ask an owner of your team to add one.");
            none.setId("webhooks-not-owner");
            none.addClassName("hint");
            section.add(none);
            return section;
        }
        team.setId("webhook-team");
        team.setItemLabelGenerator(TeamChoice::name);
        team.setItems(query -> webhooks.manageableTeams(query.getFilter().orElse(""))
                .stream().skip(query.getOffset()).limit(query.getLimit()));
        team.setValue(first.getFirst());
        team.addValueChangeListener(e -> showWebhooks());
        webhookGrid.setId("webhook-grid");
        webhookGrid.addThemeVariants(GridVariant.NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        webhookGrid.setAllRowsVisible(true);
        webhookGrid.addColumn(WebhookRow::name).setHeader("Name").setAutoWidth(true);
        webhookGrid.addColumn(WebhookRow::url).setHeader("URL").setFlexGrow(3);
        webhookGrid.addColumn(w -> w.format().label()).setHeader("Format").setAutoWidth(true);
        webhookGrid.addColumn(w -> TIME.format(w.createdAt())).setHeader("Added").setAutoWidth(true);
        webhookGrid.addComponentColumn(this::removeButton).setAutoWidth(true).setFlexGrow(0);
        section.add(team, webhookArea, addForm());
        showWebhooks();
        return section;
    }

    private void showWebhooks() {
        webhookArea.removeAll();
        TeamChoice chosen = team.getValue();
        if (chosen == null) {
            return;
        }
        List<WebhookRow> rows = webhooks.webhooks(chosen.id());
        if (rows.isEmpty()) {
            webhookArea.add(new EmptyState("No webhooks for " + chosen.name(),
                    "Add one below, e.g. a Slack incoming webhook for the channel where your team talks about "
                            + "its services."));
        } else {
            webhookGrid.setItems(rows);
            webhookArea.add(webhookGrid);
        }
    }

    private Button removeButton(WebhookRow row) {
        Button remove = new Button("Remove", e -> {
            ConfirmDialog confirm = new ConfirmDialog("Remove webhook " + row.name() + "?",
                    "Nothing more is posted to " + row.url() + ".", "Remove", ok -> {
                        try {
                            webhooks.remove(row.id());
                            Notifications.success("Webhook " + row.name() + " removed");
                        } catch (LinkportException ex) {
                            Notifications.error(ex.getMessage());
                        }
                        showWebhooks();
                    });
            confirm.setConfirmButtonTheme("error primary");
            confirm.setCancelable(true);
            confirm.open();
        });
        remove.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.ERROR, ButtonVariant.TERTIARY);
        return remove;
    }

    private Div addForm() {
        TextField name = new TextField("Name");
        name.setId("webhook-name");
        name.setPlaceholder("#payments-alerts");
        name.setMaxLength(80);
        TextField url = new TextField("URL");
        url.setId("webhook-url");
        url.setPlaceholder("https://hooks.slack.com/services/…");
        url.setWidth("28rem");
        Select<WebhookFormat> format = new Select<>();
        format.setLabel("Format");
        format.setId("webhook-format");
        format.setItems(WebhookFormat.values());
        format.setItemLabelGenerator(WebhookFormat::label);
        format.setValue(WebhookFormat.SLACK);
        FormErrors errors = new FormErrors()
                .live(validation, AddWebhook.class, "name", name)
                .live(validation, AddWebhook.class, "url", url)
                .field("format", format);
        Button add = new Button("Add webhook", VaadinIcon.PLUS.create(), e -> {
            errors.clear();
            TeamChoice chosen = team.getValue();
            try {
                CreatedWebhook created = webhooks.add(new AddWebhook(chosen == null ? null : chosen.id(),
                        name.getValue(), url.getValue(), format.getValue()));
                name.clear();
                url.clear();
                errors.clear();
                showWebhooks();
                showSecret(created);
            } catch (InvalidInputException ex) {
                errors.show(ex);
            } catch (LinkportException ex) {
                Notifications.error(ex.getMessage());
            }
        });
        add.setId("add-webhook");
        add.addThemeVariants(ButtonVariant.PRIMARY);
        HorizontalLayout form = new HorizontalLayout(name, url, format, add);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.getStyle().set("flex-wrap", "wrap");
        form.addClassName("webhook-form");
        // Enter in any of the fields adds, as in a one-line form
        name.addKeyDownListener(Key.ENTER, e -> add.click());
        url.addKeyDownListener(Key.ENTER, e -> add.click());
        return new Div(form);
    }

    private void showSecret(CreatedWebhook created) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Webhook " + created.webhook().name() + " added");
        dialog.setWidth("min(40rem, 95vw)");
        dialog.setCloseOnOutsideClick(false);
        Paragraph warning = new Paragraph("Copy the signing secret now: Linkport does not show it again. The "
                + "receiver checks X-Linkport-Signature with it; if you lose it, remove the webhook and add it again.");
        warning.addClassName("warning");
        TextField secret = new TextField("Signing secret");
        secret.setId("webhook-secret");
        secret.setValue(created.secret());
        secret.setReadOnly(true);
        secret.setWidthFull();
        dialog.add(new VerticalLayout(warning, secret, new CopyButton("Copy secret", created::secret)));
        Button done = new Button("I have copied it", e -> dialog.close());
        done.setId("webhook-secret-done");
        done.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(done);
        dialog.open();
        done.focus();
    }

    private static String id(NotificationKind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
