package dev.linkport.consumer.jobs;

import dev.linkport.aws.AwsGatewayException;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.InterfaceEndpoint;
import dev.linkport.aws.InterfaceEndpointRequest;
import dev.linkport.aws.IpAddressType;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.catalog.PrincipalMode;
import dev.linkport.aws.ResourceTags;
import dev.linkport.catalog.service.ListingDirectory;
import dev.linkport.catalog.service.ListingRef;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.domain.EndpointLifecycle;
import dev.linkport.consumer.domain.EndpointRequest;
import dev.linkport.consumer.domain.EndpointRequestRepository;
import dev.linkport.consumer.service.ConsumerPrincipals;
import dev.linkport.identity.service.AccountDirectory;
import dev.linkport.identity.service.AccountRef;
import dev.linkport.worker.AwsJob;
import dev.linkport.worker.JobProgress;
import dev.linkport.worker.JobRuntime;
import dev.linkport.worker.Jobs;
import dev.linkport.worker.Step;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * CreateEndpoints, per consumer account: works through the account's approved requests oldest first.
 * For each: make sure the service allows the request's principal — the account, or a role of it, as the service
 * asks (once per service and principal; the request remembers it, so it goes with the last request needing it) → create the
 * interface endpoint (ClientToken = request id, so a re-run gets the same endpoint back; tagged with Linkport's
 * tags, {@link ResourceTags}) → record it and
 * hand it on (acceptance per service, following per account). When a region's budget has no token, the
 * job comes back exactly when it will have one, and the other regions, accounts and jobs go on meanwhile.
 * A permanent AWS error fails that request only, with AWS's message.
 */
@Component
class CreateEndpointsJob extends AwsJob<CreateEndpointsJob.Work, CreateEndpointsJob.Outcome> {

    private static final Logger log = LoggerFactory.getLogger(CreateEndpointsJob.class);
    /** Requests taken per run; the queue goes on in the next run. */
    static final int BATCH = 50;

    record Item(UUID requestId, UUID listingId, AwsTarget provider, String serviceId, AwsTarget consumer,
                String principal, InterfaceEndpointRequest create) {
    }

    record Work(UUID accountId, List<Item> items) {
    }

    /**
     * What a run did.
     *
     * @param created  endpoints AWS created (or gave back for a known ClientToken), by request
     * @param refused  requests AWS refused for good, with its error
     * @param comeBack when the requests not reached can go on (their budget or AWS asked to wait), or null
     * @param answer   what AWS answered when it failed transiently, or null
     */
    record Outcome(Map<UUID, InterfaceEndpoint> created, Map<UUID, AwsGatewayException> refused, Duration comeBack,
                   String answer) {
    }

    private final EndpointRequestRepository requests;
    private final ListingDirectory listings;
    private final AccountDirectory accounts;
    private final ConsumerPrincipals principals;
    private final EndpointLifecycle lifecycle;
    private final PrivateLinkGateway gateway;
    private final Jobs jobs;
    private final Clock clock;
    private final ResourceTags tags;

    CreateEndpointsJob(JobRuntime runtime, EndpointRequestRepository requests, ListingDirectory listings,
                       AccountDirectory accounts, ConsumerPrincipals principals, EndpointLifecycle lifecycle,
                       PrivateLinkGateway gateway, Jobs jobs, Clock clock, ResourceTags tags) {
        super(ConsumerJobs.CREATE_ENDPOINTS, runtime);
        this.requests = requests;
        this.listings = listings;
        this.accounts = accounts;
        this.principals = principals;
        this.lifecycle = lifecycle;
        this.gateway = gateway;
        this.jobs = jobs;
        this.clock = clock;
        this.tags = tags;
    }

    /** Whether a request into the account waits for its endpoint; only reads, as it runs under the queue's lock. */
    @Override
    protected boolean hasWork(UUID accountId) {
        return !requests.findToCreate(accountId, PageRequest.of(0, 1)).isEmpty();
    }

