package dev.linkport.provider.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.linkport.aws.IpAddressType;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.ListingState;
import dev.linkport.catalog.ChangeApproval;
import dev.linkport.catalog.PrincipalMode;
import dev.linkport.catalog.Visibility;
import dev.linkport.aws.AvailabilityZone;
import dev.linkport.aws.NetworkLoadBalancer;
import dev.linkport.catalog.service.EditServiceCommand;
import dev.linkport.catalog.service.ListingService;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.catalog.service.ServiceEditService;
import dev.linkport.catalog.service.ServiceSettings;
import dev.linkport.identity.service.AccountResources;
import dev.linkport.identity.service.TeamService;
import dev.linkport.platform.AwsIds;
import dev.linkport.platform.ConflictException;
import dev.linkport.platform.ForbiddenException;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.LinkportException;
import dev.linkport.platform.NotFoundException;
import dev.linkport.platform.Validation;
import dev.linkport.platform.ui.Background;
import dev.linkport.platform.ui.EmptyState;
import dev.linkport.platform.ui.FormErrors;
import dev.linkport.platform.ui.MarkdownPreview;
import dev.linkport.platform.ui.Notifications;
import dev.linkport.platform.ui.StateBadge;
import dev.linkport.platform.ui.ViewHeader;
import dev.linkport.provider.service.Dependents;
import dev.linkport.provider.service.LoadBalancerChange;
import dev.linkport.provider.service.LoadBalancerChanges;
import dev.linkport.provider.service.ServiceRetirement;
import dev.linkport.provider.service.ZoneImpact;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Edit a published service (owners and admins), change its load balancers, and retire it. Linkport-only
 * fields change at once; acceptance, supported regions and load balancers are applied in AWS by the
 * ModifyService job. A change of load balancers is checked first: the zones the service would leave and
 * the consumers there are shown before it can be applied. Retiring shows who still depends on the service first.
 */
@Route("services/:id/settings")
@PageTitle("Service settings · Linkport")
@PermitAll
public class ServiceSettingsView extends VerticalLayout implements BeforeEnterObserver {

    /** What the two principal modes mean, and why a role is the endpoint's creator. */
    static final String PRINCIPAL_MODE_HELP = "When a request is approved, Linkport lets its consumer connect in AWS. "
            + "Account: the consumer account's root (arn:aws:iam::<account>:root, aws-cn or aws-us-gov by region), so "
            + "anyone in that account with the IAM permission may create endpoints. Role: only the role the consumer "
            + "names on the request (by default the account's Linkport role, which creates the endpoint). Linkport "
            + "removes a principal it added once the last endpoint that needed it is deleted. Applies to endpoints "
            + "provisioned from now on.";

    /** What the change approval setting means. */
    static final String CHANGE_APPROVAL_HELP = "Consumers may change an available endpoint's subnets, security groups "
            + "and private DNS. With approval, a change waits on the approvals page for whoever decides this "
            + "service's requests; with the policy \"Nobody\" it is applied at once either way.";

    private final ServiceEditService settings;
    private final ServiceRetirement retirement;
    private final Background background;
    private final TextArea description = new TextArea("Description");
    private final MarkdownPreview descriptionPreview = new MarkdownPreview(description);
    private final MultiSelectComboBox<String> tags = new MultiSelectComboBox<>("Tags");
    private final TextField documentationUrl = new TextField("Documentation URL");
    private final TextField supportContact = new TextField("Support contact");
    private final TextField ports = new TextField("Ports");
    private final Select<ApprovalPolicy> approvalPolicy = new Select<>();
    private final RadioButtonGroup<Visibility> visibility = new RadioButtonGroup<>("Visible to");
    private final MultiSelectComboBox<String> visibleTeams = new MultiSelectComboBox<>("Teams");
    private final Checkbox acceptanceRequired = new Checkbox("Acceptance required (AWS)");
    private final MultiSelectComboBox<String> supportedRegions = new MultiSelectComboBox<>("Supported regions (AWS)");
    private final CheckboxGroup<IpAddressType> ipAddressTypes = new CheckboxGroup<>("IP address types (AWS)");
    private final RadioButtonGroup<PrincipalMode> principalMode = new RadioButtonGroup<>("Approval allows (AWS)");
    private final RadioButtonGroup<ChangeApproval> changeApproval = new RadioButtonGroup<>("Endpoint changes");
    private final FormErrors errors = new FormErrors();
    private final Div dependents = new Div();
    private final ListingService listings;
    private final LoadBalancerChanges loadBalancerChanges;
    private final AccountResources resources;
    private final CheckboxGroup<String> loadBalancers = new CheckboxGroup<>("Network load balancers (AWS)");
    private final Map<String, NetworkLoadBalancer> knownBalancers = new HashMap<>();
    private final Div impact = new Div();
    private ServiceDetail detail;
    private ServiceSettings current;

