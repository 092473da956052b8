package dev.linkport.worker.jobs;

import dev.linkport.aws.AwsGatewayException;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.InterfaceEndpoint;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.consumer.domain.EndpointRequest;
import dev.linkport.consumer.domain.EndpointRequestRepository;
import dev.linkport.consumer.domain.EndpointState;
import dev.linkport.consumer.service.EndpointLifecycle;
import dev.linkport.identity.service.AwsTargets;
import dev.linkport.platform.jobs.JobKind;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * DeleteEndpoint: deletes the interface endpoint in the consumer's account (only if AWS still
 * has it and is not already deleting it) and waits until it is gone; the request ends DELETED.
 */
@Component
class DeleteEndpointJob implements Job {

    private record Work(AwsTarget consumer, String vpcEndpointId) {
    }

    private final EndpointRequestRepository requests;
    private final EndpointLifecycle lifecycle;
    private final PrivateLinkGateway gateway;
    private final TransactionTemplate tx;
    private final JobFailures failures;

    DeleteEndpointJob(EndpointRequestRepository requests, EndpointLifecycle lifecycle, PrivateLinkGateway gateway,
                      TransactionTemplate tx,
            JobFailures failures) {
        this.failures = failures;
        this.requests = requests;
        this.lifecycle = lifecycle;
        this.gateway = gateway;
        this.tx = tx;
    }

    @Override
    public JobKind kind() {
        return JobKind.DELETE_ENDPOINT;
    }

    @Override
    public Step run(UUID requestId, int attempt) {
        Work work = tx.execute(status -> requests.findById(requestId)
                .filter(r -> r.getState() == EndpointState.DELETING)
                .map(r -> new Work(AwsTargets.of(r.getConsumerAccount(), r.getRegion(), null), r.getVpcEndpointId()))
                .orElse(null));
        if (work == null) {
            return Step.DONE;
        }
        if (work.vpcEndpointId() == null) {
            deleted(requestId, "No endpoint had been created");
            return Step.DONE;
        }
        try {
            Optional<InterfaceEndpoint> endpoint = gateway.describeInterfaceEndpoint(work.consumer(), work.vpcEndpointId());
            if (endpoint.isEmpty() || "deleted".equals(endpoint.get().state())) {
                deleted(requestId, "AWS deleted the endpoint");
                return Step.DONE;
            }
            if (!"deleting".equals(endpoint.get().state())) {
                gateway.deleteInterfaceEndpoints(work.consumer(), List.of(work.vpcEndpointId()));
            }
            return Step.again(Backoff.poll(attempt));
        } catch (AwsGatewayException e) {
            boolean again = Backoff.retries(e, attempt);
            failures.failed(kind(), requestId, e, attempt, !again);
            if (again) {
                return Backoff.retryLater(attempt);
            }
            tx.executeWithoutResult(status -> requests.findById(requestId)
                    .ifPresent(r -> lifecycle.move(r, EndpointState.FAILED, "Deleting failed: " + e.getMessage())));
            return Step.DONE;
        }
    }

    private void deleted(UUID requestId, String reason) {
        tx.executeWithoutResult(status -> {
            EndpointRequest r = requests.findById(requestId).orElseThrow();
            lifecycle.move(r, EndpointState.DELETED, reason);
        });
    }
}
