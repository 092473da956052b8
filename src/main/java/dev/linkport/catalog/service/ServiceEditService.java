package dev.linkport.catalog.service;

import dev.linkport.audit.service.AuditLog;
import dev.linkport.aws.IpAddressType;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.ChangeApproval;
import dev.linkport.catalog.ListingState;
import dev.linkport.catalog.Visibility;
import dev.linkport.catalog.domain.ListingAudit;
import dev.linkport.catalog.domain.ServiceListing;
import dev.linkport.catalog.domain.ServiceListingRepository;
import dev.linkport.catalog.jobs.CatalogJobs;
import dev.linkport.identity.service.AccessPolicy;
import dev.linkport.identity.service.Caller;
import dev.linkport.identity.service.TeamDirectory;
import dev.linkport.platform.ConflictException;
import dev.linkport.platform.ForbiddenException;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.StaleEditException;
import dev.linkport.platform.Validation;
import dev.linkport.platform.events.Changed;
import dev.linkport.platform.events.Changed.Topic;
import dev.linkport.worker.Jobs;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Editing a published service, for its owners (and admins): what the catalog shows, who sees it
 * and who approves requests, and the AWS-side settings (acceptance, supported regions), which the
 * ModifyService job applies in AWS. Edits name the version they started from; a stale one is refused.
 */
@Service
@Transactional
public class ServiceEditService {

    private static final String WHAT = "see and change the settings of";

    private final ServiceListingRepository listings;
    private final ListingDirectory directory;
    private final ListingService listingService;
    private final TeamDirectory teams;
    private final AccessPolicy access;
    private final Validation validation;
    private final AuditLog audit;
    private final Jobs jobs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public ServiceEditService(ServiceListingRepository listings, ListingDirectory directory,
                              ListingService listingService, TeamDirectory teams, AccessPolicy access,
                              Validation validation, AuditLog audit, Jobs jobs,
                              ApplicationEventPublisher events, Clock clock) {
        this.listings = listings;
        this.directory = directory;
        this.listingService = listingService;
        this.teams = teams;
        this.access = access;
        this.validation = validation;
        this.audit = audit;
        this.jobs = jobs;
        this.events = events;
        this.clock = clock;
    }

    /** The editable settings, with the version an edit must name. */
    @Transactional(readOnly = true)
    public ServiceSettings settings(UUID id) {
        Caller caller = access.caller();
        return settings(directory.managed(id, caller, WHAT), caller);
    }