    public ServiceSettingsView(ServiceEditService settings, ServiceRetirement retirement, TeamService teams,
                               Validation validation, Background background, ListingService listings,
                               LoadBalancerChanges loadBalancerChanges, AccountResources resources) {
        this.settings = settings;
        this.retirement = retirement;
        this.background = background;
        this.listings = listings;
        this.loadBalancerChanges = loadBalancerChanges;
        this.resources = resources;
        loadBalancers.setId("edit-load-balancers");
        loadBalancers.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        loadBalancers.setItemLabelGenerator(this::describeBalancer);
        loadBalancers.setHelperText("The service is offered in the zones its load balancers cover together; "
                + "removing one can take zones away from consumers. Check the change to see who is affected.");
        impact.setId("load-balancer-impact");
        addClassName("service-settings-view");
        description.setId("edit-description");
        description.setWidthFull();
        description.setMinHeight("8rem");
        description.setHelperText(MarkdownPreview.SYNTAX_HELP);
        descriptionPreview.setId("edit-description-preview");
        tags.setId("edit-tags");
        tags.setAllowCustomValue(true);
        tags.addCustomValueSetListener(e -> {
            Set<String> items = new TreeSet<>(tags.getValue());
            items.add(e.getDetail().trim().toLowerCase());
            tags.setItems(items);
            tags.setValue(items);
        });
        documentationUrl.setId("edit-documentation-url");
        supportContact.setId("edit-support-contact");
        ports.setId("edit-ports");
        ports.setHelperText("e.g. 443, 8443");
        approvalPolicy.setId("edit-approval-policy");
        approvalPolicy.setLabel("Who approves requests");
        approvalPolicy.setItems(ApprovalPolicy.values());
        approvalPolicy.setItemLabelGenerator(p -> switch (p) {
            case AUTO -> "Nobody: approved at once";
            case PROVIDER -> "Your team";
            case ADMIN -> "Platform admins";
        });
        visibility.setId("edit-visibility");
        visibility.setItems(Visibility.values());
        visibility.setItemLabelGenerator(v -> v == Visibility.ALL_TEAMS ? "All teams" : "Selected teams");
        visibleTeams.setId("edit-visible-teams");
        visibleTeams.setItems(q -> teams.teamNames(q.getFilter().orElse(""), q.getOffset(), q.getLimit()).stream());
        visibility.addValueChangeListener(e -> visibleTeams.setVisible(e.getValue() == Visibility.SELECTED_TEAMS));
        acceptanceRequired.setId("edit-acceptance-required");
        ipAddressTypes.setId("edit-ip-address-types");
        ipAddressTypes.setItems(IpAddressType.IPV4, IpAddressType.IPV6);
        ipAddressTypes.setItemLabelGenerator(t -> t == IpAddressType.IPV4 ? "IPv4" : "IPv6");
        ipAddressTypes.setHelperText("What consumers' endpoints may connect over; IPv6 needs dual-stack load "
                + "balancers (applied in the background)");
        supportedRegions.setId("edit-supported-regions");
        supportedRegions.setItems(AwsIds.KNOWN_REGIONS);
        supportedRegions.setHelperText("Cross-region PrivateLink: consumers in these regions may connect too");
        principalMode.setId("edit-principal-mode");
        principalMode.setItems(PrincipalMode.values());
        principalMode.setItemLabelGenerator(m -> switch (m) {
            case ACCOUNT -> "The consumer's account (its root principal)";
            case ROLE -> "One IAM role of the consumer's account";
        });
        principalMode.setHelperText(PRINCIPAL_MODE_HELP);
        changeApproval.setId("edit-change-approval");
        changeApproval.setItems(ChangeApproval.values());
        changeApproval.setItemLabelGenerator(c -> switch (c) {
            case NONE -> "Applied at once";
            case SAME_AS_REQUESTS -> "Need approval, like requests";
        });
        changeApproval.setHelperText(CHANGE_APPROVAL_HELP);
        errors.live(validation, EditServiceCommand.class, "description", description)
                .live(validation, EditServiceCommand.class, "tags", tags)
                .live(validation, EditServiceCommand.class, "documentationUrl", documentationUrl)
                .live(validation, EditServiceCommand.class, "supportContact", supportContact)
                .live(validation, EditServiceCommand.class, "ports", ports).field("visibleTeams", visibleTeams)
                .field("supportedRegions", supportedRegions).field("principalMode", principalMode)
                .field("supportedIpAddressTypes", ipAddressTypes).field("changeApproval", changeApproval);
        dependents.setId("dependents");
        dependents.addClassName("dependents");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        try {
            UUID id = UUID.fromString(event.getRouteParameters().get("id").orElse(""));
            render(settings.settings(id));
        } catch (IllegalArgumentException | NotFoundException | ForbiddenException e) {
            add(new EmptyState("No such service of yours",
                    "It does not exist, or your teams do not own it. Your services are under My services.",
                    new Button("My services", c -> getUI().ifPresent(ui -> ui.navigate(MyServicesView.class)))));
        }
    }

