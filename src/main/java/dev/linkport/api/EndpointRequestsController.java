package dev.linkport.api;

import dev.linkport.api.Pages.Page;
import dev.linkport.approval.service.ApprovalService;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.service.EndpointRequestDetails;
import dev.linkport.consumer.service.EndpointRequestService;
import dev.linkport.consumer.service.SubmitEndpointRequest;
import dev.linkport.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Requests for interface endpoints, their decisions and their lifecycle ({@code EndpointState}). */
@RestController
@RequestMapping(path = "/api/v1/endpoint-requests", produces = "application/json")
@Tag(name = "Endpoint requests", description = "Request interface endpoints; approve, reject, delete, retry")
class EndpointRequestsController {

    static final String MINE = "mine";
    static final String TO_DECIDE = "to-decide";

    /** An endpoint to create in one of your team's VPCs. {@code serviceId} is the Linkport service's id. */
    record RequestEndpoint(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID serviceId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "222222222222") String accountId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "us-east-1") String region,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String vpcId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "only in zones (by zone ID) the service covers") List<String> subnetIds,
            List<String> securityGroupIds,
            @Schema(description = "only once the service's private DNS name is verified; default false")
            Boolean privateDnsEnabled,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String justification) {

        SubmitEndpointRequest command() {
            return new SubmitEndpointRequest(serviceId, accountId, region, vpcId, subnetIds, securityGroupIds,
                    Boolean.TRUE.equals(privateDnsEnabled), justification);
        }
    }

    /** Why a request was approved (optional) or rejected (required; the requester sees it). */
    record Decision(String reason) {
    }

    /** The endpoint's DNS names, once it is available: the regional one and one per zone. */
    record DnsNames(String regional, List<String> zonal) {
    }

    /** One step of the request's life: who moved it from which state to which, and why. */
    record TimelineStep(Instant at, EndpointState from, EndpointState to, String actor, String reason) {
    }

    /**
     * An endpoint request. {@code serviceId} is the Linkport service's id and
     * {@code serviceDisplayName} its name; {@code serviceName} is the AWS endpoint service name.
     */
    record EndpointRequest(UUID id,
                           EndpointState state, UUID serviceId, String serviceDisplayName, String serviceName,
                           String ownerTeam, String accountId, String consumerTeam, String region, String vpcId,
                           List<String> subnetIds, List<String> securityGroupIds, boolean privateDnsEnabled,
                           String justification, String requester, String vpcEndpointId, DnsNames dnsNames,
                           String failureReason, String decidedBy, String decisionReason, Instant createdAt,
                           Instant updatedAt, List<TimelineStep> timeline, boolean canDelete, boolean canRetry) {

        static EndpointRequest of(EndpointRequestDetails v) {
            return new EndpointRequest(v.id(), v.state(), v.serviceId(), v.serviceName(), v.awsServiceName(),
                    v.ownerTeam(), v.accountId(), v.consumerTeam(), v.region(), v.vpcId(), v.subnetIds(),
                    v.securityGroupIds(), v.privateDnsEnabled(), v.justification(), v.requester(), v.vpcEndpointId(),
                    new DnsNames(v.dnsRegional(), v.dnsZonal() == null ? List.of() : v.dnsZonal()),
                    v.failureReason(), v.decidedBy(), v.decisionReason(), v.createdAt(), v.updatedAt(),
                    v.timeline() == null ? List.of() : v.timeline().stream()
                            .map(t -> new TimelineStep(t.at(), t.from(), t.to(), t.actor(), t.reason())).toList(),
                    v.canDelete(), v.canRetry());
        }
    }

    private final EndpointRequestService requests;
    private final ApprovalService approvals;

    EndpointRequestsController(EndpointRequestService requests, ApprovalService approvals) {
        this.requests = requests;
        this.approvals = approvals;
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Request an interface endpoint into one of your team's VPCs",
            description = "Checked against your account in AWS. SUBMITTED until decided (APPROVED at once with the "
                    + "AUTO policy); then provisioned in the background: poll until AVAILABLE.")
    ResponseEntity<EndpointRequest> submit(@RequestBody RequestEndpoint body) {
        EndpointRequest created = EndpointRequest.of(requests.submit(body.command()));
        return ResponseEntity.created(URI.create("/api/v1/endpoint-requests/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One request, with its DNS names and timeline; 404 if you may not see it")
    EndpointRequest request(@PathVariable UUID id) {
        return EndpointRequest.of(requests.detail(id));
    }

    @GetMapping
    @Operation(summary = "Your teams' requests (scope=mine, newest first) or those you may decide (scope=to-decide, oldest first)")
    Page<EndpointRequest> list(@RequestParam(defaultValue = MINE)
                               @Schema(allowableValues = {MINE, TO_DECIDE}) String scope,
                               @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "20") int size) {
        Pages.check(page, size);
        int offset = Pages.offset(page, size);
        return switch (scope) {
            case MINE -> new Page<>(requests.mine(offset, size).stream().map(EndpointRequest::of).toList(), page, size,
                    requests.countMine());
            case TO_DECIDE -> new Page<>(approvals.pending(offset, size).stream().map(EndpointRequest::of).toList(),
                    page, size, approvals.countPending());
            default -> throw InvalidInputException.of("scope", "Use scope=" + MINE + " or scope=" + TO_DECIDE);
        };
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "Approve a SUBMITTED request (admins; the provider team for the PROVIDER policy)")
    EndpointRequest approve(@PathVariable UUID id, @RequestBody(required = false) Decision body) {
        return EndpointRequest.of(approvals.approve(id, body == null ? null : body.reason()));
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "Reject a SUBMITTED request; a reason is required")
    EndpointRequest reject(@PathVariable UUID id, @RequestBody(required = false) Decision body) {
        return EndpointRequest.of(approvals.reject(id, body == null ? null : body.reason()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Delete the endpoint (or cancel a request that has none yet); DELETING until DELETED")
    ResponseEntity<EndpointRequest> delete(@PathVariable UUID id) {
        return ResponseEntity.accepted().body(EndpointRequest.of(requests.delete(id)));
    }

    @PostMapping("/{id}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Provision a FAILED request again (platform admins)")
    ResponseEntity<EndpointRequest> retry(@PathVariable UUID id) {
        return ResponseEntity.accepted().body(EndpointRequest.of(requests.retry(id)));
    }
}
