package dev.linkport.provider.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.linkport.aws.AvailabilityZone;
import dev.linkport.aws.IpAddressType;
import dev.linkport.aws.LoadBalancerTargetGroup;
import dev.linkport.aws.NetworkLoadBalancer;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.Visibility;
import dev.linkport.catalog.service.ListingService;
import dev.linkport.catalog.service.PublishServiceCommand;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.identity.service.AccountDetails;
import dev.linkport.identity.service.AccountResources;
import dev.linkport.identity.service.AccountService;
import dev.linkport.identity.service.TeamService;
import dev.linkport.platform.AwsIds;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.Validation;
import dev.linkport.platform.ui.Background;
import dev.linkport.platform.ui.EmptyState;
import dev.linkport.platform.ui.FormErrors;
import dev.linkport.platform.ui.MarkdownPreview;
import dev.linkport.platform.ui.Notifications;
import dev.linkport.platform.ui.ViewHeader;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Publishes a service: what it is, where it runs (account → region → network load balancers, read
 * from AWS in the background), who approves requests and who sees it. On success the service's
 * page shows AWS creating the endpoint service.
 */
@Route("my-services/new")
@PageTitle("Publish a service · Linkport")
@PermitAll
public class PublishServiceView extends VerticalLayout {

    private final AccountResources resources;
    private final Background background;

    private final TextField name = new TextField("Name");
    private final TextField summary = new TextField("Summary");
    private final TextArea description = new TextArea("Description");
    private final MultiSelectComboBox<String> tags = new MultiSelectComboBox<>("Tags");
    private final TextField documentationUrl = new TextField("Documentation URL");
    private final TextField supportContact = new TextField("Support contact");
    private final TextField ports = new TextField("Ports");
    private final ComboBox<AccountDetails> account = new ComboBox<>("Provider account");
    private final ComboBox<String> region = new ComboBox<>("Region");
    private final CheckboxGroup<NetworkLoadBalancer> loadBalancers = new CheckboxGroup<>("Network load balancers");
    private final ProgressBar loading = new ProgressBar();
    private final Span loadingText = new Span("Reading load balancers from AWS…");
    private final Span onPremisesFound = new Span();
    private final Details onPremises = new Details("Publishing an application that runs on premises?");
    private final Checkbox acceptanceRequired = new Checkbox("Acceptance required");
    private final RadioButtonGroup<ApprovalPolicy> approvalPolicy = new RadioButtonGroup<>("Who approves requests");
    private final TextField privateDnsName = new TextField("Private DNS name");
    private final MultiSelectComboBox<String> supportedRegions = new MultiSelectComboBox<>("Also reachable from");
    private final CheckboxGroup<IpAddressType> ipAddressTypes = new CheckboxGroup<>("IP address types");
    private final RadioButtonGroup<Visibility> visibility = new RadioButtonGroup<>("Visible to");
    private final MultiSelectComboBox<String> visibleTeams = new MultiSelectComboBox<>("Teams");
    private final Button publish = new Button("Publish");
    private final ProgressBar publishing = new ProgressBar();
    private final FormErrors errors = new FormErrors();