    @Override
    protected Work load(UUID accountId) {
        List<EndpointRequest> queue = requests.findToCreate(accountId, PageRequest.of(0, BATCH));
        if (queue.isEmpty()) {
            return null;
        }
        AccountRef consumer = accounts.get(accountId);
        Map<UUID, ListingRef> services = listings.get(queue.stream().map(EndpointRequest::getListingId)
                .collect(Collectors.toSet()));
        List<Item> items = new ArrayList<>();
        for (EndpointRequest r : queue) {
            if (r.getState() == EndpointState.APPROVED) {
                lifecycle.move(r, EndpointState.PROVISIONING, "Creating the endpoint in AWS");
            }
            ListingRef listing = services.get(r.getListingId());
            String serviceRegion = r.getRegion().equals(listing.region()) ? null : listing.region();
            String principal = principalFor(listing, consumer, r);
            r.allowing(principal);
            items.add(new Item(r.getId(), listing.id(), listings.providerTarget(listing, null),
                    listing.awsServiceId(), creator(listing, consumer, r), principal,
                    new InterfaceEndpointRequest(r.getId().toString(), r.getVpcId(), listing.awsServiceName(),
                            new ArrayList<>(r.getSubnetIds()), new ArrayList<>(r.getSecurityGroupIds()),
                            r.isPrivateDnsEnabled(), serviceRegion,
                            tags.forEndpoint(r.getId(), consumer.teamName()),
                            // an IPv4 endpoint with AWS's default records is asked for as before IPv6 existed
                            r.getIpAddressType() == IpAddressType.IPV4 && r.getDnsRecordIpType() == null ? null
                                    : r.getIpAddressType(), r.getDnsRecordIpType())));
        }
        return new Work(accountId, items);
    }

    /**
     * The principal the service must allow for the request, by the service's mode: the account's root in the
     * region's partition, or a role of the account — the one the consumer named, else the account's Linkport role.
     */
    static String principalFor(ListingRef listing, AccountRef consumer, EndpointRequest r) {
        if (listing.principalMode() == PrincipalMode.ROLE) {
            return r.getPrincipalRoleArn() != null ? r.getPrincipalRoleArn() : consumer.roleArn();
        }
        return consumer.rootPrincipal(r.getRegion());
    }

    /**
     * Who creates the endpoint: AWS lets only sessions of an allowed role create endpoints to a service that allows
     * just that role, so for a role the consumer named Linkport assumes that role (with the account's ExternalId);
     * otherwise the account's Linkport role.
     */
    static AwsTarget creator(ListingRef listing, AccountRef consumer, EndpointRequest r) {
        if (listing.principalMode() == PrincipalMode.ROLE && r.getPrincipalRoleArn() != null) {
            return new AwsTarget(consumer.accountId(), r.getRegion(), r.getPrincipalRoleArn(), consumer.externalId(),
                    null);
        }
        return consumer.target(r.getRegion(), null);
    }

    @Override
    protected Outcome call(Work work, JobProgress progress) {
        Map<UUID, InterfaceEndpoint> created = new HashMap<>();
        Map<UUID, AwsGatewayException> refused = new HashMap<>();
        Set<String> stoppedRegions = new HashSet<>();
        Duration comeBack = null;
        String answer = null;
        // (service, principal) → null once allowed in this run, or why allowing it failed: asked of AWS once per run,
        // and no endpoint is created for a service that does not allow the account yet
        Map<String, AwsGatewayException> allowing = new HashMap<>();
        for (Item item : work.items()) {
            if (stoppedRegions.contains(item.consumer().region())) {
                continue;
            }
            try {
                allow(item, allowing);
                created.put(item.requestId(), gateway.createInterfaceEndpoint(item.consumer(), item.create()));
            } catch (AwsGatewayException e) {
                if (e.isPermanent()) {
                    refused.put(item.requestId(), e);
                    continue;
                }
                Duration wait = e.retryAfter().orElseGet(() -> backoff(progress.retries()));
                comeBack = comeBack == null || wait.compareTo(comeBack) < 0 ? wait : comeBack;
                if (!e.deferred()) {
                    answer = e.getMessage();
                    log.info("Creating endpoints in {} hit a transient AWS error: {}", work.accountId(),
                            e.getMessage());
                }
                if (e.accountId().equals(item.consumer().accountId())) {
                    stoppedRegions.add(item.consumer().region()); // the consumer's budget: the region waits
                }
            }
        }
        return new Outcome(created, refused, comeBack, answer);
    }

