package dev.linkport.consumer.jobs;

import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.InterfaceEndpoint;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.domain.EndpointLifecycle;
import dev.linkport.consumer.domain.EndpointRequest;
import dev.linkport.consumer.domain.EndpointRequestRepository;
import dev.linkport.consumer.service.EndpointRequestService;
import dev.linkport.identity.service.AccountDirectory;
import dev.linkport.worker.AwsJob;
import dev.linkport.worker.JobProgress;
import dev.linkport.worker.JobRuntime;
import dev.linkport.worker.Step;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * DeleteEndpoint: deletes the interface endpoint in the consumer's account (only if AWS still
 * has it and is not already deleting it) and waits until it is gone; the request ends DELETED.
 */
@Component
class DeleteEndpointJob extends AwsJob<DeleteEndpointJob.Work, DeleteEndpointJob.Gone> {

    record Work(AwsTarget consumer, String vpcEndpointId) {
    }

    /** Whether AWS has let go of the endpoint yet. */
    enum Gone { YES, NOT_YET }

    private final EndpointRequestRepository requests;
    private final AccountDirectory accounts;
    private final EndpointLifecycle lifecycle;
    private final PrivateLinkGateway gateway;
    private final ObjectProvider<EndpointRequestService> requestService;

    DeleteEndpointJob(JobRuntime runtime, EndpointRequestRepository requests, AccountDirectory accounts,
                      EndpointLifecycle lifecycle, PrivateLinkGateway gateway,
                      ObjectProvider<EndpointRequestService> requestService) {
        super(ConsumerJobs.DELETE_ENDPOINT, runtime);
        this.requests = requests;
        this.accounts = accounts;
        this.lifecycle = lifecycle;
        this.gateway = gateway;
        this.requestService = requestService;
    }

    @Override
    protected Work load(UUID requestId) {
        return requests.findById(requestId)
                .filter(r -> r.getState() == EndpointState.DELETING)
                .map(r -> new Work(accounts.get(r.getConsumerAccountId()).target(r.getRegion(), null),
                        r.getVpcEndpointId()))
                .orElse(null);
    }

    @Override
    protected Gone call(Work work, JobProgress progress) {
        if (work.vpcEndpointId() == null) {
            return Gone.YES; // none had been created
        }
        Optional<InterfaceEndpoint> endpoint = gateway.describeInterfaceEndpoint(work.consumer(), work.vpcEndpointId());
        if (endpoint.isEmpty() || "deleted".equals(endpoint.get().state())) {
            return Gone.YES;
        }
        if (!"deleting".equals(endpoint.get().state())) {
            gateway.deleteInterfaceEndpoints(work.consumer(), List.of(work.vpcEndpointId()));
        }
        return Gone.NOT_YET;
    }

    @Override
    protected Step record(UUID requestId, Work work, Gone gone, JobProgress progress) {
        if (gone == Gone.NOT_YET) {
            return Step.poll(pollAfter(progress.polls()));
        }
        EndpointRequest r = requests.findById(requestId).orElseThrow();
        lifecycle.move(r, EndpointState.DELETED, work.vpcEndpointId() == null ? "No endpoint had been created"
                : "AWS deleted the endpoint");
        return Step.DONE;
    }

    @Override
    protected void failed(UUID requestId, Work work, String why) {
        requests.findById(requestId).ifPresent(r -> lifecycle.move(r, EndpointState.FAILED,
                "Deleting failed: " + why));
    }

    /** Deleting again goes through the service, which checks the request may still be deleted. */
    @Override
    public void retryByHand(UUID requestId) {
        requestService.getObject().delete(requestId);
    }
}