    public PublishServiceView(ListingService listings, AccountService accounts, AccountResources resources,
                              TeamService teams, Validation validation, Background background) {
        this.resources = resources;
        this.background = background;
        addClassName("publish-view");
        add(new ViewHeader("Publish a service", "Linkport creates an AWS VPC endpoint service in front of your "
                + "network load balancers and lists it in the catalog."));
        List<AccountDetails> mine = accounts.myAccounts();
        if (mine.isEmpty()) {
            add(new EmptyState("Your teams have no AWS account yet",
                    "Register the account that runs the service's network load balancer under Teams & accounts, "
                            + "then come back here.",
                    new Button("Teams & accounts", e -> getUI().ifPresent(ui -> ui.navigate("teams")))));
            return;
        }

        name.setId("publish-name");
        name.setRequiredIndicatorVisible(true);
        name.setHelperText("How consumers find it, e.g. payments-api");
        summary.setId("publish-summary");
        summary.setRequiredIndicatorVisible(true);
        summary.setHelperText("One line: what it does");
        description.setId("publish-description");
        description.setHelperText(MarkdownPreview.SYNTAX_HELP);
        description.setMinHeight("8rem");
        tags.setId("publish-tags");
        tags.setAllowCustomValue(true);
        tags.setItems(new LinkedHashSet<>());
        tags.addCustomValueSetListener(e -> {
            String tag = e.getDetail().trim().toLowerCase();
            Set<String> value = new LinkedHashSet<>(tags.getValue());
            value.add(tag);
            tags.setItems(value);
            tags.setValue(value);
        });
        tags.setHelperText("Type a tag and press Enter, e.g. payments, pci; at most " + PublishServiceCommand.MAX_TAGS);
        documentationUrl.setId("publish-docs");
        documentationUrl.setPlaceholder("https://");
        supportContact.setId("publish-contact");
        supportContact.setHelperText("A channel or e-mail consumers ask for help");
        ports.setId("publish-ports");
        ports.setValue("443");
        ports.setHelperText("Port numbers separated by commas (TCP)");

        account.setId("publish-account");
        account.setRequiredIndicatorVisible(true);
        account.setItems(mine);
        account.setItemLabelGenerator(a -> a.displayName() + " (" + a.accountId() + ") · " + a.teamName());
        region.setId("publish-region");
        region.setRequiredIndicatorVisible(true);
        loadBalancers.setId("publish-nlbs");
        loadBalancers.setRequiredIndicatorVisible(true);
        loadBalancers.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        loadBalancers.setItemLabelGenerator(PublishServiceView::describe);
        loadBalancers.setHelperText("The endpoint service is in the zones of these load balancers; consumers can "
                + "only use subnets in the same zone IDs.");
        loading.setIndeterminate(true);
        Div loadingBox = new Div(loadingText, loading);
        loadingBox.addClassName("loading-box");
        loadingBox.setId("publish-nlbs-loading");
        loadingBox.setVisible(false);
        account.addValueChangeListener(e -> {
            List<String> regions = e.getValue() == null ? List.of() : e.getValue().regions();
            region.setItems(regions);
            region.setValue(regions.isEmpty() ? null : regions.getFirst());
        });
        onPremisesFound.setId("publish-onprem-found");
        onPremisesFound.addClassName("onprem-found");
        onPremisesFound.setVisible(false);
        onPremises.setId("publish-onprem-help");
        onPremises.addClassName("onprem-help");
        onPremises.add(onPremisesGuidance());
        supportedRegions.setId("publish-supported-regions");
        supportedRegions.setHelperText("Cross-region PrivateLink: consumers in these regions may connect too");
        region.addValueChangeListener(e -> {
            supportedRegions.clear();
            supportedRegions.setItems(AwsIds.KNOWN_REGIONS.stream().filter(r -> !r.equals(e.getValue())).toList());
            loadLoadBalancers(loadingBox);
        });

        ipAddressTypes.setId("publish-ip-address-types");
        ipAddressTypes.setItems(IpAddressType.IPV4, IpAddressType.IPV6);
        ipAddressTypes.setItemLabelGenerator(t -> t == IpAddressType.IPV4 ? "IPv4" : "IPv6 (needs dual-stack load balancers)");
        ipAddressTypes.setValue(Set.of(IpAddressType.IPV4));
        ipAddressTypes.setHelperText("What consumers' endpoints may connect over; with both, they can also choose "
                + "dual-stack endpoints. None ticked means IPv4.");
        loadBalancers.addValueChangeListener(e -> {
            List<String> ipv4Only = e.getValue().stream().filter(n -> !n.dualStack()).map(NetworkLoadBalancer::name)
                    .sorted().toList();
            ipAddressTypes.setItemEnabledProvider(t -> t != IpAddressType.IPV6 || ipv4Only.isEmpty()
                    || ipAddressTypes.getValue().contains(IpAddressType.IPV6));
            ipAddressTypes.setHelperText(ipv4Only.isEmpty() ? "What consumers' endpoints may connect over; with both, "
                    + "they can also choose dual-stack endpoints. None ticked means IPv4."
                    : "IPv6 needs dual-stack load balancers; " + String.join(", ", ipv4Only) + " "
                    + (ipv4Only.size() == 1 ? "is" : "are") + " IPv4 only.");
        });
        acceptanceRequired.setId("publish-acceptance");
        acceptanceRequired.setValue(true);
        acceptanceRequired.setHelperText("AWS holds each new connection until it is accepted; Linkport accepts it "
                + "when the request is approved");
        approvalPolicy.setId("publish-policy");
        approvalPolicy.setItems(ApprovalPolicy.values());
        approvalPolicy.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        approvalPolicy.setItemLabelGenerator(p -> switch (p) {
            case AUTO -> "Automatic — every request is approved at once";
            case PROVIDER -> "Your team — members of the owning team (or a platform admin) decide";
            case ADMIN -> "Platform admins — for sensitive services";
        });
        approvalPolicy.setValue(ApprovalPolicy.PROVIDER);
        privateDnsName.setId("publish-private-dns");
        privateDnsName.setHelperText("Optional, e.g. api.payments.example.com; you prove ownership with a TXT record");
        visibility.setId("publish-visibility");
        visibility.setItems(Visibility.values());
        visibility.setItemLabelGenerator(v -> v == Visibility.ALL_TEAMS ? "All teams" : "Selected teams");
        visibility.setValue(Visibility.ALL_TEAMS);
        visibleTeams.setId("publish-visible-teams");
        visibleTeams.setItems(q -> teams.teamNames(q.getFilter().orElse(""), q.getOffset(), q.getLimit()).stream());
        visibleTeams.setVisible(false);
        visibility.addValueChangeListener(e -> visibleTeams.setVisible(e.getValue() == Visibility.SELECTED_TEAMS));

        errors.live(validation, PublishServiceCommand.class, "name", name)
                .live(validation, PublishServiceCommand.class, "summary", summary)
                .live(validation, PublishServiceCommand.class, "description", description)
                .live(validation, PublishServiceCommand.class, "documentationUrl", documentationUrl)
                .live(validation, PublishServiceCommand.class, "supportContact", supportContact)
                .live(validation, PublishServiceCommand.class, "ports", ports)
                .live(validation, PublishServiceCommand.class, "privateDnsName", privateDnsName)
                .live(validation, PublishServiceCommand.class, "tags", tags)
                .field("accountId", account)
                .field("region", region)
                .field("loadBalancerArns", loadBalancers)
                .field("supportedRegions", supportedRegions)
                .field("supportedIpAddressTypes", ipAddressTypes)
                .field("approvalPolicy", approvalPolicy)
                .field("visibility", visibility)
                .field("visibleTeams", visibleTeams);
        // Enter submits from any one-line field (not from the description, where it starts a new line).
        publish.addClickShortcut(Key.ENTER)
                .listenOn(name, summary, documentationUrl, supportContact, ports, privateDnsName, account, region)
                .resetFocusOnActiveElement();

        FormLayout what = form();
        what.add(name, summary);
        what.add(description, 2);
        MarkdownPreview preview = new MarkdownPreview(description);
        preview.setId("publish-description-preview");
        what.add(preview, 2);
        what.add(tags, ports, documentationUrl, supportContact);
        FormLayout where = form();
        where.add(account, region);
        where.add(loadingBox, 2);
        where.add(loadBalancers, 2);
        where.add(onPremisesFound, 2);
        where.add(onPremises, 2);
        where.add(acceptanceRequired, 2);
        where.add(privateDnsName, supportedRegions);
        where.add(ipAddressTypes, 2);
        FormLayout who = form();
        who.add(approvalPolicy, 2);
        who.add(visibility, visibleTeams);

        publish.setId("publish-submit");
        publish.addThemeVariants(ButtonVariant.PRIMARY);
        publish.addClickListener(e -> submit(listings));
        Button cancel = new Button("Cancel", e -> getUI().ifPresent(ui -> ui.navigate(MyServicesView.class)));
        publishing.setIndeterminate(true);
        publishing.setVisible(false);
        publishing.setWidth("10rem");
        Div buttons = new Div(publish, cancel, publishing);
        buttons.addClassName("form-buttons");

        add(section("The service", what), section("Where it runs", where), section("Who approves and who sees it", who),
                buttons);
        account.setValue(mine.getFirst());
        name.focus();
    }