    private void render(ServiceSettings s) {
        current = s;
        Anchor back = new Anchor("services/" + s.id(), "← " + s.name());
        back.setId("back-to-service");
        StateBadge state = new StateBadge(s.state());
        state.setId("settings-state");
        add(back, new ViewHeader("Settings of " + s.name(), "What consumers read about the service, who approves "
                + "their requests, and how AWS accepts their endpoints.", state));
        boolean editable = s.state() != ListingState.RETIRING && s.state() != ListingState.RETIRED;
        fill(s);
        FormLayout form = new FormLayout(description, descriptionPreview, tags, documentationUrl, supportContact, ports,
                approvalPolicy, visibility, visibleTeams, acceptanceRequired, supportedRegions, ipAddressTypes,
                principalMode, changeApproval);
        form.setColspan(description, 2);
        form.setColspan(changeApproval, 2);
        form.setColspan(principalMode, 2);
        form.setColspan(descriptionPreview, 2);
        form.addClassName("settings-form");
        Button save = new Button("Save changes", e -> save());
        save.setId("save-settings");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        form.getChildren().forEach(c -> c.getElement().setEnabled(editable));
        save.setEnabled(editable);
        if (s.problem() != null) {
            Div problem = new Div();
            problem.setId("settings-problem");
            problem.addClassName("failure-reason");
            problem.setText(s.problem());
            add(problem);
        }
        add(form, save);

        H3 retireTitle = new H3("Retire");
        Paragraph retireText = new Paragraph("A retired service leaves the catalog: nobody can request it any more. "
                + "Linkport deletes its endpoint service in AWS once no endpoint is connected.");
        retireText.addClassName("hint");
        Button check = new Button("Show who depends on it", VaadinIcon.USERS.create(), e -> loadDependents());
        check.setId("show-dependents");
        Button retire = new Button("Retire service", VaadinIcon.ARCHIVE.create(), e -> retire(false));
        retire.setId("retire-service");
        retire.addThemeVariants(ButtonVariant.ERROR);
        retire.setEnabled(editable);
        Div actions = new Div(check, retire);
        actions.addClassName("button-row");
        if (s.mayForce()) {
            Button force = new Button("Force retirement (admin)", e -> retire(true));
            force.setId("force-retire");
            force.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
            force.setTooltipText("Rejects the connected endpoints; their requests become DRIFTED");
            force.setEnabled(s.state() != ListingState.RETIRED);
            actions.add(force);
        }
        if (s.state() == ListingState.AVAILABLE) {
            add(loadBalancerSection(s));
        }
        Div section = new Div(retireTitle, retireText, actions, dependents);
        section.addClassName("section");
        add(section);
    }

    private Div loadBalancerSection(ServiceSettings s) {
        detail = listings.detail(s.id());
        impact.removeAll();
        loadBalancers.setItems(new TreeSet<>(detail.loadBalancerArns()));
        loadBalancers.setValue(new TreeSet<>(detail.loadBalancerArns()));
        UI ui = UI.getCurrent();
        String accountId = detail.providerAccountId();
        String region = detail.region();
        background.run(ui, () -> resources.loadBalancers(accountId, region), found -> {
            found.forEach(b -> knownBalancers.put(b.arn(), b));
            Set<String> chosen = loadBalancers.getValue();
            Set<String> items = new TreeSet<>(detail.loadBalancerArns());
            found.stream().filter(NetworkLoadBalancer::isNetwork).map(NetworkLoadBalancer::arn).forEach(items::add);
            loadBalancers.setItems(items);
            loadBalancers.setValue(chosen);
        }, e -> loadBalancers.setHelperText("Could not list the account's load balancers: " + e.getMessage()));
        Paragraph zones = new Paragraph("Zones now: " + String.join(", ", new TreeSet<>(detail.availabilityZoneIds())));
        zones.setId("service-zones");
        zones.addClassName("hint");
        Button check = new Button("Check the change", VaadinIcon.SEARCH.create(), e -> previewBalancers());
        check.setId("check-load-balancers");
        Div section = new Div(new H3("Load balancers"), zones, loadBalancers, check, impact);
        section.addClassNames("section", "load-balancer-section");
        return section;
    }

