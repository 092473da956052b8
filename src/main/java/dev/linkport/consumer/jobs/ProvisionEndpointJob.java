package dev.linkport.consumer.jobs;

import dev.linkport.aws.AwsGatewayException;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.InterfaceEndpoint;
import dev.linkport.aws.InterfaceEndpointRequest;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.aws.UnsuccessfulItem;
import dev.linkport.catalog.service.ListingDirectory;
import dev.linkport.catalog.service.ListingRef;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.domain.EndpointDnsName;
import dev.linkport.consumer.domain.EndpointLifecycle;
import dev.linkport.consumer.domain.EndpointRequest;
import dev.linkport.consumer.domain.EndpointRequestRepository;
import dev.linkport.consumer.service.ConsumerPrincipals;
import dev.linkport.consumer.service.EndpointRequestService;
import dev.linkport.identity.service.AccountDirectory;
import dev.linkport.identity.service.AccountRef;
import dev.linkport.worker.AwsJob;
import dev.linkport.worker.JobRuntime;
import dev.linkport.worker.RetryRule;
import dev.linkport.worker.Step;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * ProvisionEndpoint: make sure the consumer's account is an allowed principal of the service →
 * create the interface endpoint (ClientToken = request id) and record it → accept exactly that
 * connection if it waits for acceptance → poll, with backoff, until it is available → store its
 * DNS names. Each run does one of these and records it before the next; every step reads before it
 * writes (and the create is idempotent), so a crash anywhere followed by another run creates nothing
 * twice. Permanent AWS errors end the request in FAILED with AWS's message.
 */
@Component
class ProvisionEndpointJob extends AwsJob<ProvisionEndpointJob.Work, InterfaceEndpoint> {

    private static final Logger log = LoggerFactory.getLogger(ProvisionEndpointJob.class);
    /** Give up waiting for AWS after this many polls (about 20 minutes). */
    static final int MAX_POLLS = 90;
    private static final Set<String> DEAD = Set.of("failed", "rejected", "deleted", "deleting", "expired");

    /** What one run needs, read in a short transaction. */
    record Work(UUID listingId, AwsTarget provider, AwsTarget consumer, String serviceId, String principal,
                String vpcEndpointId, InterfaceEndpointRequest create) {
    }

    private final EndpointRequestRepository requests;
    private final ListingDirectory listings;
    private final AccountDirectory accounts;
    private final ConsumerPrincipals principals;
    private final EndpointLifecycle lifecycle;
    private final PrivateLinkGateway gateway;
    private final ObjectProvider<EndpointRequestService> requestService;
    private final Clock clock;

    ProvisionEndpointJob(JobRuntime runtime, EndpointRequestRepository requests, ListingDirectory listings,
                         AccountDirectory accounts, ConsumerPrincipals principals, EndpointLifecycle lifecycle,
                         PrivateLinkGateway gateway, ObjectProvider<EndpointRequestService> requestService,
                         Clock clock) {
        super(ConsumerJobs.PROVISION_ENDPOINT, runtime);
        this.requests = requests;
        this.listings = listings;
        this.accounts = accounts;
        this.principals = principals;
        this.lifecycle = lifecycle;
        this.gateway = gateway;
        this.requestService = requestService;
        this.clock = clock;
    }

    @Override
    protected Work load(UUID requestId) {
        EndpointRequest r = requests.findById(requestId).orElse(null);
        if (r == null || !(r.getState() == EndpointState.APPROVED || r.getState() == EndpointState.PROVISIONING
                || r.getState() == EndpointState.PENDING_ACCEPTANCE)) {
            return null;
        }
        if (r.getState() == EndpointState.APPROVED) {
            lifecycle.move(r, EndpointState.PROVISIONING, "Creating the endpoint in AWS");
        }
        ListingRef listing = listings.get(r.getListingId());
        AccountRef consumer = accounts.get(r.getConsumerAccountId());
        String serviceRegion = r.getRegion().equals(listing.region()) ? null : listing.region();
        return new Work(listing.id(), listings.providerTarget(listing, null), consumer.target(r.getRegion(), null),
                listing.awsServiceId(), consumer.rootPrincipal(), r.getVpcEndpointId(),
                new InterfaceEndpointRequest(r.getId().toString(), r.getVpcId(), listing.awsServiceName(),
                        new ArrayList<>(r.getSubnetIds()), new ArrayList<>(r.getSecurityGroupIds()),
                        r.isPrivateDnsEnabled(), serviceRegion));
    }