    private void loadLoadBalancers(Div loadingBox) {
        loadBalancers.setItems(List.of());
        loadBalancers.setInvalid(false);
        showOnPremises(List.of());
        AccountDetails a = account.getValue();
        String r = region.getValue();
        if (a == null || r == null) {
            return;
        }
        loadingBox.setVisible(true);
        loadingText.setText("Reading load balancers of " + a.accountId() + " in " + r + " from AWS…");
        UI ui = UI.getCurrent();
        background.run(ui, () -> resources.loadBalancers(a.accountId(), r), found -> {
            if (a != account.getValue() || !r.equals(region.getValue())) {
                return; // the user moved on; a newer load is under way
            }
            loadingBox.setVisible(false);
            List<NetworkLoadBalancer> nlbs = found.stream().filter(NetworkLoadBalancer::isNetwork).toList();
            loadBalancers.setItems(nlbs);
            loadBalancers.setItemEnabledProvider(n -> !"failed".equals(n.state()));
            showOnPremises(nlbs);
            if (nlbs.isEmpty()) {
                loadBalancers.setErrorMessage("No network load balancer in " + a.accountId() + " (" + r + "). "
                        + "Create one in front of your service first.");
                loadBalancers.setInvalid(true);
            }
        }, error -> {
            loadingBox.setVisible(false);
            loadBalancers.setErrorMessage("Could not read load balancers: " + error.getMessage());
            loadBalancers.setInvalid(true);
        });
    }

