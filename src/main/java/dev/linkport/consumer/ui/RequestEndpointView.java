package dev.linkport.consumer.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.linkport.aws.DnsRecordIpType;
import dev.linkport.aws.IpAddressType;
import dev.linkport.aws.SecurityGroup;
import dev.linkport.aws.Subnet;
import dev.linkport.aws.Vpc;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.PrincipalMode;
import dev.linkport.catalog.service.ListingService;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.consumer.service.EndpointRequestDetails;
import dev.linkport.consumer.service.DuplicateRequestException;
import dev.linkport.consumer.service.EndpointRequestService;
import dev.linkport.consumer.service.SubmitEndpointRequest;
import dev.linkport.consumer.service.SubnetsPerZone;
import dev.linkport.consumer.service.ZoneOffer;
import dev.linkport.identity.service.AccountDetails;
import dev.linkport.identity.service.AccountResources;
import dev.linkport.identity.service.AccountService;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.NotFoundException;
import dev.linkport.platform.Pricing;
import dev.linkport.platform.Validation;
import dev.linkport.platform.ui.Background;
import dev.linkport.platform.ui.EmptyState;
import dev.linkport.platform.ui.FormErrors;
import dev.linkport.platform.ui.Notifications;
import dev.linkport.platform.ui.ViewHeader;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Requests an interface endpoint to a service: own account → region → VPC →
 * subnets (only in the service's zone IDs) → security groups → private DNS → justification, with
 * the monthly cost. VPCs, subnets and groups are read from AWS in the background.
 */
@Route("services/:id/request")
@PageTitle("Request an endpoint · Linkport")
@PermitAll
public class RequestEndpointView extends VerticalLayout implements BeforeEnterObserver {

    /** What the role field is for: the service allows one role, and Linkport creates the endpoint as that role. */
    static final String PRINCIPAL_ROLE_HELP = "This service allows one IAM role of your account rather than the whole "
            + "account. Empty: your account's Linkport role, which creates the endpoint. Another role of the account: "
            + "Linkport creates the endpoint as that role, so it must trust Linkport like the registered role (same "
            + "ExternalId) and allow ec2:CreateVpcEndpoint. arn:aws-cn or arn:aws-us-gov in those regions.";

    private final ListingService listings;
    private final AccountService accounts;
    private final AccountResources resources;
    private final EndpointRequestService requests;
    private final Validation validation;
    private final Background background;
    private final Pricing pricing;

    private final ComboBox<AccountDetails> account = new ComboBox<>("Your team's account");
    private final ComboBox<String> region = new ComboBox<>("Region");
    private final ComboBox<Vpc> vpc = new ComboBox<>("VPC");
    private final CheckboxGroup<Subnet> subnets = new CheckboxGroup<>("Subnets");
    private final CheckboxGroup<SecurityGroup> securityGroups = new CheckboxGroup<>("Security groups");
    private final Checkbox privateDns = new Checkbox("Use the service's private DNS name");
    private final ComboBox<IpAddressType> ipAddressType = new ComboBox<>("IP address type");
    private final ComboBox<DnsRecordIpType> dnsRecordIpType = new ComboBox<>("DNS records");
    private final TextArea justification = new TextArea("Justification");
    private final TextField principalRole = new TextField("Principal role ARN");
    private final IntegerField expectedTraffic = new IntegerField("Expected traffic (GB per month)");
    private final Span cost = new Span();
    private final Span loadingText = new Span();
    private final Div loadingBox = new Div();
    private final Button submit = new Button("Request endpoint");
    private final ProgressBar submitting = new ProgressBar();
    private final FormErrors errors = new FormErrors();
    private final Div duplicate = new Div();
    private ServiceDetail service;
    /** The zones AWS offers the service in from the chosen region; null until read (then the service's own). */
    private ZoneOffer zones;

    public RequestEndpointView(ListingService listings, AccountService accounts, AccountResources resources,
                               EndpointRequestService requests, Validation validation, Background background,
                               Pricing pricing) {
        this.listings = listings;
        this.accounts = accounts;
        this.resources = resources;
        this.requests = requests;
        this.validation = validation;
        this.background = background;
        this.pricing = pricing;
        addClassName("request-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        try {
            service = listings.detail(UUID.fromString(event.getRouteParameters().get("id").orElse("")));
        } catch (IllegalArgumentException | NotFoundException e) {
            add(new EmptyState("No such service", "It does not exist, or your teams may not see it.",
                    new Button("Open the catalog", c -> getUI().ifPresent(ui -> ui.navigate("catalog")))));
            return;
        }
        add(new ViewHeader("Request an endpoint to " + service.name(), "An interface endpoint in one of your team's "
                + "VPCs; " + approvalNote(service.approvalPolicy())));
        if (!service.canRequest()) {
            add(new EmptyState("You cannot request this service now",
                    "Endpoints can be requested for available services by members of a team with an AWS account.",
                    new Button("Back to the service", c -> back())));
            return;
        }
        List<AccountDetails> mine = accounts.myAccounts();
        if (mine.isEmpty()) {
            add(new EmptyState("Your teams have no AWS account yet",
                    "Register the account the endpoint should go into under Teams & accounts, then come back.",
                    new Button("Teams & accounts", c -> getUI().ifPresent(ui -> ui.navigate("teams")))));
            return;
        }
        buildForm(mine);
    }

    private void buildForm(List<AccountDetails> mine) {
        Set<String> reachable = reachableRegions();
        account.setId("request-account");
        account.setRequiredIndicatorVisible(true);
        account.setItems(mine);
        account.setItemLabelGenerator(a -> a.displayName() + " (" + a.accountId() + ") · " + a.teamName());
        region.setId("request-region");
        region.setRequiredIndicatorVisible(true);
        region.setHelperText("The service can be reached from " + String.join(", ", reachable));
        vpc.setId("request-vpc");
        vpc.setRequiredIndicatorVisible(true);
        vpc.setItemLabelGenerator(v -> (v.name() == null ? "" : v.name() + " · ") + v.vpcId() + " · " + v.cidrBlock()
                + (v.isDefault() ? " · default" : ""));
        subnets.setId("request-subnets");
        subnets.setRequiredIndicatorVisible(true);
        subnets.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        subnets.setItemLabelGenerator(this::subnetLabel);
        subnets.setItemEnabledProvider(s -> covered(s) && fitsIpType(s));
        subnets.setHelperText("One subnet per zone. Only zones the service covers (compared by zone ID: "
                + String.join(", ", service.availabilityZoneIds().stream().sorted().toList()) + ") can be used.");
        securityGroups.setId("request-security-groups");
        securityGroups.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        securityGroups.setItemLabelGenerator(g -> g.groupName() + " · " + g.groupId()
                + (g.description() == null || g.description().isBlank() ? "" : " · " + g.description()));
        securityGroups.setHelperText("They control which of your hosts reach the endpoint; none means the VPC's default group");
        boolean verified = "verified".equalsIgnoreCase(service.privateDnsState());
        privateDns.setId("request-private-dns");
        privateDns.setEnabled(verified);
        privateDns.setHelperText(service.privateDnsName() == null ? "The service has no private DNS name"
                : verified ? "Resolve " + service.privateDnsName() + " to this endpoint inside your VPC"
                : service.privateDnsName() + " is not verified by the provider yet");
        privateDns.setValue(verified);
        ipAddressType.setId("request-ip-address-type");
        ipAddressType.setRequiredIndicatorVisible(true);
        List<IpAddressType> ipTypes = java.util.Arrays.stream(IpAddressType.values()).filter(service::accepts).toList();
        ipAddressType.setItems(ipTypes);
        ipAddressType.setItemLabelGenerator(RequestEndpointView::ipTypeLabel);
        ipAddressType.setValue(ipTypes.contains(IpAddressType.IPV4) ? IpAddressType.IPV4 : ipTypes.getFirst());
        ipAddressType.setHelperText("The service accepts " + service.supportedIpAddressTypes().stream()
                .map(IpAddressType::awsValue).sorted().collect(java.util.stream.Collectors.joining(" and "))
                + ". IPv6 needs IPv6-only subnets, dual-stack subnets with both ranges.");
        dnsRecordIpType.setId("request-dns-record-ip-type");
        dnsRecordIpType.setClearButtonVisible(true);
        dnsRecordIpType.setPlaceholder("AWS's default");
        dnsRecordIpType.setItemLabelGenerator(RequestEndpointView::dnsRecordLabel);
        dnsRecordIpType.setHelperText("Which records the endpoint's names get; empty: the IP address type's own");
        fitDnsRecordChoices();
        principalRole.setId("request-principal-role");
        principalRole.setWidthFull();
        principalRole.setPlaceholder("arn:aws:iam::111122223333:role/your-app");
        principalRole.setHelperText(PRINCIPAL_ROLE_HELP);
        principalRole.setVisible(service.principalMode() == PrincipalMode.ROLE);
        justification.setId("request-justification");
        justification.setRequiredIndicatorVisible(true);
        justification.setHelperText("Who reads it: the approver. What will use the service, and why?");
        justification.setMinHeight("6rem");
        expectedTraffic.setId("request-expected-traffic");
        expectedTraffic.setMin(0);
        expectedTraffic.setMax(SubmitEndpointRequest.MAX_EXPECTED_GB_PER_MONTH);
        expectedTraffic.setStepButtonsVisible(true);
        expectedTraffic.setHelperText("Optional. Data through the endpoint in both directions; approvers see the "
                + "estimate it makes. Empty: only the hourly part is estimated.");
        expectedTraffic.setValueChangeMode(ValueChangeMode.LAZY);
        expectedTraffic.addValueChangeListener(e -> updateCost());
        cost.setId("request-cost");
        cost.addClassName("cost-estimate");
        ProgressBar loading = new ProgressBar();
        loading.setIndeterminate(true);
        loadingBox.add(loadingText, loading);
        loadingBox.addClassName("loading-box");
        loadingBox.setId("request-loading");
        loadingBox.setVisible(false);

        errors.field("accountId", account).field("region", region).field("vpcId", vpc).field("subnetIds", subnets)
                .field("securityGroupIds", securityGroups).field("privateDnsEnabled", privateDns)
                .field("ipAddressType", ipAddressType).field("dnsRecordIpType", dnsRecordIpType)
                .field("expectedGbPerMonth", expectedTraffic)
                .live(validation, SubmitEndpointRequest.class, "justification", justification)
                .live(validation, SubmitEndpointRequest.class, "principalRoleArn", principalRole);

        account.addValueChangeListener(e -> {
            List<String> regions = e.getValue() == null ? List.of()
                    : e.getValue().regions().stream().filter(reachable::contains).toList();
            region.setItems(regions);
            region.setValue(regions.isEmpty() ? null : regions.getFirst());
            if (e.getValue() != null && regions.isEmpty()) {
                region.setErrorMessage("Account " + e.getValue().accountId() + " is not registered for "
                        + String.join(", ", reachable));
                region.setInvalid(true);
            }
        });
        region.addValueChangeListener(e -> loadVpcs());
        ipAddressType.addValueChangeListener(e -> {
            fitDnsRecordChoices();
            // which subnets fit depends on the type: re-render labels and enabled state, untick those that no longer fit
            subnets.getDataProvider().refreshAll();
            List<Subnet> unfit = subnets.getValue().stream().filter(sub -> !fitsIpType(sub)).toList();
            if (!unfit.isEmpty()) {
                subnets.deselect(unfit);
            }
        });
        vpc.addValueChangeListener(e -> duplicate.setVisible(false));
        vpc.addValueChangeListener(e -> loadSubnetsAndGroups());
        subnets.addValueChangeListener(e -> {
            updateCost();
            List<String> conflicts = SubnetsPerZone.conflicts(e.getValue());
            subnets.setErrorMessage(conflicts.isEmpty() ? null : String.join(". ", conflicts));
            subnets.setInvalid(!conflicts.isEmpty());
        });

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36rem", 2));
        form.add(account, region);
        form.add(vpc, 2);
        duplicate.setId("request-duplicate");
        duplicate.addClassName("request-duplicate");
        duplicate.setVisible(false);
        form.add(duplicate, 2);
        form.add(loadingBox, 2);
        form.add(subnets, 2);
        form.add(securityGroups, 2);
        form.add(ipAddressType, dnsRecordIpType);
        form.add(privateDns, 2);
        form.add(principalRole, 2);
        form.add(justification, 2);
        form.add(expectedTraffic, 1);

        Div costBox = new Div(new Span("Estimated cost: "), cost);
        costBox.addClassName("cost-box");
        submit.setId("request-submit");
        submit.addThemeVariants(ButtonVariant.PRIMARY);
        submit.addClickListener(e -> submit());
        submit.addClickShortcut(Key.ENTER).listenOn(account, region, vpc).resetFocusOnActiveElement();
        Button cancel = new Button("Cancel", e -> back());
        submitting.setIndeterminate(true);
        submitting.setVisible(false);
        submitting.setWidth("10rem");
        Div buttons = new Div(submit, cancel, submitting);
        buttons.addClassName("form-buttons");
        Div formBox = new Div(form, costBox, buttons);
        formBox.addClassName("form-section");
        add(formBox);

        AccountDetails first = mine.stream().filter(a -> a.regions().stream().anyMatch(reachable::contains)).findFirst()
                .orElse(mine.getFirst());
        account.setValue(first);
        updateCost();
    }

    private Set<String> reachableRegions() {
        Set<String> regions = new java.util.LinkedHashSet<>();
        regions.add(service.region());
        service.supportedRegions().stream().sorted().forEach(regions::add);
        return regions;
    }

    private boolean covered(Subnet s) {
        if (zones != null) {
            return zones.covers(s.availabilityZoneId());
        }
        return service.availabilityZoneIds().isEmpty() || service.availabilityZoneIds().contains(s.availabilityZoneId());
    }

    /** Whether an endpoint of the chosen IP address type can have a network interface in the subnet. */
    private boolean fitsIpType(Subnet s) {
        return ipAddressType.getValue() == null || s.fits(ipAddressType.getValue());
    }

    /** Offers only the DNS record types AWS allows for the chosen IP address type; clears one that no longer fits. */
    private void fitDnsRecordChoices() {
        IpAddressType type = ipAddressType.getValue() == null ? IpAddressType.IPV4 : ipAddressType.getValue();
        DnsRecordIpType chosen = dnsRecordIpType.getValue();
        dnsRecordIpType.setItems(java.util.Arrays.stream(DnsRecordIpType.values()).filter(t -> t.fits(type)).toList());
        dnsRecordIpType.setValue(chosen != null && chosen.fits(type) ? chosen : null);
    }

    private static String ipTypeLabel(IpAddressType type) {
        return switch (type) {
            case IPV4 -> "IPv4 (ipv4)";
            case IPV6 -> "IPv6 only (ipv6)";
            case DUALSTACK -> "Dual-stack: IPv4 and IPv6 (dualstack)";
        };
    }

    private static String dnsRecordLabel(DnsRecordIpType type) {
        return switch (type) {
            case IPV4 -> "A records (ipv4)";
            case IPV6 -> "AAAA records (ipv6)";
            case DUALSTACK -> "A and AAAA records (dualstack)";
            case SERVICE_DEFINED -> "A, plus AAAA for regional and zonal names (service-defined)";
        };
    }

    private String subnetLabel(Subnet s) {
        String where = s.availabilityZone() + " (" + s.availabilityZoneId() + ")";
        String what = (s.name() == null ? "" : s.name() + " · ") + s.subnetId() + " · "
                + (s.hasIpv4() ? s.cidrBlock() : "IPv6 only") + (s.hasIpv6() ? " · " + String.join(", ", s.ipv6CidrBlocks()) : "");
        if (covered(s) && !fitsIpType(s)) {
            return where + ": not for " + ipAddressType.getValue().awsValue() + " endpoints · " + what;
        }
        if (covered(s)) {
            return where + " · " + what;
        }
        return where + (zones != null && zones.crossRegion() ? ": AWS does not offer the service in this zone from "
                + zones.region() : ": the service is not in this zone") + " · " + what;
    }

    private void loadVpcs() {
        vpc.setItems(List.<Vpc>of());
        vpc.clear();
        AccountDetails a = account.getValue();
        String r = region.getValue();
        if (a == null || r == null) {
            return;
        }
        load("Reading VPCs of " + a.accountId() + " in " + r + " from AWS…", () -> resources.vpcs(a.accountId(), r),
                found -> {
                    if (a != account.getValue() || !r.equals(region.getValue())) {
                        return;
                    }
                    vpc.setItems(found);
                    if (found.isEmpty()) {
                        vpc.setErrorMessage("No VPC in " + a.accountId() + " (" + r + ")");
                        vpc.setInvalid(true);
                    } else {
                        vpc.setValue(found.stream().filter(v -> !v.isDefault()).findFirst().orElse(found.getFirst()));
                    }
                }, vpc::setErrorMessage, () -> vpc.setInvalid(true));
    }

    private void loadSubnetsAndGroups() {
        subnets.setItems(List.of());
        securityGroups.setItems(List.of());
        zones = null;
        updateCost();
        AccountDetails a = account.getValue();
        String r = region.getValue();
        Vpc v = vpc.getValue();
        if (a == null || r == null || v == null) {
            return;
        }
        record Found(List<Subnet> subnets, List<SecurityGroup> groups, ZoneOffer zones) {
        }
        load("Reading subnets and security groups of " + v.vpcId() + " from AWS…",
                () -> new Found(resources.subnets(a.accountId(), r, v.vpcId()),
                        resources.securityGroups(a.accountId(), r, v.vpcId()),
                        requests.zonesFor(service.id(), a.accountId(), r)),
                found -> {
                    if (v != vpc.getValue()) {
                        return;
                    }
                    zones = found.zones();
                    subnets.setHelperText(zonesHelp(found.zones()));
                    List<Subnet> sorted = new ArrayList<>(found.subnets());
                    sorted.sort(java.util.Comparator.comparing(Subnet::availabilityZone).thenComparing(Subnet::subnetId));
                    subnets.setItems(sorted);
                    // No preselection: a selection set by the server in the same response as the items
                    // could be overwritten by the browser's own (still empty) value, leaving the boxes
                    // ticked on screen but not on the server. People tick the subnets they want.
                    securityGroups.setItems(found.groups());
                    // The value listener does not fire when the new default equals the old value.
                    updateCost();
                    if (sorted.stream().noneMatch(this::covered)) {
                        subnets.setErrorMessage("No subnet of " + v.vpcId() + " is in a zone the service covers");
                        subnets.setInvalid(true);
                    }
                }, subnets::setErrorMessage, () -> subnets.setInvalid(true));
    }

    /** Which subnets can be chosen, and why: by zone ID, in the consumer's region for a cross-region request. */
    private static String zonesHelp(ZoneOffer offer) {
        if (!offer.known()) {
            return "One subnet per zone. AWS checks the zones when it creates the endpoint.";
        }
        if (offer.crossRegion()) {
            return "One subnet per zone. The service runs in " + offer.serviceRegion() + "; from " + offer.region()
                    + " AWS offers it in the zones " + offer.listed() + " of your region (cross-region "
                    + "PrivateLink), so only subnets in those zones can be used.";
        }
        return "One subnet per zone. Only zones the service covers (compared by zone ID: " + offer.listed()
                + ") can be used.";
    }

    private <T> void load(String what, java.util.function.Supplier<T> read, Consumer<T> done, Consumer<String> error,
                          Runnable markInvalid) {
        loadingText.setText(what);
        loadingBox.setVisible(true);
        background.run(UI.getCurrent(), read, result -> {
            loadingBox.setVisible(false);
            done.accept(result);
        }, e -> {
            loadingBox.setVisible(false);
            error.accept("Could not read from AWS: " + e.getMessage());
            markInvalid.run();
        });
    }

    private void updateCost() {
        long zones = subnets.getValue().stream().map(Subnet::availabilityZoneId).distinct().count();
        cost.setText(zones == 0 ? "choose subnets to see the estimate"
                : pricing.estimate(region.getValue(), service.region(), (int) zones, expectedTraffic.getValue())
                        .describe());
    }

    private void submit() {
        if (!submit.isEnabled()) {
            return;
        }
        AccountDetails a = account.getValue();
        Vpc v = vpc.getValue();
        SubmitEndpointRequest command = new SubmitEndpointRequest(service.id(), a == null ? null : a.accountId(),
                region.getValue(), v == null ? null : v.vpcId(),
                subnets.getValue().stream().map(Subnet::subnetId).sorted().toList(),
                securityGroups.getValue().stream().map(SecurityGroup::groupId).sorted().toList(),
                privateDns.getValue(), justification.getValue(),
                principalRole.isVisible() ? principalRole.getValue() : null, ipAddressType.getValue(),
                dnsRecordIpType.getValue(), expectedTraffic.getValue());
        errors.clear();
        submit.setEnabled(false);
        submitting.setVisible(true);
        // The service checks VPC, subnets and groups in AWS: not on the UI thread.
        background.run(UI.getCurrent(), () -> requests.submit(command), (EndpointRequestDetails created) -> {
            Notifications.success("Endpoint to " + service.name() + " requested: " + created.state().name().toLowerCase(java.util.Locale.ROOT));
            getUI().ifPresent(ui -> ui.navigate("my-endpoints/" + created.id()));
        }, e -> {
            submit.setEnabled(true);
            submitting.setVisible(false);
            if (e instanceof DuplicateRequestException existing) {
                errors.show(existing);
                showDuplicate(existing);
            } else if (e instanceof InvalidInputException invalid) {
                errors.show(invalid);
            } else {
                Notifications.error(e.getMessage());
            }
        });
    }

    /** A link to the request the new one would duplicate, under the VPC. */
    private void showDuplicate(DuplicateRequestException existing) {
        Anchor link = new Anchor("my-endpoints/" + existing.existingRequestId(), "Open the existing request ("
                + existing.existingState().name().toLowerCase(java.util.Locale.ROOT) + ")");
        link.setId("request-duplicate-link");
        duplicate.removeAll();
        duplicate.add(new Span("This VPC already has an endpoint or an open request for " + service.name() + ". "),
                link);
        duplicate.setVisible(true);
    }

    private void back() {
        getUI().ifPresent(ui -> ui.navigate("services/" + service.id()));
    }

    private static String approvalNote(ApprovalPolicy policy) {
        return switch (policy) {
            case AUTO -> "approved at once, then created in AWS.";
            case PROVIDER -> "the providing team approves it, then Linkport creates it in AWS.";
            case ADMIN -> "a platform admin approves it, then Linkport creates it in AWS.";
        };
    }
}
