package dev.linkport.api;

import dev.linkport.api.Pages.Items;
import dev.linkport.consumer.service.ChangeEndpoint;
import dev.linkport.consumer.service.EndpointChangeDetails;
import dev.linkport.consumer.service.EndpointChangeService;
import dev.linkport.identity.ApiScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Changes of an available endpoint's subnets, security groups and private DNS (ModifyVpcEndpoint). */
@RestController
@RequestMapping(path = "/api/v1/endpoint-requests/{id}/changes", produces = "application/json")
@Tag(name = "Endpoint requests")
class EndpointChangesController {

    /**
     * What the endpoint should have afterwards; an absent (null) field keeps what it has. The rules of a request
     * apply: one subnet per zone, only zones the service covers, subnets and groups of the endpoint's VPC.
     */
    record EndpointChangeBody(
            @Schema(description = "every subnet the endpoint should have; absent: keep them") List<String> subnetIds,
            @Schema(description = "every security group the endpoint should have; absent: keep them")
            List<String> securityGroupIds,
            @Schema(description = "only once the service's private DNS name is verified; absent: keep the setting")
            Boolean privateDnsEnabled) {

        ChangeEndpoint command() {
            return new ChangeEndpoint(subnetIds, securityGroupIds, privateDnsEnabled);
        }
    }

    private final EndpointChangeService changes;

    EndpointChangesController(EndpointChangeService changes) {
        this.changes = changes;
    }

    @NeedsScope(ApiScope.REQUEST)
    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Change an AVAILABLE endpoint's subnets, security groups or private DNS",
            description = "Members of the endpoint's team and admins. Checked against your account in AWS, then "
                    + "applied in the background: the change is APPLYING until DONE or FAILED (GET the list), and "
                    + "on the request's timeline. 409 while another change of the endpoint waits or is being "
                    + "applied, or the "
                    + "endpoint is not AVAILABLE. When the service's changeApproval is SAME_AS_REQUESTS (and its "
                    + "policy not AUTO), the change is AWAITING_APPROVAL until decided (POST "
                    + "/endpoint-changes/{id}/approve or /reject), then APPLYING or REJECTED.")
    ResponseEntity<EndpointChangeDetails> change(@PathVariable UUID id, @RequestBody EndpointChangeBody body) {
        return ResponseEntity.accepted().body(changes.change(id, body.command()));
    }

    @GetMapping
    @Operation(summary = "The endpoint's changes, newest first; 404 if you may not see the request")
    Items<EndpointChangeDetails> list(@PathVariable UUID id) {
        return new Items<>(changes.changes(id));
    }
}
