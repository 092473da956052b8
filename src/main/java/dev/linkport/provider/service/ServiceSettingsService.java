package dev.linkport.provider.service;

import dev.linkport.audit.service.AuditEntry;
import dev.linkport.audit.service.AuditLog;
import dev.linkport.aws.AwsGatewayException;
import dev.linkport.aws.AwsProperties;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.EndpointConnection;
import dev.linkport.provider.service.Dependents.Dependent;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.catalog.domain.ApprovalPolicy;
import dev.linkport.catalog.domain.ListingState;
import dev.linkport.catalog.domain.ServiceListing;
import dev.linkport.catalog.domain.ServiceListingRepository;
import dev.linkport.catalog.domain.Visibility;
import dev.linkport.consumer.domain.EndpointRequest;
import dev.linkport.consumer.domain.EndpointState;
import dev.linkport.consumer.service.EndpointLifecycle;
import dev.linkport.identity.domain.TeamRepository;
import dev.linkport.identity.service.AccessPolicy;
import dev.linkport.identity.service.AwsTargets;
import dev.linkport.identity.service.AwsUnavailableException;
import dev.linkport.identity.service.Caller;
import dev.linkport.platform.ConflictException;
import dev.linkport.platform.ForbiddenException;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.NotFoundException;
import dev.linkport.platform.SandboxDns;
import dev.linkport.platform.StaleEditException;
import dev.linkport.platform.Validation;
import dev.linkport.platform.events.Changed;
import dev.linkport.platform.jobs.JobKind;
import dev.linkport.platform.jobs.Jobs;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a service's owners (and admins) change after publication: its private DNS name and its
 * verification, its description and policies, its AWS-side settings, and retiring it. Changes
 * to AWS go through jobs (ModifyService, VerifyPrivateDns, RetireService); this service only
 * reads AWS (connections), and never inside a transaction. Everyone else gets 404 when they may
 * not see the service, 403 when they may see it but not manage it.
 */
@Service
public class ServiceSettingsService {

    /** AWS connection states in which an endpoint still uses the service. */
    static final Set<String> LIVE_CONNECTION_STATES = Set.of("pendingAcceptance", "pending", "available");

    private final ServiceListingRepository listings;
    private final TeamRepository teams;
    private final EntityManager entities;
    private final AccessPolicy access;
    private final Validation validation;
    private final PrivateLinkGateway gateway;
    private final EndpointLifecycle lifecycle;
    private final AuditLog audit;
    private final Jobs jobs;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Optional<SandboxDns> sandboxDns;

    public ServiceSettingsService(ServiceListingRepository listings, TeamRepository teams, EntityManager entities,
                                  AccessPolicy access, Validation validation, PrivateLinkGateway gateway,
                                  EndpointLifecycle lifecycle, AuditLog audit, Jobs jobs,
                                  ApplicationEventPublisher events, TransactionTemplate tx, Clock clock,
                                  AwsProperties aws, Optional<SandboxDns> sandboxDns) {
        this.listings = listings;
        this.teams = teams;
        this.entities = entities;
        this.access = access;
        this.validation = validation;
        this.gateway = gateway;
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.jobs = jobs;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        // the helper exists only against the built-in sandbox, never next to real AWS
        this.sandboxDns = sandboxDns.filter(dns -> aws.sandbox());
    }

    // ---------------------------------------------------------------- private DNS

    /** The service's private DNS name, its verification state and the TXT record to publish. */
    public PrivateDnsStatus privateDns(UUID id) {
        return tx.execute(status -> dnsStatus(managed(id, access.caller())));
    }

    /**
     * Sets or changes the private DNS name; the ModifyService job applies it in AWS, which answers
     * with a new TXT record to publish and the state {@code pendingVerification}.
     */
    public PrivateDnsStatus setPrivateDns(PrivateDnsCommand command) {
        validation.check(command);
        String name = command.name().trim().toLowerCase();
        return tx.execute(status -> {
            ServiceListing listing = managed(command.serviceId(), access.caller());
            requireLive(listing, "change its private DNS name");
            String before = listing.getPrivateDnsName();
            if (name.equals(before)) {
                return dnsStatus(listing);
            }
            listing.privateDnsRequested(name, clock.instant());
            listings.flush();
            jobs.schedule(JobKind.MODIFY_SERVICE, listing.getId());
            audit.record(entry("SERVICE_PRIVATE_DNS_SET", listing).change(before, name));
            events.publishEvent(new Changed(Changed.SERVICE_LISTING, listing.getId()));
            return dnsStatus(listing);
        });
    }

