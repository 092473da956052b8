package dev.linkport.api;

import dev.linkport.aws.IpAddressType;
import dev.linkport.identity.ApiScope;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.ChangeApproval;
import dev.linkport.catalog.PrincipalMode;
import dev.linkport.catalog.Visibility;
import dev.linkport.catalog.service.EditServiceCommand;
import dev.linkport.catalog.service.PrivateDnsCommand;
import dev.linkport.catalog.service.PrivateDnsService;
import dev.linkport.catalog.service.PrivateDnsStatus;
import dev.linkport.catalog.service.ServiceEditService;
import dev.linkport.catalog.service.ServiceSettings;
import dev.linkport.provider.service.Dependents;
import dev.linkport.provider.service.LoadBalancerChange;
import dev.linkport.provider.service.LoadBalancerChanges;
import dev.linkport.provider.service.ServiceRetirement;
import dev.linkport.provider.service.ZoneImpact;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What a service's owners change after publishing it: private DNS, settings, load balancers, retirement. */
@RestController
@RequestMapping(path = "/api/v1/services/{id}", produces = "application/json")
@Tag(name = "Services")
class ServiceSettingsController {

    /** The private DNS name to set. */
    record PrivateDnsName(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "api.payments.example.com")
                          String name) {
    }

    /** Fields to change; absent (null) fields keep their value, blank text clears it. */
    record ServicePatch(
            @Schema(description = "the version you read (GET /settings); a different stored one answers 409")
            Long version,
            @Schema(description = "Markdown, stored and returned as written; pages render it without raw HTML")
            String description, Set<String> tags, String documentationUrl, String supportContact, String ports,
            ApprovalPolicy approvalPolicy, Visibility visibility,
            @Schema(description = "team names, with visibility SELECTED_TEAMS") Set<String> visibleTeams,
            @Schema(description = "AWS acceptance of endpoint connections (applied in the background)")
            Boolean acceptanceRequired,
            @Schema(description = "cross-region consumers (applied in the background)") Set<String> supportedRegions,
            @Schema(description = "what approving a request lets connect in AWS: ACCOUNT (the consumer account's "
                    + "root) or ROLE (the role the consumer names on the request, else the account's Linkport "
                    + "role); applies to endpoints provisioned from now on")
            PrincipalMode principalMode,
            @Schema(description = "IPV4, IPV6 or both (applied in the background; IPv6 needs dual-stack load "
                    + "balancers, else AWS refuses and the settings show the problem)")
            Set<IpAddressType> supportedIpAddressTypes,

            @Schema(description = "whether changes to the service's endpoints (subnets, security groups, private "
                    + "DNS) wait for the people who decide its requests: NONE (applied at once) or SAME_AS_REQUESTS "
                    + "(with the AUTO policy still applied at once)")
            ChangeApproval changeApproval) {
    }

    /** Retire options. */
    record Retire(@Schema(description = "admins only: retire even while endpoints are connected") Boolean force) {
    }

    /** Who still depends on a service: live Linkport requests and the endpoints AWS reports as connected. */
    record DependentsBody(List<Dependents.Dependent> requests, List<Dependents.Dependent> connections) {

        static DependentsBody of(Dependents d) {
            return new DependentsBody(d.requests(), d.connections());
        }
    }

    /** Load balancers to add and remove. */
    record LoadBalancersPatch(
            @Schema(description = "the version you read (GET /settings), or absent; a different stored one answers 409")
            Long version,
            @Schema(description = "network load balancer ARNs of the service's account and region to add")
            List<String> addLoadBalancerArns,
            @Schema(description = "ARNs of the service's load balancers to remove; at least one stays")
            List<String> removeLoadBalancerArns,
            @Schema(description = "true once you saw the warning: without it a change that drops zones answers 409 "
                    + "with the warning") Boolean confirmZoneLoss) {
    }

    /** What a change of load balancers does to the service's zones, and the warning to read before confirming. */
    record ZoneImpactBody(UUID serviceId, String serviceName, List<String> loadBalancersAfter, Set<String> zonesBefore,
                          Set<String> zonesAfter,
                          @Schema(description = "zone IDs the service would no longer be offered in") Set<String> zonesLost,
                          @Schema(description = "Linkport endpoints with a subnet in a lost zone")
                          List<ZoneImpact.AffectedEndpoint> affected,
                          @Schema(description = "endpoints whose zones Linkport cannot see (made outside Linkport)")
                          List<Dependents.Dependent> zonesUnknown,
                          @Schema(description = "names the lost zones and the consumers in them; null when none")
                          String warning,
                          @Schema(description = "false for a preview; true once the change is made") boolean scheduled) {

        static ZoneImpactBody of(ZoneImpact i) {
            return new ZoneImpactBody(i.serviceId(), i.serviceName(), i.loadBalancersAfter(), i.zonesBefore(),
                    i.zonesAfter(), i.zonesLost(), i.affected(), i.zonesUnknown(), i.warning(), i.scheduled());
        }
    }

    private final PrivateDnsService privateDns;
    private final ServiceEditService settings;
    private final ServiceRetirement retirement;
    private final LoadBalancerChanges loadBalancers;

    ServiceSettingsController(PrivateDnsService privateDns, ServiceEditService settings, ServiceRetirement retirement,
                              LoadBalancerChanges loadBalancers) {
        this.privateDns = privateDns;
        this.loadBalancers = loadBalancers;
        this.retirement = retirement;
        this.settings = settings;
    }

    @GetMapping("/private-dns")
    @Operation(summary = "The private DNS name, its verification state and the TXT record to publish (owners, admins)")
    PrivateDnsStatus privateDns(@PathVariable UUID id) {
        return privateDns.privateDns(id);
    }

    @NeedsScope(ApiScope.PROVIDE)
    @PutMapping(path = "/private-dns", consumes = "application/json")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Set or change the private DNS name (owners, admins)",
            description = "Applied in AWS in the background; AWS then issues a TXT record to publish, and the state "
                    + "becomes pendingVerification.")
    ResponseEntity<PrivateDnsStatus> setPrivateDns(@PathVariable UUID id, @RequestBody PrivateDnsName body) {
        return ResponseEntity.accepted().body(privateDns.setPrivateDns(new PrivateDnsCommand(id, body.name())));
    }

    @NeedsScope(ApiScope.PROVIDE)
    @DeleteMapping("/private-dns")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Remove the private DNS name (owners, admins)",
            description = "Removed in AWS in the background (RemovePrivateDnsName); consumers' endpoints then answer "
                    + "under their AWS-generated names only. 409 when the service has no private DNS name.")
    ResponseEntity<PrivateDnsStatus> removePrivateDns(@PathVariable UUID id) {
        return ResponseEntity.accepted().body(privateDns.removePrivateDns(id));
    }

    @NeedsScope(ApiScope.READ)
    @PostMapping(path = "/load-balancers/preview", consumes = "application/json")
    @Operation(summary = "What adding and removing load balancers would do to the zones and consumers (owners, admins)",
            description = "Changes nothing. The service is offered in the union of its load balancers' zones; "
                    + "zonesLost and warning name the zones it would leave and the endpoints in them.")
    ZoneImpactBody previewLoadBalancers(@PathVariable UUID id, @RequestBody LoadBalancersPatch body) {
        return ZoneImpactBody.of(loadBalancers.preview(command(id, body)));
    }

    @NeedsScope(ApiScope.PROVIDE)
    @PostMapping(path = "/load-balancers", consumes = "application/json")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Add and remove network load balancers of a live service (owners, admins)",
            description = "Applied in AWS in the background (ModifyVpcEndpointServiceConfiguration). A change that "
                    + "drops zones answers 409 with the warning naming the zones and the consumers there, until it is "
                    + "sent again with confirmZoneLoss true.")
    ResponseEntity<ZoneImpactBody> changeLoadBalancers(@PathVariable UUID id, @RequestBody LoadBalancersPatch body) {
        return ResponseEntity.accepted().body(ZoneImpactBody.of(loadBalancers.change(command(id, body))));
    }

    private static LoadBalancerChange command(UUID id, LoadBalancersPatch body) {
        return new LoadBalancerChange(id, body.version(), body.addLoadBalancerArns(), body.removeLoadBalancerArns(),
                Boolean.TRUE.equals(body.confirmZoneLoss()));
    }

    @NeedsScope(ApiScope.PROVIDE)
    @PostMapping("/private-dns/verify")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Ask AWS to verify the private DNS name (owners, admins)",
            description = "Poll GET /private-dns until the state is verified or failed.")
    ResponseEntity<PrivateDnsStatus> verify(@PathVariable UUID id) {
        return ResponseEntity.accepted().body(privateDns.verifyPrivateDns(id));
    }

    @GetMapping("/settings")
    @Operation(summary = "The editable settings and their version (owners, admins)")
    ServiceSettings settings(@PathVariable UUID id) {
        return settings.settings(id);
    }

    @NeedsScope(ApiScope.PROVIDE)
    @PatchMapping(consumes = "application/json")
    @Operation(summary = "Edit a service (owners, admins)",
            description = "Description, tags, docs, contact, ports, approval policy and visibility change at once; "
                    + "acceptance and supported regions are applied in AWS in the background. With a stale "
                    + "version the edit is refused with 409. Lowering the approval policy (ADMIN > PROVIDER > AUTO) "
                    + "needs an owner of the service's team, lowering it from ADMIN a platform admin; otherwise 403 "
                    + "(GET /settings lists the caller's policyChoices). Widening what approval allows from ROLE to "
                    + "ACCOUNT needs an owner or an admin too (principalModeChoices), and so does "
                    + "lowering changeApproval to NONE (for an ADMIN service: an admin; changeApprovalChoices).")
    ServiceSettings edit(@PathVariable UUID id, @RequestBody ServicePatch body) {
        return settings.edit(new EditServiceCommand(id, body.version(), body.description(), body.tags(),
                body.documentationUrl(), body.supportContact(), body.ports(), body.approvalPolicy(),
                body.visibility(), body.visibleTeams(), body.acceptanceRequired(), body.supportedRegions(),
                body.principalMode(), body.supportedIpAddressTypes(), body.changeApproval()));
    }

    @GetMapping("/dependents")
    @Operation(summary = "Who still depends on the service: live requests and AWS connections (owners, admins)")
    DependentsBody dependents(@PathVariable UUID id) {
        return DependentsBody.of(retirement.dependents(id));
    }

    @NeedsScope(ApiScope.PROVIDE)
    @PostMapping("/retire")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Retire a service (owners, admins)",
            description = "The service leaves the catalog and its endpoint service is deleted in the background. "
                    + "While endpoints are connected the answer is 409 naming them; admins may send "
                    + "{\"force\": true} to retire anyway (the connections are rejected).")
    ResponseEntity<DependentsBody> retire(@PathVariable UUID id, @RequestBody(required = false) Retire body) {
        boolean force = body != null && Boolean.TRUE.equals(body.force());
        return ResponseEntity.accepted().body(DependentsBody.of(retirement.retire(id, force)));
    }
}
