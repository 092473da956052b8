package dev.linkport.provider.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
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
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.ListingState;
import dev.linkport.catalog.ChangeApproval;
import dev.linkport.catalog.PrincipalMode;
import dev.linkport.catalog.Visibility;
import dev.linkport.catalog.service.EditServiceCommand;
import dev.linkport.catalog.service.ServiceEditService;
import dev.linkport.catalog.service.ServiceSettings;
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
import dev.linkport.provider.service.ServiceRetirement;
import jakarta.annotation.security.PermitAll;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Edit a published service (owners and admins) and retire it. Linkport-only fields change at once;
 * acceptance and supported regions are applied in AWS by the ModifyService job. Retiring shows who
 * still depends on the service first.
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
    private final RadioButtonGroup<PrincipalMode> principalMode = new RadioButtonGroup<>("Approval allows (AWS)");
    private final RadioButtonGroup<ChangeApproval> changeApproval = new RadioButtonGroup<>("Endpoint changes");
    private final FormErrors errors = new FormErrors();
    private final Div dependents = new Div();
    private ServiceSettings current;

    public ServiceSettingsView(ServiceEditService settings, ServiceRetirement retirement, TeamService teams,
                               Validation validation, Background background) {
        this.settings = settings;
        this.retirement = retirement;
        this.background = background;
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
                .field("changeApproval", changeApproval);
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
                approvalPolicy, visibility, visibleTeams, acceptanceRequired, supportedRegions, principalMode, changeApproval);
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
        Div section = new Div(retireTitle, retireText, actions, dependents);
        section.addClassName("section");
        add(section);
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
                    changeApproval.getValue()));
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