    private void submit(ListingService listings) {
        if (!publish.isEnabled()) {
            return;
        }
        AccountDetails a = account.getValue();
        PublishServiceCommand command = new PublishServiceCommand(name.getValue(), summary.getValue(),
                description.getValue(), Set.copyOf(tags.getValue()), documentationUrl.getValue(),
                supportContact.getValue(), ports.getValue(), a == null ? null : a.accountId(), region.getValue(),
                loadBalancers.getValue().stream().map(NetworkLoadBalancer::arn).sorted().toList(),
                acceptanceRequired.getValue(), approvalPolicy.getValue(), privateDnsName.getValue(),
                Set.copyOf(supportedRegions.getValue()),
                visibility.getValue(), Set.copyOf(visibleTeams.getValue()), Set.copyOf(ipAddressTypes.getValue()));
        errors.clear();
        publish.setEnabled(false);
        publishing.setVisible(true);
        // Publishing checks the load balancers in AWS: not on the UI thread.
        background.run(UI.getCurrent(), () -> listings.publish(command), (ServiceDetail published) -> {
            Notifications.success("Publishing " + published.name() + ": AWS is creating its endpoint service");
            getUI().ifPresent(ui -> ui.navigate("services/" + published.id()));
        }, error -> {
            publish.setEnabled(true);
            publishing.setVisible(false);
            if (error instanceof InvalidInputException invalid) {
                errors.show(invalid);
            } else {
                Notifications.error(error.getMessage());
            }
        });
    }

