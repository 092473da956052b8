package dev.linkport.provider.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.linkport.catalog.service.PrivateDnsCommand;
import dev.linkport.catalog.service.PrivateDnsService;
import dev.linkport.catalog.service.PrivateDnsStatus;
import dev.linkport.platform.ConflictException;
import dev.linkport.platform.ForbiddenException;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.NotFoundException;
import dev.linkport.platform.events.Changed;
import dev.linkport.platform.events.LiveUpdates;
import dev.linkport.platform.ui.CopyButton;
import dev.linkport.platform.ui.EmptyState;
import dev.linkport.platform.ui.LiveRefresh;
import dev.linkport.platform.ui.Notifications;
import dev.linkport.platform.ui.StateBadge;
import dev.linkport.platform.ui.ViewHeader;
import jakarta.annotation.security.PermitAll;
import java.util.UUID;

/**
 * A service's private DNS name (owners and admins): set it, publish the TXT record AWS asks for,
 * verify, remove it. The verification state updates live when the VerifyPrivateDns job or
 * reconciliation hears from AWS; a name AWS no longer reports as verified shows a warning.
 */
@Route("services/:id/dns")
@PageTitle("Private DNS · Linkport")
@PermitAll
public class PrivateDnsView extends VerticalLayout implements BeforeEnterObserver {

    private final PrivateDnsService settings;
    private final TextField name = new TextField("Private DNS name");
    private final Div status = new Div();
    private UUID id;

    public PrivateDnsView(PrivateDnsService settings, LiveUpdates updates) {
        this.settings = settings;
        addClassName("private-dns-view");
        name.setId("private-dns-name");
        name.setPlaceholder("api.payments.example.com");
        name.setHelperText("Consumers' endpoints resolve this name to their endpoint, once AWS verified you own it.");
        name.setWidth("28rem");
        status.setId("private-dns-status");
        status.addClassName("status-panel");
        LiveRefresh.onChange(this, updates, Changed.Topic.SERVICE_LISTING, changed -> changed.id().equals(id),
                () -> {
                    if (id != null) {
                        renderStatus(settings.privateDns(id));
                    }
                });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        try {
            id = UUID.fromString(event.getRouteParameters().get("id").orElse(""));
            PrivateDnsStatus dns = settings.privateDns(id);
            render(dns);
        } catch (IllegalArgumentException | NotFoundException | ForbiddenException e) {
            id = null;
            add(new EmptyState("No such service of yours",
                    "It does not exist, or your teams do not own it. Your services are under My services.",
                    new Button("My services", c -> getUI().ifPresent(ui -> ui.navigate(MyServicesView.class)))));
        }
    }

    private void render(PrivateDnsStatus dns) {
        Anchor back = new Anchor("services/" + dns.serviceId(), "← " + dns.serviceName());
        back.setId("back-to-service");
        add(back, new ViewHeader("Private DNS of " + dns.serviceName(),
                "Give consumers a friendly name for this service. AWS checks that you own the domain: publish the "
                        + "TXT record below at your DNS host, then press Verify."));
        name.setValue(dns.name() == null ? "" : dns.name());
        Button save = new Button("Save name", e -> save());
        save.setId("save-private-dns");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Div form = new Div(name, save);
        form.addClassName("inline-form");
        add(form, status);
        renderStatus(dns);
    }

    private void save() {
        name.setInvalid(false);
        try {
            PrivateDnsStatus dns = settings.setPrivateDns(new PrivateDnsCommand(id, name.getValue()));
            renderStatus(dns);
            Notifications.success("Private DNS name " + dns.name() + " saved; AWS issues the TXT record next");
        } catch (InvalidInputException e) {
            name.setErrorMessage(e.getMessage().replaceFirst("^name: ", ""));
            name.setInvalid(true);
        } catch (ConflictException e) {
            Notifications.error(e.getMessage());
        }
    }