    private LoadBalancerChange balancerChange(boolean confirm) {
        Set<String> wanted = loadBalancers.getValue();
        List<String> add = new ArrayList<>(wanted);
        add.removeAll(detail.loadBalancerArns());
        List<String> remove = new ArrayList<>(detail.loadBalancerArns());
        remove.removeAll(wanted);
        return new LoadBalancerChange(detail.id(), null, add, remove, confirm);
    }

    private void previewBalancers() {
        impact.removeAll();
        loadBalancers.setInvalid(false);
        impact.add(new Paragraph("Checking the load balancers and the consumers' zones in AWS…"));
        LoadBalancerChange change = balancerChange(false);
        background.run(UI.getCurrent(), () -> loadBalancerChanges.preview(change), this::showImpact,
                this::balancerFailed);
    }

    private void showImpact(ZoneImpact i) {
        impact.removeAll();
        impact.add(new Paragraph("Zones after the change: " + String.join(", ", new TreeSet<>(i.zonesAfter()))));
        Button apply = new Button(i.losesZones() ? "Apply and leave " + String.join(", ", new TreeSet<>(i.zonesLost()))
                : "Apply change", e -> applyBalancers(i.losesZones()));
        apply.setId("apply-load-balancers");
        apply.addThemeVariants(i.losesZones() ? ButtonVariant.ERROR : ButtonVariant.PRIMARY);
        if (i.losesZones()) {
            Div warning = new Div();
            warning.setId("load-balancer-warning");
            warning.addClassName("failure-reason");
            warning.setText(i.warning());
            impact.add(warning);
            if (!i.affected().isEmpty()) {
                UnorderedList list = new UnorderedList();
                i.affected().forEach(a -> list.add(new ListItem((a.vpcEndpointId() == null ? "request " + a.requestId()
                        : a.vpcEndpointId()) + " — " + a.team() + " (account " + a.accountId() + "), zones "
                        + String.join(", ", new TreeSet<>(a.zonesLost())))));
                list.setId("affected-endpoints");
                impact.add(list);
            }
        }
        impact.add(apply);
    }

    private void applyBalancers(boolean confirm) {
        LoadBalancerChange change = balancerChange(confirm);
        background.run(UI.getCurrent(), () -> loadBalancerChanges.change(change), i -> {
            Notifications.success("Changing the load balancers of " + i.serviceName() + " in AWS");
            detail = listings.detail(i.serviceId());
            impact.removeAll();
            impact.add(new Paragraph("Applying in AWS: " + String.join(", ", i.loadBalancersAfter().stream()
                    .map(this::describeBalancer).toList())));
        }, this::balancerFailed);
    }

    private void balancerFailed(RuntimeException e) {
        impact.removeAll();
        if (e instanceof InvalidInputException invalid) {
            loadBalancers.setErrorMessage(String.join("; ", invalid.errors().stream()
                    .map(dev.linkport.platform.FieldError::message).toList()));
            loadBalancers.setInvalid(true);
        } else {
            Notifications.error(e.getMessage());
        }
    }

    private String describeBalancer(String arn) {
        NetworkLoadBalancer b = knownBalancers.get(arn);
        String name = arn.contains("/net/") ? arn.substring(arn.indexOf("/net/") + 5, arn.lastIndexOf('/')) : arn;
        if (b == null) {
            return name;
        }
        Set<String> zones = new LinkedHashSet<>();
        b.availabilityZones().stream().map(AvailabilityZone::id).forEach(zones::add);
        return name + " (" + String.join(", ", zones) + ")";
    }