    /**
     * Edits the service. Fields left {@code null} keep their value. A {@code version} other than
     * the stored one means someone else changed the service meanwhile: the edit is refused.
     * Acceptance and supported regions are applied in AWS by the ModifyService job. A change of the
     * approval policy is audited on its own line with the old and new policy. A new principal mode
     * applies to requests provisioned from now on; principals allowed before stay until their endpoints go.
     * Whether endpoint changes need approval applies to changes asked for from now on; a change of the setting is
     * audited on its own line.
     *
     * @throws ForbiddenException when the edit lowers the approval policy or the change approval, or widens what
     *                            approval allows, and the caller may not ({@link ApprovalPolicyChanges}); the refusal is audited
     */
    public ServiceSettings edit(EditServiceCommand command) {
        validation.check(command);
        Caller caller = access.caller();
        ServiceListing l = directory.managed(command.serviceId(), caller, WHAT);
        if (l.getState() == ListingState.RETIRING || l.getState() == ListingState.RETIRED) {
            throw new ConflictException("A retired service cannot be edited");
        }
        if (command.version() != null && !command.version().equals(l.getVersion())) {
            throw new StaleEditException("Service " + l.getName());
        }
        ApprovalPolicy policyBefore = l.getApprovalPolicy();
        String refused = ApprovalPolicyChanges.refusal(caller, l.getOwnerTeamId(), l.getOwnerTeamName(), policyBefore,
                command.approvalPolicy());
        if (refused != null) {
            audit.recordRefused(ListingAudit.entry("SERVICE_APPROVAL_POLICY_CHANGE_REFUSED", l)
                    .change(policyBefore.name(), command.approvalPolicy().name()).because(refused));
            throw new ForbiddenException(refused);
        }
        String widening = ApprovalPolicyChanges.principalModeRefusal(caller, l.getOwnerTeamId(), l.getOwnerTeamName(),
                l.getPrincipalMode(), command.principalMode());
        if (widening != null) {
            audit.recordRefused(ListingAudit.entry("SERVICE_PRINCIPAL_MODE_CHANGE_REFUSED", l)
                    .change(l.getPrincipalMode().name(), command.principalMode().name()).because(widening));
            throw new ForbiddenException(widening);
        }
        ChangeApproval changeApprovalBefore = l.getChangeApproval();
        String unguarded = ApprovalPolicyChanges.changeApprovalRefusal(caller, l.getOwnerTeamId(),
                l.getOwnerTeamName(), policyBefore, changeApprovalBefore, command.changeApproval());
        if (unguarded != null) {
            audit.recordRefused(ListingAudit.entry("SERVICE_CHANGE_APPROVAL_CHANGE_REFUSED", l)
                    .change(changeApprovalBefore.name(), command.changeApproval().name()).because(unguarded));
            throw new ForbiddenException(unguarded);
        }
        String before = summary(l);
        l.describe(pick(command.description(), l.getDescription()),
                pick(command.documentationUrl(), l.getDocumentationUrl()),
                pick(command.supportContact(), l.getSupportContact()), pick(command.ports(), l.getPorts()),
                command.tags() == null ? new TreeSet<>(l.getTags()) : command.tags());
        Visibility visibility = command.visibility() == null ? l.getVisibility() : command.visibility();
        Set<UUID> visibleTeams = command.visibleTeams() == null ? new HashSet<>(l.getVisibleTeamIds())
                : listingService.visibleTeams(visibility, command.visibleTeams());
        if (visibility == Visibility.SELECTED_TEAMS && visibleTeams.isEmpty()) {
            throw InvalidInputException.of("visibleTeams", ListingService.CHOOSE_TEAMS);
        }
        l.govern(command.approvalPolicy() == null ? l.getApprovalPolicy() : command.approvalPolicy(), visibility,
                visibility == Visibility.SELECTED_TEAMS ? visibleTeams : Set.of(), clock.instant());
        l.allowOnApproval(command.principalMode(), clock.instant());
        l.approveChanges(command.changeApproval(), clock.instant());
        boolean acceptance = command.acceptanceRequired() == null ? l.isAcceptanceRequired()
                : command.acceptanceRequired();
        Set<String> regions = command.supportedRegions() == null ? new TreeSet<>(l.getSupportedRegions())
                : new TreeSet<>(command.supportedRegions());
        Set<IpAddressType> ipTypes = command.supportedIpAddressTypes() == null || command.supportedIpAddressTypes().isEmpty()
                ? l.getSupportedIpAddressTypes() : Set.copyOf(command.supportedIpAddressTypes());
        if (ipTypes.contains(IpAddressType.DUALSTACK)) {
            throw InvalidInputException.of("supportedIpAddressTypes", "A service supports IPV4, IPV6 or both; "
                    + "dual-stack is what a consumer's endpoint chooses when the service supports both");
        }
        boolean ipTypesChange = !ipTypes.equals(l.getSupportedIpAddressTypes());
        boolean awsChange = acceptance != l.isAcceptanceRequired() || !regions.equals(l.getSupportedRegions())
                || ipTypesChange;
        if (awsChange) {
            if (l.getAwsServiceId() == null) {
                throw new ConflictException("AWS settings change once the service is published");
            }
            l.reconfigure(acceptance, regions, clock.instant());
            l.supportIpAddressTypes(ipTypes);
        }
        try {
            listings.flush();
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new StaleEditException("Service " + l.getName(), e);
        }
        if (awsChange) {
            jobs.schedule(CatalogJobs.MODIFY_SERVICE, l.getId());
        }
        audit.record(ListingAudit.entry("SERVICE_EDITED", l).change(before, summary(l)));
        if (l.getApprovalPolicy() != policyBefore) {
            audit.record(ListingAudit.entry("SERVICE_APPROVAL_POLICY_CHANGED", l)
                    .change(policyBefore.name(), l.getApprovalPolicy().name())
                    .because(l.getApprovalPolicy().weakerThan(policyBefore) ? "lowered" : "raised"));
        }
        if (l.getChangeApproval() != changeApprovalBefore) {
            audit.record(ListingAudit.entry("SERVICE_CHANGE_APPROVAL_CHANGED", l)
                    .change(changeApprovalBefore.name(), l.getChangeApproval().name())
                    .because(l.getChangeApproval().weakerThan(changeApprovalBefore) ? "lowered" : "raised"));
        }
        events.publishEvent(new Changed(Topic.SERVICE_LISTING, l.getId()));
        return settings(l, caller);
    }

