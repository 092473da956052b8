package dev.linkport.api;

import dev.linkport.api.Pages.Page;
import dev.linkport.approval.service.EndpointChangeApprovals;
import dev.linkport.approval.service.EndpointChangeApprovals.PendingChangeDecision;
import dev.linkport.consumer.service.ChangeAwaitingDecision;
import dev.linkport.consumer.service.EndpointChangeDetails;
import dev.linkport.identity.ApiScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Endpoint changes that wait for approval (the service's {@code changeApproval} is SAME_AS_REQUESTS and its policy
 * not AUTO), decided like the service's requests.
 */
@RestController
@RequestMapping(path = "/api/v1/endpoint-changes", produces = "application/json")
@Tag(name = "Endpoint requests")
class EndpointChangeDecisionsController {

    /** Why a change was approved (optional) or rejected (required; the endpoint's team sees it). */
    record ChangeDecision(String reason) {
    }

    /** A change waiting for a decision, with what it changes. */
    record ChangeToDecide(UUID id, UUID requestId, UUID serviceId, String serviceDisplayName, String consumerTeam,
                          String accountId, String region, String vpcId, String vpcEndpointId, String requestedBy,
                          Instant createdAt, String summary, List<String> subnetsBefore, List<String> subnetsAfter,
                          List<String> securityGroupsBefore, List<String> securityGroupsAfter,
                          boolean privateDnsBefore, boolean privateDnsAfter,
                          @Schema(description = "why you may not decide this change though it waits in your queue "
                                  + "(your own change: four eyes); null when you may")
                          String cannotDecide) {

        static ChangeToDecide of(PendingChangeDecision p) {
            ChangeAwaitingDecision c = p.change();
            return new ChangeToDecide(c.id(), c.requestId(), c.serviceId(), c.serviceName(), c.consumerTeam(),
                    c.accountId(), c.region(), c.vpcId(), c.vpcEndpointId(), c.requestedBy(), c.createdAt(),
                    c.summary(), c.subnetsBefore(), c.subnetsAfter(), c.securityGroupsBefore(),
                    c.securityGroupsAfter(), c.privateDnsBefore(), c.privateDnsAfter(), p.cannotDecide());
        }
    }

    private final EndpointChangeApprovals approvals;

    EndpointChangeDecisionsController(EndpointChangeApprovals approvals) {
        this.approvals = approvals;
    }

    @GetMapping("/to-decide")
    @Operation(summary = "Endpoint changes waiting for your decision, oldest first",
            description = "Admins see all; provider team members those of their PROVIDER-policy services. Each "
                    + "says what it changes: subnets, security groups and private DNS, before and after.")
    Page<ChangeToDecide> toDecide(@RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "20") int size) {
        Pages.check(page, size);
        return new Page<>(approvals.pending(Pages.offset(page, size), size).stream().map(ChangeToDecide::of)
                .toList(), page, size, approvals.countPending());
    }

    @NeedsScope(ApiScope.DECIDE)
    @PostMapping("/{id}/approve")
    @Operation(summary = "Approve a change waiting for approval; it is applied in AWS in the background",
            description = "Decided by those who decide the service's requests (admins; the provider team for the "
                    + "PROVIDER policy). Four eyes: nobody decides their own change (403). 409 when it was decided "
                    + "already or the endpoint is no longer AVAILABLE. Follow it with GET "
                    + "/endpoint-requests/{requestId}/changes.")
    EndpointChangeDetails approve(@PathVariable UUID id, @RequestBody(required = false) ChangeDecision body) {
        return approvals.approve(id, body == null ? null : body.reason());
    }

    @NeedsScope(ApiScope.DECIDE)
    @PostMapping("/{id}/reject")
    @Operation(summary = "Reject a change waiting for approval; a reason is required",
            description = "The change ends REJECTED with the reason; nothing changes in AWS. Four eyes as for "
                    + "approval.")
    EndpointChangeDetails reject(@PathVariable UUID id, @RequestBody(required = false) ChangeDecision body) {
        return approvals.reject(id, body == null ? null : body.reason());
    }
}