    private void fill(ServiceSettings s) {
        description.setValue(nz(s.description()));
        tags.setItems(new TreeSet<>(s.tags()));
        tags.setValue(s.tags());
        documentationUrl.setValue(nz(s.documentationUrl()));
        supportContact.setValue(nz(s.supportContact()));
        ports.setValue(nz(s.ports()));
        approvalPolicy.setValue(s.approvalPolicy());
        // lowering needs a team owner (from ADMIN: a platform admin); say so rather than fail on save
        approvalPolicy.setItemEnabledProvider(s.policyChoices()::contains);
        approvalPolicy.setHelperText(s.policyChoices().size() == ApprovalPolicy.values().length ? null
                : s.approvalPolicy() == ApprovalPolicy.ADMIN
                ? "Only a platform admin may lower the policy from platform admins"
                : "Only an owner of the team or a platform admin may lower the policy");
        visibility.setValue(s.visibility());
        visibleTeams.setValue(s.visibleTeams());
        visibleTeams.setVisible(s.visibility() == Visibility.SELECTED_TEAMS);
        acceptanceRequired.setValue(s.acceptanceRequired());
        supportedRegions.setItems(AwsIds.KNOWN_REGIONS.stream().filter(r -> !r.equals(s.region())).toList());
        supportedRegions.setValue(s.supportedRegions());
        ipAddressTypes.setValue(s.supportedIpAddressTypes());
        principalMode.setValue(s.principalMode());
        // widening from one role to the whole account needs a team owner; say so rather than fail on save
        principalMode.setItemEnabledProvider(s.principalModeChoices()::contains);
        principalMode.setHelperText(s.principalModeChoices().size() == PrincipalMode.values().length
                ? PRINCIPAL_MODE_HELP
                : PRINCIPAL_MODE_HELP + " Only an owner of the team or a platform admin may widen it to the account.");
        changeApproval.setValue(s.changeApproval());
        // letting changes through without approval needs a team owner (ADMIN policy: an admin); say so up front
        changeApproval.setItemEnabledProvider(s.changeApprovalChoices()::contains);
        changeApproval.setHelperText(s.changeApprovalChoices().size() == ChangeApproval.values().length
                ? CHANGE_APPROVAL_HELP
                : CHANGE_APPROVAL_HELP + (s.approvalPolicy() == ApprovalPolicy.ADMIN
                ? " Only a platform admin may let changes through without approval."
                : " Only an owner of the team or a platform admin may let changes through without approval."));
    }

    private void save() {
        errors.clear();
        try {
            current = settings.edit(new EditServiceCommand(current.id(), current.version(), description.getValue(),
                    tags.getValue(), documentationUrl.getValue(), supportContact.getValue(), ports.getValue(),
                    approvalPolicy.getValue(), visibility.getValue(), visibleTeams.getValue(),
                    acceptanceRequired.getValue(), supportedRegions.getValue(), principalMode.getValue(),
                    ipAddressTypes.getValue(), changeApproval.getValue()));
            fill(current);
            Notifications.success("Saved " + current.name());
        } catch (InvalidInputException e) {
            errors.show(e);
        } catch (ConflictException | ForbiddenException e) {
            Notifications.error(e.getMessage());
        }
    }

    private void loadDependents() {
        dependents.removeAll();
        dependents.add(new Paragraph("Asking AWS for the service's connections…"));
        UUID id = current.id();
        background.run(UI.getCurrent(), () -> retirement.dependents(id), this::showDependents,
                e -> {
                    dependents.removeAll();
                    Notifications.error(e.getMessage());
                });
    }

    private void showDependents(Dependents d) {
        dependents.removeAll();
        if (d.isEmpty()) {
            dependents.add(new Paragraph("Nobody depends on this service: no live request, no connected endpoint."));
            return;
        }
        dependents.add(new Paragraph("Still connected or on their way:"));
        UnorderedList list = new UnorderedList();
        Set<String> shown = new TreeSet<>();
        for (Dependents.Dependent c : d.connections()) {
            shown.add(c.vpcEndpointId());
            list.add(new ListItem(c.vpcEndpointId() + " — account " + c.accountId()
                    + (c.team() == null ? " (outside Linkport)" : " (" + c.team() + ")") + ", " + c.state()));
        }
        for (Dependents.Dependent r : d.requests()) {
            if (r.vpcEndpointId() == null || !shown.contains(r.vpcEndpointId())) {
                list.add(new ListItem((r.vpcEndpointId() == null ? "request " + r.requestId() : r.vpcEndpointId())
                        + " — account " + r.accountId() + " (" + r.team() + "), " + r.state()));
            }
        }
        dependents.add(list);
    }

    private void retire(boolean force) {
        UUID id = current.id();
        background.run(UI.getCurrent(), () -> retirement.retire(id, force), d -> {
            Notifications.success(current.name() + " is being retired");
            getUI().ifPresent(ui -> ui.navigate("services/" + id));
        }, e -> {
            if (e instanceof LinkportException) {
                Notifications.error(e.getMessage());
            } else {
                Notifications.error("Could not retire: " + e.getMessage());
            }
            if (e instanceof ConflictException) {
                loadDependents();
            }
        });
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

}