    /**
     * Gives the live service these network load balancers instead of the ones it has; the ModifyService job applies
     * them in AWS and stores the zones AWS then reports (the union of the load balancers' zones). Runs in the
     * caller's transaction: the provider module checks the load balancers in AWS and works out who loses a zone
     * first, and passes that warning here for the audit log.
     *
     * @param version the version the change started from, or {@code null}; another stored one is refused
     * @param warning the zones and consumers that lose the service, in words, or {@code null} when none do
     * @throws InvalidInputException when no load balancer would be left
     * @throws ConflictException     when the service is not available in AWS
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ServiceSettings changeLoadBalancers(UUID serviceId, Long version, Set<String> loadBalancerArns,
                                              String warning) {
        Caller caller = access.caller();
        ServiceListing l = directory.managed(serviceId, caller, WHAT);
        if (l.getState() != ListingState.AVAILABLE || l.getAwsServiceId() == null) {
            throw new ConflictException("Service " + l.getName() + " is " + l.getState()
                    + "; only an available service can change its load balancers");
        }
        if (version != null && !version.equals(l.getVersion())) {
            throw new StaleEditException("Service " + l.getName());
        }
        if (loadBalancerArns.isEmpty()) {
            throw InvalidInputException.of("removeLoadBalancerArns", "A service keeps at least one load balancer");
        }
        Set<String> before = new TreeSet<>(l.getLoadBalancerArns());
        Set<String> after = new TreeSet<>(loadBalancerArns);
        if (before.equals(after)) {
            return settings(l, caller);
        }
        l.loadBalancersRequested(after, clock.instant());
        try {
            listings.flush();
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new StaleEditException("Service " + l.getName(), e);
        }
        jobs.schedule(CatalogJobs.MODIFY_SERVICE, l.getId());
        audit.record(ListingAudit.entry("SERVICE_LOAD_BALANCERS_CHANGED", l).change(before.toString(), after.toString())
                .because(warning));
        events.publishEvent(new Changed(Topic.SERVICE_LISTING, l.getId()));
        return settings(l, caller);
    }

    private ServiceSettings settings(ServiceListing l, Caller caller) {
        Set<String> teamNames = new TreeSet<>(teams.names(l.getVisibleTeamIds()).values());
        return new ServiceSettings(l.getId(), l.getName(), l.getState(), l.getRegion(), l.getDescription(),
                new TreeSet<>(l.getTags()), l.getDocumentationUrl(), l.getSupportContact(), l.getPorts(),
                l.getApprovalPolicy(), l.getVisibility(), teamNames, l.isAcceptanceRequired(),
                new TreeSet<>(l.getSupportedRegions()), l.getFailureReason(), l.getVersion(), caller.admin(),
                ApprovalPolicyChanges.choices(caller, l.getOwnerTeamId(), l.getApprovalPolicy()),
                l.getPrincipalMode(),
                ApprovalPolicyChanges.principalModeChoices(caller, l.getOwnerTeamId(), l.getPrincipalMode()),
                l.getSupportedIpAddressTypes(),

                l.getChangeApproval(), ApprovalPolicyChanges.changeApprovalChoices(caller, l.getOwnerTeamId(),
                        l.getApprovalPolicy(), l.getChangeApproval()));
    }

    private static String pick(String value, String current) {
        if (value == null) {
            return current;
        }
        return value.isBlank() ? null : value.trim();
    }

    private static String summary(ServiceListing l) {
        return "policy " + l.getApprovalPolicy() + ", " + l.getVisibility() + ", acceptance "
                + (l.isAcceptanceRequired() ? "required" : "automatic") + ", regions " + l.getSupportedRegions()
                + ", tags " + l.getTags() + ", approval allows " + l.getPrincipalMode()
                + ", IP types " + new TreeSet<>(l.getSupportedIpAddressTypes());
    }
}
