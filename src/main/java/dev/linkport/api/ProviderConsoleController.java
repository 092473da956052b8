package dev.linkport.api;

import dev.linkport.identity.ApiScope;
import dev.linkport.provider.service.AddPrincipal;
import dev.linkport.provider.service.ConnectionRow;
import dev.linkport.provider.service.ConnectionService;
import dev.linkport.provider.service.PrincipalRow;
import dev.linkport.provider.service.PrincipalService;
import dev.linkport.provider.service.PrincipalService.Removal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
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

/**
 * A provider's controls of one service: its allowed principals and its AWS connections. For the
 * service's owners and platform admins: others who may see the service get 403, the rest 404.
 */
@RestController
@RequestMapping(path = "/api/v1/services/{id}", produces = "application/json")
@Tag(name = "Provider console", description = "Allowed principals and AWS connections of your services")
class ProviderConsoleController {

    /** A principal to allow. */
    record AllowPrincipal(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "arn:aws:iam::222222222222:root",
                    description = "An account root, IAM role or user ARN, or *") String arn,
            @Schema(description = "Must be true to allow *, which lets anyone in any AWS account connect; * needs "
                    + "an owner of the service's team or a platform admin (403 otherwise)")
            Boolean confirmWildcard) {
    }

    private final PrincipalService principals;
    private final ConnectionService connections;

    ProviderConsoleController(PrincipalService principals, ConnectionService connections) {
        this.principals = principals;
        this.connections = connections;
    }

    @GetMapping("/principals")
    @Operation(summary = "The service's allowed principals, with source and sync state",
            description = "source: MANUAL, APPROVAL (added when a request was approved), OBSERVED (found in AWS). "
                    + "syncState: PENDING_ADD, IN_SYNC, PENDING_REMOVE, FAILED (lastError has AWS's message), "
                    + "DRIFTED (AWS and Linkport disagree, changed outside Linkport).")
    List<PrincipalRow> principals(@PathVariable UUID id) {
        return principals.list(id);
    }

    @NeedsScope(ApiScope.PROVIDE)
    @PostMapping(path = "/principals", consumes = "application/json")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Allow a principal; AWS gets it in the background (poll until IN_SYNC or FAILED)")
    ResponseEntity<PrincipalRow> allow(@PathVariable UUID id, @RequestBody AllowPrincipal body) {
        PrincipalRow added = principals.add(id, new AddPrincipal(body.arn(),
                body.confirmWildcard() != null && body.confirmWildcard()));
        return ResponseEntity.accepted().body(added);
    }

    @NeedsScope(ApiScope.PROVIDE)
    @DeleteMapping("/principals")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Stop allowing a principal; AWS drops it in the background",
            description = "The answer lists the live endpoints whose account the principal allowed: they keep "
                    + "working in AWS, but the account cannot create new ones.")
    ResponseEntity<Removal> disallow(@PathVariable UUID id, @RequestParam String arn) {
        return ResponseEntity.accepted().body(principals.remove(id, arn));
    }

    @GetMapping("/connections")
    @Operation(summary = "Every AWS endpoint connection of the service, also those made outside Linkport",
            description = "Read live from AWS. state is AWS's (pendingAcceptance, available, rejected, ...) or "
                    + "'deleted' for one Linkport saw before that AWS no longer reports; requestId is null for "
                    + "endpoints created outside Linkport.")
    List<ConnectionRow> connections(@PathVariable UUID id) {
        return connections.list(id);
    }

    @NeedsScope(ApiScope.PROVIDE)
    @PostMapping("/connections/{vpcEndpointId}/accept")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Accept a pendingAcceptance connection (in the background)")
    ResponseEntity<ConnectionRow> accept(@PathVariable UUID id, @PathVariable String vpcEndpointId) {
        return ResponseEntity.accepted().body(connections.accept(id, vpcEndpointId));
    }

    @NeedsScope(ApiScope.PROVIDE)
    @PostMapping("/connections/{vpcEndpointId}/reject")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Reject a pendingAcceptance connection (in the background)")
    ResponseEntity<ConnectionRow> reject(@PathVariable UUID id, @PathVariable String vpcEndpointId) {
        return ResponseEntity.accepted().body(connections.reject(id, vpcEndpointId));
    }
}