    static String describe(NetworkLoadBalancer n) {
        return n.name() + " · " + n.scheme() + " · " + n.availabilityZones().size() + " zones: "
                + n.availabilityZones().stream().map(PublishServiceView::zone).collect(Collectors.joining(", "))
                + " · " + targets(n)
                + ("active".equals(n.state()) ? "" : " · " + n.state());
    }

    /** The load balancer's target type, and for IP targets outside its VPC, that they are on premises. */
    static String targets(NetworkLoadBalancer n) {
        if (n.targetGroups() == null) {
            return "target type unknown (the role may not call elasticloadbalancing:DescribeTargetGroups)";
        }
        if (n.targetGroups().isEmpty()) {
            return "no target group";
        }
        String types = "target type " + String.join(", ", n.targetTypes());
        long outside = n.targetGroups().stream().filter(g -> "ip".equals(g.targetType()))
                .flatMap(g -> g.targets().stream()).filter(LoadBalancerTargetGroup.Target::outsideVpc).count();
        return outside == 0 ? types : types + " (" + outside + (outside == 1 ? " address" : " addresses")
                + " outside the VPC: on premises)";
    }

    /** Names the load balancers that reach outside their VPC and opens the on-premises guidance for them. */
    private void showOnPremises(List<NetworkLoadBalancer> nlbs) {
        List<String> names = nlbs.stream().filter(NetworkLoadBalancer::reachesOutsideVpc)
                .map(NetworkLoadBalancer::name).toList();
        onPremisesFound.setVisible(!names.isEmpty());
        onPremisesFound.setText(names.isEmpty() ? "" : String.join(", ", names)
                + (names.size() == 1 ? " sends" : " send") + " traffic to IP targets outside its VPC (registered in "
                + "Availability Zone \"all\"): an application on premises. Check the list below before publishing.");
        onPremises.setOpened(!names.isEmpty());
    }

    /** The on-premises pattern in a few plain sentences: what it is and what the provider must have. */
    private static Div onPremisesGuidance() {
        Div guidance = new Div(new Paragraph("PrivateLink can front an application in your data centre. Put a "
                        + "network load balancer in a VPC of this account, give it a target group of target type ip "
                        + "whose targets are the application's on-premises IP addresses, and publish that load "
                        + "balancer here. Consumers connect to it like to any other service and never need a route "
                        + "to your data centre."),
                new Paragraph("What you need:"),
                new UnorderedList(
                        new ListItem("Routing from the load balancer's subnets to the data centre over AWS Direct "
                                + "Connect or Site-to-Site VPN, and an on-premises firewall that lets the load "
                                + "balancer's addresses in."),
                        new ListItem("The targets registered with Availability Zone \"all\", which AWS requires for "
                                + "IP addresses outside the VPC; they must be private (10.0.0.0/8, 172.16.0.0/12, "
                                + "192.168.0.0/16 or 100.64.0.0/10)."),
                        new ListItem("Health checks that pass over the same link: when the link is down, targets turn "
                                + "unhealthy and consumers' connections fail, although PrivateLink shows nothing "
                                + "wrong."),
                        new ListItem("Cross-zone load balancing on, or every target in zone \"all\", so that each zone "
                                + "of the load balancer (consumers can only use those zones) reaches a healthy "
                                + "target.")),
                new Paragraph("Each load balancer above shows its target type; Linkport names the ones whose targets "
                        + "are outside their VPC."));
        guidance.addClassName("onprem-guidance");
        return guidance;
    }

    private static String zone(AvailabilityZone z) {
        return z.name() + (z.id() == null ? "" : " (" + z.id() + ")");
    }

    private static FormLayout form() {
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36rem", 2));
        return form;
    }

    private static Div section(String title, FormLayout form) {
        Div section = new Div(new H3(title), form);
        section.addClassName("form-section");
        return section;
    }
}