    /** Asks AWS to verify the private DNS name (the VerifyPrivateDns job polls until AWS decides). */
    public PrivateDnsStatus verifyPrivateDns(UUID id) {
        return tx.execute(status -> {
            ServiceListing listing = managed(id, access.caller());
            requireLive(listing, "verify its private DNS name");
            if (listing.getPrivateDnsName() == null) {
                throw new ConflictException("Set a private DNS name before verifying it");
            }
            if (listing.getPrivateDnsTxtName() == null) {
                throw new ConflictException("AWS has not issued the TXT record for " + listing.getPrivateDnsName()
                        + " yet; wait a moment and try again");
            }
            if ("verified".equals(listing.getPrivateDnsState())) {
                return dnsStatus(listing);
            }
            String before = listing.getPrivateDnsState();
            listing.privateDnsObserved("pendingVerification", listing.getPrivateDnsTxtName(),
                    listing.getPrivateDnsTxtValue(), clock.instant());
            listings.flush();
            jobs.schedule(JobKind.VERIFY_PRIVATE_DNS, listing.getId());
            audit.record(entry("SERVICE_PRIVATE_DNS_VERIFY", listing).change(before, "pendingVerification"));
            events.publishEvent(new Changed(Changed.SERVICE_LISTING, listing.getId()));
            return dnsStatus(listing);
        });
    }

    /** Whether the sandbox's DNS helper exists (sandbox mode only). */
    public boolean sandboxDnsAvailable() {
        return sandboxDns.isPresent();
    }

    /** Sandbox mode only: publishes the service's TXT record in the sandbox's public DNS. */
    public PrivateDnsStatus publishTxtRecordInSandbox(UUID id) {
        SandboxDns dns = sandboxDns.orElseThrow(() -> new ConflictException(
                "Linkport runs against real AWS: publish the TXT record at your DNS host"));
        PrivateDnsStatus status = privateDns(id);
        if (status.txtRecordName() == null) {
            throw new ConflictException("There is no TXT record to publish yet");
        }
        dns.publishTxtRecord(status.txtRecordName(), status.txtRecordValue());
        tx.executeWithoutResult(s -> {
            ServiceListing listing = listings.findById(id).orElseThrow();
            audit.record(entry("SANDBOX_TXT_PUBLISHED", listing).change(null, status.txtRecordName()));
        });
        return status;
    }

    private PrivateDnsStatus dnsStatus(ServiceListing l) {
        String txtName = null;
        if (l.getPrivateDnsTxtName() != null && l.getPrivateDnsName() != null) {
            String domain = l.getPrivateDnsName().startsWith("*.") ? l.getPrivateDnsName().substring(2)
                    : l.getPrivateDnsName();
            // AWS gives the record's first label; it is published under the domain itself
            txtName = l.getPrivateDnsTxtName().endsWith("." + domain) ? l.getPrivateDnsTxtName()
                    : l.getPrivateDnsTxtName() + "." + domain;
        }
        return new PrivateDnsStatus(l.getId(), l.getName(), l.getState().name(), l.getPrivateDnsName(),
                l.getPrivateDnsState(), txtName, l.getPrivateDnsTxtValue(), l.getFailureReason(),
                sandboxDns.isPresent());
    }

    // ---------------------------------------------------------------- edit

    /** The editable settings, with the version an edit must name. */
    public ServiceSettings settings(UUID id) {
        return tx.execute(status -> settings(managed(id, access.caller())));
    }

