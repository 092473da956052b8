package dev.linkport.catalog.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.ListingState;
import dev.linkport.catalog.PrincipalMode;
import dev.linkport.catalog.service.ListingService;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.platform.NotFoundException;
import dev.linkport.platform.Pricing;
import dev.linkport.platform.events.Changed;
import dev.linkport.platform.events.LiveUpdates;
import dev.linkport.platform.ui.CopyButton;
import dev.linkport.platform.ui.EmptyState;
import dev.linkport.platform.ui.LiveRefresh;
import dev.linkport.platform.ui.MarkdownText;
import dev.linkport.platform.ui.Notifications;
import dev.linkport.platform.ui.StateBadge;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A service's page: what it is, who runs it, where it can be reached, what an
 * endpoint costs; for its owners the AWS side, which updates live while AWS creates it.
 */
@Route("services/:id")
@PermitAll
public class ServiceView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ListingService listings;
    private final Pricing pricing;
    private UUID id;
    private String title = "Service · Linkport";

    public ServiceView(ListingService listings, Pricing pricing, LiveUpdates updates) {
        this.listings = listings;
        this.pricing = pricing;
        addClassName("service-view");
        LiveRefresh.onChange(this, updates, Changed.Topic.SERVICE_LISTING, changed -> changed.id().equals(id),
                () -> {
                    if (id != null) {
                        render(listings.detail(id));
                    }
                });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        try {
            id = UUID.fromString(event.getRouteParameters().get("id").orElse(""));
            render(listings.detail(id));
            // Coming from a long form, the shared scroll area would otherwise open this page half-way down.
            getElement().executeJs("this.scrollIntoView({block: 'start'})");
        } catch (IllegalArgumentException | NotFoundException e) {
            id = null;
            add(new EmptyState("No such service",
                    "It does not exist, or it is not visible to your teams. Find services in the Catalog.",
                    new Button("Open the catalog", c -> getUI().ifPresent(ui -> ui.navigate("catalog")))));
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void render(ServiceDetail s) {
        removeAll();
        title = s.name() + " · Linkport";
        getUI().ifPresent(ui -> ui.getPage().setTitle(title));

        H2 name = new H2(s.name());
        StateBadge state = new StateBadge(s.state());
        state.setId("service-state");
        Div titleLine = new Div(name, state);
        titleLine.addClassName("title-line");
        Paragraph summary = new Paragraph(s.summary());
        summary.addClassName("lead");
        Div text = new Div(titleLine, summary);
        text.addClassName("view-header-text");
        Div actions = new Div();
        actions.addClassName("view-header-actions");
        if (s.canRequest()) {
            Button request = new Button("Request endpoint", VaadinIcon.CONNECT.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate("services/" + s.id() + "/request")));
            request.setId("request-endpoint");
            request.addThemeVariants(ButtonVariant.PRIMARY);
            actions.add(request);
        }
        Div header = new Div(text, actions);
        header.addClassName("view-header");
        add(header);

        add(statusPanel(s));
        if (s.canManage()) {
            add(manageLinks(s));
        }

        Div columns = new Div();
        columns.addClassName("service-columns");
        Div description = new Div();
        description.addClassName("service-description");
        description.add(new H3("About"));
        // Markdown rendered without raw HTML or script links: what the provider wrote cannot run in consumers' browsers.
        MarkdownText body = new MarkdownText("No description yet.");
        body.setId("service-description");
        body.setMarkdown(s.description());
        description.add(body);
        if (!s.tags().isEmpty()) {
            Div tags = new Div();
            tags.addClassName("tags");
            s.tags().stream().sorted().forEach(t -> tags.add(pill(t)));
            description.add(tags);
        }
        if (!s.awsTags().isEmpty()) {
            description.add(awsTags(s.awsTags()));
        }
        columns.add(description, facts(s));
        add(columns);
    }

    /** The tags AWS holds on the endpoint service: Linkport's own and the cost-allocation ones. */
    static Div awsTags(java.util.Map<String, String> tags) {
        Div section = new Div(new H3("Tags in AWS"));
        section.setId("aws-tags");
        section.addClassName("aws-tags");
        tags.forEach((key, value) -> {
            Span line = new Span(key + " = " + value);
            line.addClassName("mono");
            section.add(new Div(line));
        });
        return section;
    }

    private Component statusPanel(ServiceDetail s) {
        Div panel = new Div();
        panel.setId("service-status");
        panel.addClassNames("status-panel", "status-" + s.state().name().toLowerCase(Locale.ROOT));
        switch (s.state()) {
            case PUBLISHING -> {
                ProgressBar progress = new ProgressBar();
                progress.setIndeterminate(true);
                panel.add(new Span("Creating the endpoint service in AWS…"), progress,
                        small("This takes a few seconds. The page updates by itself."));
            }
            case AVAILABLE -> {
                if (s.serviceName() != null) {
                    panel.add(new Span("Consumers connect to this endpoint service:"),
                            codeLine("service-name", s.serviceName()));
                }
                if (s.privateDnsWarning() != null) {
                    Div warning = new Div();
                    warning.setId("service-private-dns-warning");
                    warning.addClassNames("failure-reason", "private-dns-warning");
                    warning.setText(s.privateDnsWarning());
                    panel.add(warning);
                }
            }
            case FAILED -> {
                panel.add(new Span("AWS could not create the endpoint service."));
                if (s.failureReason() != null) {
                    Div reason = new Div();
                    reason.setId("service-failure");
                    reason.addClassName("failure-reason");
                    reason.setText(s.failureReason());
                    panel.add(reason);
                }
                if (s.canManage()) {
                    Button retry = new Button("Retry", VaadinIcon.REFRESH.create(), e -> {
                        render(listings.retryPublish(s.id()));
                        Notifications.success("Publishing " + s.name() + " again");
                    });
                    retry.setId("retry-publish");
                    panel.add(retry);
                }
            }
            default -> panel.add(new Span(s.state() == ListingState.RETIRED ? "This service is retired: no new endpoints."
                    : "This service is " + s.state().name().toLowerCase(Locale.ROOT) + "."));
        }
        return panel;
    }

    private Component facts(ServiceDetail s) {
        Div facts = new Div();
        facts.addClassName("facts");
        facts.setId("service-facts");
        fact(facts, "Owner", new Span(s.ownerTeam()));
        fact(facts, "Support", new Span(orDash(s.supportContact())));
        if (s.documentationUrl() != null && s.documentationUrl().matches("^https?://\\S+$")) {
            Anchor docs = new Anchor(s.documentationUrl(), s.documentationUrl(), AnchorTarget.BLANK);
            docs.getElement().setAttribute("rel", "noopener noreferrer");
            fact(facts, "Documentation", docs);
        } else {
            fact(facts, "Documentation", new Span("—"));
        }
        fact(facts, "Ports", new Span(orDash(s.ports())));
        fact(facts, "Provider account", new Span(s.providerAccountId() + " · " + s.region()));
        fact(facts, "Regions", new Span(String.join(", ", regions(s))));
        Span ipTypes = new Span(s.supportedIpAddressTypes().stream().map(t -> t.awsValue()).sorted()
                .collect(java.util.stream.Collectors.joining(", "))
                + (s.supportedIpAddressTypes().size() > 1 ? " (endpoints may also be dual-stack)" : ""));
        ipTypes.setId("service-ip-address-types");
        fact(facts, "IP address types", ipTypes);
        fact(facts, "Availability Zone IDs", new Span(s.availabilityZoneIds().isEmpty()
                ? "Known once AWS has created the service"
                : String.join(", ", s.availabilityZoneIds().stream().sorted().toList())));
        fact(facts, "Acceptance", new Span(s.acceptanceRequired()
                ? "Required: the provider accepts each connection in AWS (Linkport does it on approval)"
                : "Automatic in AWS"));
        fact(facts, "Approval", new Span(policy(s.approvalPolicy())));
        Span allows = new Span(s.principalMode() == PrincipalMode.ROLE
                ? "One IAM role of your account: the role you name on the request, else your account's Linkport role"
                : "Your whole AWS account (its root principal), until your last endpoint to it is deleted");
        allows.setId("service-principal-mode");
        fact(facts, "Approval allows in AWS", allows);
        fact(facts, "Private DNS", new Span(s.privateDnsName() == null ? "—"
                : s.privateDnsName() + " (" + orDash(s.privateDnsState()) + ")"));
        if (s.canManage() && s.privateDnsTxtName() != null) {
            fact(facts, "DNS TXT record", codeLine("txt-record", s.privateDnsTxtName() + " TXT " + s.privateDnsTxtValue()));
        }
        Span consumers = new Span(String.valueOf(s.consumerCount()));
        consumers.setId("consumer-count");
        fact(facts, "Consumers", consumers);
        Pricing.RegionPrice price = pricing.in(s.region());
        Span cost = new Span(s.availabilityZoneIds().isEmpty() ? "Known once AWS has created the service"
                : "$" + pricing.estimate(s.region(), s.region(), s.availabilityZoneIds().size(), null).monthly()
                .toPlainString() + " a month for an endpoint in all " + s.availabilityZoneIds().size() + " zones ($"
                + price.endpointAzHour().toPlainString() + " per zone-hour in " + s.region() + "), plus $"
                + price.perGb().toPlainString() + " per GB processed"
                + (s.supportedRegions().isEmpty() ? "" : "; from another region at that region's prices, plus $"
                        + pricing.interRegionPerGb().toPlainString() + " per GB between regions"));
        cost.setId("service-cost");
        fact(facts, "Cost estimate", cost);
        if (s.canManage() && s.serviceId() != null) {
            fact(facts, "Endpoint service id", codeLine("service-id", s.serviceId()));
        }
        return facts;
    }

    static String policy(ApprovalPolicy policy) {
        return switch (policy) {
            case AUTO -> "Automatic: requests are approved at once";
            case PROVIDER -> "By the providing team (or a platform admin)";
            case ADMIN -> "By platform admins";
        };
    }

    private static List<String> regions(ServiceDetail s) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(s.region()),
                s.supportedRegions().stream().filter(r -> !r.equals(s.region())).sorted()).toList();
    }

    /**
     * Links to the provider's pages about this service (owners and admins). Each page lives in
     * the feature that owns it and is linked by its route, so the catalog depends on none of them.
     */
    private static Div manageLinks(ServiceDetail s) {
        Div links = new Div();
        links.addClassName("manage-links");
        links.setId("manage-links");
        String base = "services/" + s.id();
        links.add(new Anchor(base + "/principals", "Allowed principals"), new Anchor(base + "/connections", "Connections"),
                new Anchor(base + "/dns", "Private DNS"), new Anchor(base + "/settings", "Edit & retire"),
                new Anchor(base + "/usage", "Usage by consumer"));
        return links;
    }

    private static void fact(Div facts, String label, Component value) {
        Span l = new Span(label);
        l.addClassName("fact-label");
        Div v = new Div(value);
        v.addClassName("fact-value");
        facts.add(l, v);
    }

    private static Div codeLine(String id, String text) {
        Span code = new Span(text);
        code.setId(id);
        code.addClassName("mono");
        Div line = new Div(code, new CopyButton("Copy", () -> text));
        line.addClassName("code-line");
        return line;
    }

    private static Span pill(String text) {
        Span s = new Span(text);
        s.addClassName("pill");
        return s;
    }

    private static Span small(String text) {
        Span s = new Span(text);
        s.addClassName("hint");
        return s;
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }
}
