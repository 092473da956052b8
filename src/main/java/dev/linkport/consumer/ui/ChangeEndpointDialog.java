package dev.linkport.consumer.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import dev.linkport.aws.SecurityGroup;
import dev.linkport.aws.Subnet;
import dev.linkport.consumer.service.ChangeEndpoint;
import dev.linkport.consumer.service.ChangeOptions;
import dev.linkport.consumer.service.EndpointChangeDetails;
import dev.linkport.consumer.service.EndpointChangeService;
import dev.linkport.consumer.service.SubnetsPerZone;
import dev.linkport.identity.service.AccountResources;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.ui.Background;
import dev.linkport.platform.ui.FormErrors;
import dev.linkport.platform.ui.Notifications;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * "Change endpoint": the subnets (one per zone, only in zones the service covers, the others shown disabled with the
 * reason, as on the request form), security groups and private DNS of an available endpoint. Subnets and groups are
 * read from AWS in the background; saving is checked in AWS too, then the worker applies the change.
 */
class ChangeEndpointDialog extends Dialog {

    private final EndpointChangeService changes;
    private final Background background;
    private final ChangeOptions options;
    private final Consumer<EndpointChangeDetails> onAsked;
    private final CheckboxGroup<Subnet> subnets = new CheckboxGroup<>("Subnets");
    private final CheckboxGroup<SecurityGroup> groups = new CheckboxGroup<>("Security groups");
    private final Checkbox privateDns = new Checkbox("Use the service's private DNS name");
    private final Div loading = new Div();
    private final Button save = new Button("Change endpoint");
    private final ProgressBar saving = new ProgressBar();
    private final FormErrors errors = new FormErrors();

    /** @param onAsked runs on the UI thread once the change was accepted (to show its progress) */
    ChangeEndpointDialog(EndpointChangeService changes, AccountResources resources, Background background,
                         ChangeOptions options, Consumer<EndpointChangeDetails> onAsked) {
        this.changes = changes;
        this.background = background;
        this.options = options;
        this.onAsked = onAsked;
        setHeaderTitle("Change the endpoint in " + options.vpcId());
        setWidth("min(46rem, 95vw)");
        setId("change-endpoint-dialog");

        subnets.setId("change-subnets");
        subnets.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        subnets.setItemLabelGenerator(this::subnetLabel);
        subnets.setItemEnabledProvider(this::covered);
        subnets.setHelperText(options.zoneIds().isEmpty() ? "One subnet per zone."
                : "One subnet per zone. Only zones the service covers (compared by zone ID: "
                        + options.zoneIds().stream().sorted().collect(Collectors.joining(", ")) + ") can be used.");
        subnets.addValueChangeListener(e -> {
            List<String> conflicts = SubnetsPerZone.conflicts(e.getValue());
            subnets.setErrorMessage(conflicts.isEmpty() ? null : String.join(". ", conflicts));
            subnets.setInvalid(!conflicts.isEmpty());
        });
        groups.setId("change-security-groups");
        groups.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        groups.setItemLabelGenerator(g -> g.groupName() + " · " + g.groupId()
                + (g.description() == null || g.description().isBlank() ? "" : " · " + g.description()));
        groups.setHelperText(options.securityGroupIds().isEmpty()
                ? "The endpoint has the VPC's default group; tick groups to replace it"
                : "Keep at least one; they control which of your hosts reach the endpoint");
        privateDns.setId("change-private-dns");
        privateDns.setValue(options.privateDnsEnabled());
        privateDns.setEnabled(options.privateDnsVerified() || options.privateDnsEnabled());
        privateDns.setHelperText(options.privateDnsVerified() ? "Resolve the service's name to this endpoint in your VPC"
                : "The provider's private DNS name is not verified");
        errors.field("subnetIds", subnets).field("securityGroupIds", groups).field("privateDnsEnabled", privateDns);

        ProgressBar bar = new ProgressBar();
        bar.setIndeterminate(true);
        loading.add(new Span("Reading subnets and security groups of " + options.vpcId() + " from AWS…"), bar);
        loading.setId("change-loading");
        Span note = new Span("Applications keep their connection while AWS changes the endpoint; a removed subnet's "
                + "zonal DNS name stops resolving. Changes need no new approval.");
        note.addClassName("hint");
        add(note, loading, subnets, groups, privateDns);

        save.setId("change-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setEnabled(false);
        save.addClickListener(e -> save());
        save.addClickShortcut(Key.ENTER);
        saving.setIndeterminate(true);
        saving.setVisible(false);
        saving.setWidth("8rem");
        Button cancel = new Button("Cancel", e -> close());
        cancel.setId("change-cancel");
        getFooter().add(saving, cancel, save);

        record Found(List<Subnet> subnets, List<SecurityGroup> groups) {
        }
        background.run(UI.getCurrent(),
                () -> new Found(resources.subnets(options.accountId(), options.region(), options.vpcId()),
                        resources.securityGroups(options.accountId(), options.region(), options.vpcId())),
                found -> {
                    loading.setVisible(false);
                    List<Subnet> sorted = new ArrayList<>(found.subnets());
                    sorted.sort(Comparator.comparing(Subnet::availabilityZone).thenComparing(Subnet::subnetId));
                    subnets.setItems(sorted);
                    subnets.setValue(sorted.stream().filter(s -> options.subnetIds().contains(s.subnetId()))
                            .collect(Collectors.toSet()));
                    groups.setItems(found.groups());
                    groups.setValue(found.groups().stream()
                            .filter(g -> options.securityGroupIds().contains(g.groupId())).collect(Collectors.toSet()));
                    save.setEnabled(true);
                }, e -> {
                    loading.setVisible(false);
                    subnets.setErrorMessage("Could not read from AWS: " + e.getMessage());
                    subnets.setInvalid(true);
                });
    }

    private boolean covered(Subnet s) {
        return options.zoneIds().isEmpty() || options.zoneIds().contains(s.availabilityZoneId());
    }

    private String subnetLabel(Subnet s) {
        String where = s.availabilityZone() + " (" + s.availabilityZoneId() + ")";
        String what = (s.name() == null ? "" : s.name() + " · ") + s.subnetId() + " · " + s.cidrBlock();
        return covered(s) ? where + " · " + what : where + ": the service is not in this zone · " + what;
    }

    private void save() {
        if (!save.isEnabled()) {
            return;
        }
        Set<SecurityGroup> chosenGroups = groups.getValue();
        ChangeEndpoint command = new ChangeEndpoint(
                subnets.getValue().stream().map(Subnet::subnetId).sorted().toList(),
                // the endpoint had the VPC's default group and none was ticked: keep what AWS has
                chosenGroups.isEmpty() && options.securityGroupIds().isEmpty() ? null
                        : chosenGroups.stream().map(SecurityGroup::groupId).sorted().toList(),
                privateDns.getValue());
        errors.clear();
        save.setEnabled(false);
        saving.setVisible(true);
        // the service reads the subnets and groups in AWS: not on the UI thread
        background.run(UI.getCurrent(), () -> changes.change(options.requestId(), command), asked -> {
            Notifications.success((asked.awaitingApproval() ? "Waiting for approval: " : "Changing the endpoint: ")
                    + asked.summary());
            close();
            onAsked.accept(asked);
        }, e -> {
            save.setEnabled(true);
            saving.setVisible(false);
            if (e instanceof InvalidInputException invalid) {
                errors.show(invalid);
            } else {
                Notifications.error(e.getMessage());
            }
        });
    }
}