    /** Makes sure the service allows the item's account, once per run; a failure counts for the run's other items too. */
    private void allow(Item item, Map<String, AwsGatewayException> allowing) {
        String key = item.listingId() + " " + item.principal();
        if (allowing.containsKey(key)) {
            AwsGatewayException failed = allowing.get(key);
            if (failed != null) {
                throw failed;
            }
            return;
        }
        try {
            principals.ensureAllowed(item.listingId(), item.provider(), item.serviceId(), item.principal());
            allowing.put(key, null);
        } catch (AwsGatewayException e) {
            allowing.put(key, e);
            throw e;
        }
    }

    @Override
    protected Step record(UUID accountId, Work work, Outcome outcome, JobProgress progress) {
        Set<UUID> toAccept = new HashSet<>();
        Map<UUID, EndpointRequest> current = requests.findAllById(
                        work.items().stream().map(Item::requestId).toList()).stream()
                .collect(Collectors.toMap(EndpointRequest::getId, r -> r));
        for (Item item : work.items()) {
            EndpointRequest r = current.get(item.requestId());
            if (r == null || r.getState() != EndpointState.PROVISIONING || r.getVpcEndpointId() != null) {
                continue; // cancelled, deleted or moved on meanwhile
            }
            InterfaceEndpoint endpoint = outcome.created().get(item.requestId());
            AwsGatewayException refusal = outcome.refused().get(item.requestId());
            if (endpoint != null) {
                r.endpointCreated(endpoint.endpointId(), clock.instant());
                r.tagsInAws(endpoint.tags());
                lifecycle.changed(r);
                if (endpoint.pendingAcceptance()) {
                    lifecycle.move(r, EndpointState.PENDING_ACCEPTANCE,
                            "Waiting for the provider's acceptance; Linkport accepts it");
                    toAccept.add(item.listingId());
                }
            } else if (refusal != null) {
                lifecycle.move(r, EndpointState.FAILED, refusal.getMessage());
                gaveUpOn(ConsumerJobs.PROVISION_ENDPOINT, r.getId(), refusal);
            } else if (outOfTime(r)) {
                lifecycle.move(r, EndpointState.FAILED, "Linkport could not create the endpoint within "
                        + timeBudget().toMinutes() + " minutes" + (outcome.answer() == null ? ""
                        : "; AWS last answered: " + outcome.answer()));
            }
        }
        toAccept.forEach(listing -> jobs.schedule(ConsumerJobs.ACCEPT_ENDPOINTS, listing));
        if (!outcome.created().isEmpty()) {
            jobs.scheduleWithin(ConsumerJobs.POLL_ENDPOINTS, accountId, pollAfter(0));
        }
        if (outcome.comeBack() != null) {
            return outcome.answer() == null ? Step.later(outcome.comeBack()) : retryLater(outcome);
        }
        return hasWork(accountId) ? Step.NEXT : Step.DONE;
    }

    private Step retryLater(Outcome outcome) {
        return new Step.Retry(outcome.comeBack(), outcome.answer());
    }

    @Override
    protected void failed(UUID accountId, Work work, String why) {
        // call() handles AWS's errors per request; nothing reaches here
        log.warn("Creating endpoints in {} failed: {}", accountId, why);
    }

    private boolean outOfTime(EndpointRequest r) {
        return r.getProvisioningSince() != null
                && r.getProvisioningSince().plus(timeBudget()).isBefore(clock.instant());
    }
}