    /**
     * Edits the service. Fields left {@code null} keep their value. A {@code version} other than
     * the stored one means someone else changed the service meanwhile: the edit is refused.
     * Acceptance and supported regions are applied in AWS by the ModifyService job.
     */
    public ServiceSettings edit(EditServiceCommand command) {
        validation.check(command);
        return tx.execute(status -> {
            ServiceListing l = managed(command.serviceId(), access.caller());
            if (l.getState() == ListingState.RETIRING || l.getState() == ListingState.RETIRED) {
                throw new ConflictException("A retired service cannot be edited");
            }
            if (command.version() != null && !command.version().equals(l.getVersion())) {
                throw new StaleEditException("Service " + l.getName());
            }
            String before = summary(l);
            l.describe(pick(command.description(), l.getDescription()),
                    pick(command.documentationUrl(), l.getDocumentationUrl()),
                    pick(command.supportContact(), l.getSupportContact()), pick(command.ports(), l.getPorts()),
                    command.tags() == null ? new TreeSet<>(l.getTags()) : command.tags());
            Visibility visibility = command.visibility() == null ? l.getVisibility() : command.visibility();
            Set<UUID> visibleTeams = command.visibleTeams() == null ? new HashSet<>(l.getVisibleTeamIds())
                    : teamIds(command.visibleTeams());
            if (visibility == Visibility.SELECTED_TEAMS && visibleTeams.isEmpty()) {
                throw InvalidInputException.of("visibleTeams", "Choose the teams that may see the service");
            }
            l.govern(command.approvalPolicy() == null ? l.getApprovalPolicy() : command.approvalPolicy(), visibility,
                    visibility == Visibility.SELECTED_TEAMS ? visibleTeams : Set.of(), clock.instant());
            boolean acceptance = command.acceptanceRequired() == null ? l.isAcceptanceRequired()
                    : command.acceptanceRequired();
            Set<String> regions = command.supportedRegions() == null ? new TreeSet<>(l.getSupportedRegions())
                    : new TreeSet<>(command.supportedRegions());
            boolean awsChange = acceptance != l.isAcceptanceRequired() || !regions.equals(l.getSupportedRegions());
            if (awsChange) {
                if (l.getAwsServiceId() == null) {
                    throw new ConflictException("AWS settings change once the service is published");
                }
                l.reconfigure(acceptance, regions, clock.instant());
            }
            try {
                listings.flush();
            } catch (org.springframework.orm.ObjectOptimisticLockingFailureException e) {
                throw new StaleEditException("Service " + l.getName(), e);
            }
            if (awsChange) {
                jobs.schedule(JobKind.MODIFY_SERVICE, l.getId());
            }
            audit.record(entry("SERVICE_EDITED", l).change(before, summary(l)));
            events.publishEvent(new Changed(Changed.SERVICE_LISTING, l.getId()));
            return settings(l);
        });
    }

    private ServiceSettings settings(ServiceListing l) {
        Set<String> teamNames = l.getVisibleTeamIds().isEmpty() ? Set.of()
                : teams.findAllById(l.getVisibleTeamIds()).stream().map(t -> t.getName())
                        .collect(Collectors.toCollection(TreeSet::new));
        return new ServiceSettings(l.getId(), l.getName(), l.getState().name(), l.getRegion(), l.getDescription(),
                new TreeSet<>(l.getTags()), l.getDocumentationUrl(), l.getSupportContact(), l.getPorts(),
                l.getApprovalPolicy(), l.getVisibility(), teamNames, l.isAcceptanceRequired(),
                new TreeSet<>(l.getSupportedRegions()), l.getFailureReason(), l.getVersion(),
                access.caller().admin());
    }

    // ---------------------------------------------------------------- retire

    /** Who still depends on the service: live Linkport requests and the endpoints AWS reports as connected. */
    public Dependents dependents(UUID id) {
        Target target = tx.execute(status -> target(managed(id, access.caller())));
        return dependents(target);
    }

    /**
     * Retires the service: it leaves the catalog, open requests are cancelled, and the RetireService
     * job deletes the endpoint service configuration. Refused while endpoints are connected, unless
     * an admin forces it; then dependent requests move to DRIFTED (or DELETED) and the job rejects
     * the remaining connections before deleting.
     *
     * @throws ConflictException naming the connected endpoints, when some are live and there is no force
     */
    public Dependents retire(UUID id, boolean force) {
        Target target = tx.execute(status -> {
            Caller caller = access.caller();
            ServiceListing l = managed(id, caller);
            if (force && !caller.admin()) {
                throw new ForbiddenException("Only platform admins force a retirement");
            }
            if (l.getState() == ListingState.RETIRED) {
                throw new ConflictException("Service " + l.getName() + " is already retired");
            }
            if (l.getState() == ListingState.PUBLISHING) {
                throw new ConflictException("Service " + l.getName() + " is being published; retire it afterwards");
            }
            if (l.getState() == ListingState.RETIRING && !force) {
                throw new ConflictException("Service " + l.getName() + " is already being retired");
            }
            return target(l);
        });
        Dependents dependents = dependents(target);
        if (!force && !dependents.isEmpty()) {
            throw new ConflictException("Service " + target.name() + " still has live connections: "
                    + dependents.describe() + ". Delete those endpoints first"
                    + (access.caller().admin() ? ", or force the retirement." : ", or ask a platform admin to force it."));
        }
        tx.executeWithoutResult(status -> {
            ServiceListing l = listings.findById(id).orElseThrow();
            String before = l.getState().name();
            for (EndpointRequest r : requestsOf(l.getId())) {
                if (r.getState() == EndpointState.SUBMITTED || r.getState() == EndpointState.APPROVED
                        || r.getState() == EndpointState.FAILED) {
                    lifecycle.move(r, EndpointState.CANCELLED, "The service " + l.getName() + " was retired");
                } else if (force && EndpointState.LIVE.contains(r.getState())) {
                    lifecycle.move(r, EndpointState.DRIFTED, "A platform admin forced the retirement of "
                            + l.getName() + "; the endpoint no longer reaches it");
                } else if (force && r.getState() == EndpointState.DRIFTED) {
                    lifecycle.move(r, EndpointState.DELETED, "A platform admin forced the retirement of " + l.getName());
                }
            }
            l.setState(ListingState.RETIRING, clock.instant());
            listings.flush();
            jobs.schedule(force ? JobKind.FORCE_RETIRE_SERVICE : JobKind.RETIRE_SERVICE, l.getId());
            audit.record(entry(force ? "SERVICE_RETIRE_FORCED" : "SERVICE_RETIRING", l).change(before, "RETIRING")
                    .because(dependents.isEmpty() ? null : "connected: " + dependents.describe()));
            events.publishEvent(new Changed(Changed.SERVICE_LISTING, l.getId()));
        });
        return dependents;
    }

