package dev.linkport.consumer.jobs;

import dev.linkport.consumer.service.EndpointRequestService;
import dev.linkport.worker.JobKind;
import dev.linkport.worker.ManualRetry;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** An admin retries a request whose provisioning failed: it goes back to APPROVED and into its account's queue. */
@Component
class ProvisioningRetry implements ManualRetry {

    private final ObjectProvider<EndpointRequestService> requests;

    ProvisioningRetry(ObjectProvider<EndpointRequestService> requests) {
        this.requests = requests;
    }

    @Override
    public JobKind kind() {
        return ConsumerJobs.PROVISION_ENDPOINT;
    }

    @Override
    public void retryByHand(UUID requestId) {
        requests.getObject().retry(requestId);
    }
}