    /**
     * Creates the endpoint (first run), or reads it and accepts it if it waits for acceptance.
     *
     * @return the endpoint as AWS reports it (before the acceptance), {@code null} if AWS no longer has it
     */
    @Override
    protected InterfaceEndpoint call(Work work, int attempt) {
        if (work.vpcEndpointId() == null) {
            principals.ensureAllowed(work.listingId(), work.provider(), work.serviceId(), work.principal());
            return gateway.createInterfaceEndpoint(work.consumer(), work.create());
        }
        InterfaceEndpoint endpoint = gateway.describeInterfaceEndpoint(work.consumer(), work.vpcEndpointId())
                .orElse(null);
        if (endpoint != null && endpoint.pendingAcceptance()) {
            List<UnsuccessfulItem> refused = gateway.acceptEndpointConnections(work.provider(), work.serviceId(),
                    List.of(endpoint.endpointId()));
            if (!refused.isEmpty()) {
                log.info("Accepting {} was refused: {}", endpoint.endpointId(), refused);
            }
        }
        return endpoint;
    }

    @Override
    protected Step record(UUID requestId, Work work, InterfaceEndpoint endpoint, int attempt) {
        EndpointRequest r = requests.findById(requestId).orElseThrow();
        if (endpoint == null) {
            fail(r, "Endpoint " + work.vpcEndpointId() + " no longer exists in AWS");
            return Step.DONE;
        }
        if (r.getVpcEndpointId() == null) {
            r.endpointCreated(endpoint.endpointId(), clock.instant());
            lifecycle.changed(r);
        }
        if (endpoint.pendingAcceptance()) {
            if (r.getState() != EndpointState.PENDING_ACCEPTANCE && r.getState().canMoveTo(EndpointState.PENDING_ACCEPTANCE)) {
                lifecycle.move(r, EndpointState.PENDING_ACCEPTANCE,
                        "Waiting for the provider's acceptance; Linkport accepts it");
            }
            // just created: accept it now; just accepted: look again shortly
            return work.vpcEndpointId() == null ? Step.NEXT : Step.again(RetryRule.poll(0));
        }
        if (endpoint.available()) {
            r.dnsNames(endpoint.dnsEntries().stream().map(d -> new EndpointDnsName(d.dnsName(), d.hostedZoneId()))
                    .toList());
            lifecycle.move(r, EndpointState.AVAILABLE, "AWS reports the endpoint available");
            return Step.DONE;
        }
        if (DEAD.contains(endpoint.state())) {
            fail(r, "AWS reports the endpoint as " + endpoint.state()
                    + endpoint.error().map(e -> ": " + e.code() + " " + e.message()).orElse(""));
            return Step.DONE;
        }
        if (attempt >= MAX_POLLS) {
            fail(r, "The endpoint did not become available in time; AWS still reports " + endpoint.state());
            return Step.DONE;
        }
        return Step.again(RetryRule.poll(attempt));
    }

    @Override
    protected void failed(UUID requestId, Work work, AwsGatewayException e) {
        requests.findById(requestId).ifPresent(r -> fail(r, e.getMessage()));
    }

    /** A failed request is provisioned again through its service, which moves it back to APPROVED. */
    @Override
    public void retryByHand(UUID requestId) {
        requestService.getObject().retry(requestId);
    }

    private void fail(EndpointRequest r, String reason) {
        if (r.getState().canMoveTo(EndpointState.FAILED)) {
            lifecycle.move(r, EndpointState.FAILED, reason);
        }
    }
}
