package dev.linkport.worker.jobs;

import dev.linkport.aws.AllowedPrincipal;
import dev.linkport.aws.AwsGatewayException;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.InterfaceEndpoint;
import dev.linkport.aws.InterfaceEndpointRequest;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.aws.UnsuccessfulItem;
import dev.linkport.consumer.domain.EndpointDnsName;
import dev.linkport.consumer.domain.EndpointRequest;
import dev.linkport.consumer.domain.EndpointRequestRepository;
import dev.linkport.consumer.domain.EndpointState;
import dev.linkport.consumer.service.EndpointLifecycle;
import dev.linkport.identity.service.AwsTargets;
import dev.linkport.platform.jobs.JobKind;
import dev.linkport.provider.domain.AllowedPrincipalRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * ProvisionEndpoint (DESIGN.md §5): make sure the consumer's account is an allowed principal of
 * the service → create the interface endpoint (ClientToken = request id) → accept exactly that
 * connection if it waits for acceptance → poll, with backoff, until it is available → store its
 * DNS names. Every step reads before it writes, so a crash anywhere followed by another run
 * creates nothing twice. Transient AWS errors are retried with backoff and full jitter; permanent
 * ones end the request in FAILED with AWS's message.
 */
@Component
class ProvisionEndpointJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(ProvisionEndpointJob.class);
    /** Give up waiting for AWS after this many polls (about 20 minutes). */
    static final int MAX_POLLS = 90;

    /** What one run needs, read in a short transaction. */
    private record Work(AwsTarget provider, AwsTarget consumer, String serviceId, String serviceName,
                        String serviceRegion, String principal, String vpcEndpointId, InterfaceEndpointRequest create,
                        EndpointState state) {
    }

    private final EndpointRequestRepository requests;
    private final AllowedPrincipalRepository principals;
    private final EndpointLifecycle lifecycle;
    private final PrivateLinkGateway gateway;
    private final TransactionTemplate tx;
    private final JobFailures failures;
    private final Clock clock;

    ProvisionEndpointJob(EndpointRequestRepository requests, AllowedPrincipalRepository principals,
                         EndpointLifecycle lifecycle, PrivateLinkGateway gateway, TransactionTemplate tx, Clock clock,
            JobFailures failures) {
        this.failures = failures;
        this.requests = requests;
        this.principals = principals;
        this.lifecycle = lifecycle;
        this.gateway = gateway;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public JobKind kind() {
        return JobKind.PROVISION_ENDPOINT;
    }

    @Override
    public Step run(UUID requestId, int attempt) {
        Work work = tx.execute(status -> start(requestId));
        if (work == null) {
            return Step.DONE;
        }
        try {
            ensurePrincipal(requestId, work);
            InterfaceEndpoint endpoint = work.vpcEndpointId() == null
                    ? create(requestId, work)
                    : gateway.describeInterfaceEndpoint(work.consumer(), work.vpcEndpointId()).orElse(null);
            if (endpoint == null) {
                return fail(requestId, "Endpoint " + work.vpcEndpointId() + " no longer exists in AWS");
            }
            if (endpoint.pendingAcceptance()) {
                accept(requestId, work, endpoint);
                return Step.again(Backoff.poll(0));
            }
            if (endpoint.available()) {
                available(requestId, endpoint);
                return Step.DONE;
            }
            if (List.of("failed", "rejected", "deleted", "deleting", "expired").contains(endpoint.state())) {
                return fail(requestId, "AWS reports the endpoint as " + endpoint.state()
                        + endpoint.error().map(e -> ": " + e.code() + " " + e.message()).orElse(""));
            }
            if (attempt >= MAX_POLLS) {
                return fail(requestId, "The endpoint did not become available in time; AWS still reports "
                        + endpoint.state());
            }
            return Step.again(Backoff.poll(attempt));
        } catch (AwsGatewayException e) {
            boolean again = Backoff.retries(e, attempt);
            failures.failed(kind(), requestId, e, attempt, !again);
            if (again) {
                log.info("Provisioning {} hit a transient AWS error, retrying: {}", requestId, e.getMessage());
                return Backoff.retryLater(attempt);
            }
            return fail(requestId, e.getMessage());
        }
    }

    private Work start(UUID requestId) {
        EndpointRequest r = requests.findById(requestId).orElse(null);
        if (r == null || !(r.getState() == EndpointState.APPROVED || r.getState() == EndpointState.PROVISIONING
                || r.getState() == EndpointState.PENDING_ACCEPTANCE)) {
            return null;
        }
        if (r.getState() == EndpointState.APPROVED) {
            lifecycle.move(r, EndpointState.PROVISIONING, "Creating the endpoint in AWS");
        }
        var listing = r.getListing();
        String serviceRegion = r.getRegion().equals(listing.getRegion()) ? null : listing.getRegion();
        return new Work(AwsTargets.of(listing.getProviderAccount(), listing.getRegion(), null),
                AwsTargets.of(r.getConsumerAccount(), r.getRegion(), null), listing.getAwsServiceId(),
                listing.getAwsServiceName(), serviceRegion,
                "arn:aws:iam::" + r.getConsumerAccount().getAccountId() + ":root", r.getVpcEndpointId(),
                new InterfaceEndpointRequest(r.getId().toString(), r.getVpcId(), listing.getAwsServiceName(),
                        new ArrayList<>(r.getSubnetIds()), new ArrayList<>(r.getSecurityGroupIds()),
                        r.isPrivateDnsEnabled(), serviceRegion),
                r.getState());
    }

    private void ensurePrincipal(UUID requestId, Work work) {
        List<AllowedPrincipal> current = gateway.describeServicePermissions(work.provider(), work.serviceId());
        boolean allowed = current.stream().anyMatch(p -> p.principal().equals(work.principal()) || p.principal().equals("*"));
        if (!allowed) {
            gateway.modifyServicePermissions(work.provider(), work.serviceId(), Set.of(work.principal()), Set.of());
        }
        tx.executeWithoutResult(status -> {
            UUID listingId = requests.findById(requestId).orElseThrow().getListing().getId();
            principals.markApprovedInSync(listingId, work.principal(), clock.instant());
        });
    }

    private InterfaceEndpoint create(UUID requestId, Work work) {
        InterfaceEndpoint endpoint = gateway.createInterfaceEndpoint(work.consumer(), work.create());
        tx.executeWithoutResult(status -> {
            EndpointRequest r = requests.findById(requestId).orElseThrow();
            r.endpointCreated(endpoint.endpointId(), clock.instant());
            lifecycle.changed(r);
        });
        return endpoint;
    }

    private void accept(UUID requestId, Work work, InterfaceEndpoint endpoint) {
        if (work.state() != EndpointState.PENDING_ACCEPTANCE) {
            tx.executeWithoutResult(status -> lifecycle.move(requests.findById(requestId).orElseThrow(),
                    EndpointState.PENDING_ACCEPTANCE, "Waiting for the provider's acceptance; Linkport accepts it"));
        }
        List<UnsuccessfulItem> failed = gateway.acceptEndpointConnections(work.provider(), work.serviceId(),
                List.of(endpoint.endpointId()));
        if (!failed.isEmpty()) {
            log.info("Accepting {} for request {} was refused: {}", endpoint.endpointId(), requestId, failed);
        }
    }

    private void available(UUID requestId, InterfaceEndpoint endpoint) {
        tx.executeWithoutResult(status -> {
            EndpointRequest r = requests.findById(requestId).orElseThrow();
            r.dnsNames(endpoint.dnsEntries().stream().map(d -> new EndpointDnsName(d.dnsName(), d.hostedZoneId()))
                    .toList());
            lifecycle.move(r, EndpointState.AVAILABLE, "AWS reports the endpoint available");
        });
    }

    private Step fail(UUID requestId, String reason) {
        tx.executeWithoutResult(status -> requests.findById(requestId)
                .filter(r -> r.getState().canMoveTo(EndpointState.FAILED))
                .ifPresent(r -> lifecycle.move(r, EndpointState.FAILED, reason)));
        return Step.DONE;
    }
}