    private void renderStatus(PrivateDnsStatus dns) {
        status.removeAll();
        status.getClassNames().removeIf(c -> c.startsWith("status-") && !c.equals("status-panel"));
        StateBadge badge = new StateBadge(badge(dns));
        badge.setId("private-dns-state");
        Div line = new Div(new Span("Verification"), badge);
        line.addClassName("title-line");
        status.add(line);
        if (dns.name() == null) {
            status.add(new Paragraph("No private DNS name yet. Consumers reach the service by the endpoint's own "
                    + "DNS names."));
            return;
        }
        if (dns.warning() != null) {
            Div warning = new Div();
            warning.setId("private-dns-warning");
            warning.addClassNames("failure-reason", "private-dns-warning");
            warning.setText(dns.warning());
            status.add(warning);
        }
        if (dns.txtRecordName() == null) {
            status.add(new Paragraph("Waiting for AWS to issue the TXT record for " + dns.name() + "…"));
        } else {
            status.add(new H3(dns.verified() ? "TXT record (keep it published)" : "TXT record to publish"));
            status.add(codeLine("txt-name", "Name", dns.txtRecordName()), codeLine("txt-value", "Value",
                    dns.txtRecordValue()));
            Div actions = new Div();
            actions.addClassName("button-row");
            if (dns.sandboxHelper() && !dns.verified()) {
                Button publish = new Button("Publish TXT record in the sandbox's DNS", VaadinIcon.CLOUD_UPLOAD.create(),
                        e -> {
                            try {
                                settings.publishTxtRecordInSandbox(id);
                                Notifications.success("TXT record published in the sandbox's DNS");
                            } catch (ConflictException ex) {
                                Notifications.error(ex.getMessage());
                            }
                        });
                publish.setId("publish-txt-sandbox");
                publish.setTooltipText("Sandbox only: real AWS reads your public DNS");
                actions.add(publish);
            }
            if (!dns.verified()) {
                Button verify = new Button("Verify", VaadinIcon.CHECK.create(), e -> {
                    try {
                        renderStatus(settings.verifyPrivateDns(id));
                        Notifications.success("Asked AWS to verify " + dns.name());
                    } catch (ConflictException ex) {
                        Notifications.error(ex.getMessage());
                    }
                });
                verify.setId("verify-private-dns");
                verify.addThemeVariants(ButtonVariant.PRIMARY);
                actions.add(verify);
            }
            status.add(actions);
        }
        status.add(explanation(dns));
        Button remove = new Button("Remove private DNS name", VaadinIcon.TRASH.create(), e -> confirmRemove(dns));
        remove.setId("remove-private-dns");
        remove.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
        status.add(remove);
        if (dns.problem() != null) {
            Div reason = new Div();
            reason.setId("private-dns-problem");
            reason.addClassName("failure-reason");
            reason.setText(dns.problem());
            status.add(reason);
        }
    }

    private void confirmRemove(PrivateDnsStatus dns) {
        ConfirmDialog confirm = new ConfirmDialog("Remove " + dns.name() + "?",
                "Linkport removes the private DNS name from the endpoint service in AWS. Consumers' endpoints then "
                        + "answer only under their AWS-generated DNS names; clients using " + dns.name()
                        + " stop resolving it to the endpoint.", "Remove name", e -> {
                    try {
                        renderStatus(settings.removePrivateDns(id));
                        name.clear();
                        Notifications.success("Removing " + dns.name() + " in AWS");
                    } catch (ConflictException ex) {
                        Notifications.error(ex.getMessage());
                    }
                });
        confirm.setId("confirm-remove-private-dns");
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.open();
    }

    private static Component explanation(PrivateDnsStatus dns) {
        Paragraph p = new Paragraph(switch (dns.state() == null ? "" : dns.state()) {
            case "verified" -> "AWS verified " + dns.name() + ". Consumers may enable private DNS on their endpoints.";
            case "failed" -> "AWS could not find the TXT record. Publish it exactly as shown and press Verify again.";
            case "pendingVerification" -> "AWS checks the record after you press Verify; this page updates by itself.";
            default -> "Publish the record, then press Verify.";
        });
        p.addClassName("hint");
        return p;
    }

    private static String badge(PrivateDnsStatus dns) {
        if (dns.name() == null) {
            return "NOT_SET";
        }
        if (dns.state() == null) {
            return "WAITING";
        }
        return switch (dns.state()) {
            case "pendingVerification" -> "PENDING_VERIFICATION";
            default -> dns.state().toUpperCase();
        };
    }

    private static Div codeLine(String id, String label, String text) {
        Span l = new Span(label);
        l.addClassName("fact-label");
        Span code = new Span(text);
        code.setId(id);
        code.addClassName("mono");
        Div line = new Div(l, code, new CopyButton("Copy", () -> text));
        line.addClassName("code-line");
        return line;
    }
}