    private Dependents dependents(Target target) {
        List<Dependent> requests = tx.execute(status -> requestsOf(target.id()).stream()
                .filter(r -> EndpointState.LIVE.contains(r.getState()))
                .map(r -> new Dependent(r.getVpcEndpointId(), r.getConsumerAccount().getAccountId(),
                        r.getConsumerAccount().getTeam().getName(), r.getState().name(), r.getId()))
                .toList());
        List<Dependent> connections = List.of();
        if (target.provider() != null) {
            try {
                connections = gateway.describeEndpointConnections(target.provider(), target.serviceId()).stream()
                        .filter(c -> LIVE_CONNECTION_STATES.contains(c.state()))
                        .map(c -> new Dependent(c.endpointId(), c.ownerAccountId(), teamOf(requests, c), c.state(),
                                requestOf(requests, c)))
                        .toList();
            } catch (AwsGatewayException e) {
                throw new AwsUnavailableException(e);
            }
        }
        return new Dependents(requests, connections);
    }

    private static String teamOf(List<Dependent> requests, EndpointConnection c) {
        return requests.stream().filter(r -> c.endpointId().equals(r.endpointId())).map(Dependent::team)
                .findFirst().orElse(null);
    }

    private static UUID requestOf(List<Dependent> requests, EndpointConnection c) {
        return requests.stream().filter(r -> c.endpointId().equals(r.endpointId())).map(Dependent::requestId)
                .findFirst().orElse(null);
    }

    private List<EndpointRequest> requestsOf(UUID listingId) {
        return entities.createQuery("select r from EndpointRequest r where r.listing.id = :id order by r.createdAt",
                EndpointRequest.class).setParameter("id", listingId).getResultList();
    }

    private record Target(UUID id, String name, AwsTarget provider, String serviceId) {
    }

    private Target target(ServiceListing l) {
        AwsTarget provider = l.getAwsServiceId() == null ? null
                : AwsTargets.of(l.getProviderAccount(), l.getRegion(), access.caller().username());
        return new Target(l.getId(), l.getName(), provider, l.getAwsServiceId());
    }

    // ---------------------------------------------------------------- helpers

    /** The listing, if the caller manages it; 404 if they may not even see it, 403 if they only may see it. */
    private ServiceListing managed(UUID id, Caller caller) {
        ServiceListing l = listings.findById(id)
                .orElseThrow(() -> new NotFoundException("No such service, or you may not see it"));
        if (caller.admin() || caller.isMemberOf(l.getOwnerTeam().getId())) {
            return l;
        }
        boolean visible = l.getState() == ListingState.AVAILABLE && (l.getVisibility() == Visibility.ALL_TEAMS
                || l.getVisibleTeamIds().stream().anyMatch(caller::isMemberOf));
        if (visible) {
            throw new ForbiddenException("Only the owners of " + l.getName() + " and platform admins manage it");
        }
        throw new NotFoundException("No such service, or you may not see it");
    }

    private static void requireLive(ServiceListing l, String what) {
        if (l.getState() != ListingState.AVAILABLE || l.getAwsServiceId() == null) {
            throw new ConflictException("Service " + l.getName() + " is " + l.getState()
                    + "; only an available service can " + what);
        }
    }

    private Set<UUID> teamIds(Set<String> names) {
        Set<UUID> ids = new HashSet<>();
        for (String name : names) {
            ids.add(teams.findByName(name.trim())
                    .orElseThrow(() -> InvalidInputException.of("visibleTeams", "No team named " + name)).getId());
        }
        return ids;
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
                + ", tags " + l.getTags();
    }

    private static AuditEntry entry(String action, ServiceListing l) {
        return AuditEntry.of(action, "SERVICE", l.getId(), l.getName(), l.getOwnerTeam().getId());
    }
}
