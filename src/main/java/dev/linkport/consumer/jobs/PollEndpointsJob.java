package dev.linkport.consumer.jobs;

import dev.linkport.aws.AwsGatewayException;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.InterfaceEndpoint;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.domain.EndpointDnsName;
import dev.linkport.consumer.domain.EndpointLifecycle;
import dev.linkport.consumer.domain.EndpointRequest;
import dev.linkport.consumer.domain.EndpointRequestRepository;
import dev.linkport.identity.service.AccountDirectory;
import dev.linkport.identity.service.AccountRef;
import dev.linkport.worker.AwsJob;
import dev.linkport.worker.JobProgress;
import dev.linkport.worker.JobRuntime;
import dev.linkport.worker.Jobs;
import dev.linkport.worker.Step;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * PollEndpoints, per consumer account: follows the account's endpoints that exist but are not
 * available yet, with one DescribeVpcEndpoints per region (and hundred endpoints) however many there
 * are, until each is available (its DNS names are stored), failed, or out of the worker's time budget.
 * Polls quickly while something moved in the last seconds, then further apart.
 */
@Component
class PollEndpointsJob extends AwsJob<PollEndpointsJob.Work, PollEndpointsJob.Seen> {

    static final int IDS_PER_CALL = 100;
    private static final Set<String> DEAD = Set.of("failed", "rejected", "deleted", "deleting", "expired");

    record Work(Map<AwsTarget, List<String>> endpointsByRegion, Instant lastMove) {
    }

    /**
     * What AWS reports, by endpoint id, for the regions it was asked about.
     *
     * @param comeBack when to ask about the other regions (their budget had no token, or AWS failed
     *                 transiently), or null if all were read
     * @param answer   what AWS answered when it failed transiently, or null
     */
    record Seen(Set<AwsTarget> read, Map<String, InterfaceEndpoint> endpoints, Duration comeBack, String answer) {
    }

    private final EndpointRequestRepository requests;
    private final AccountDirectory accounts;
    private final EndpointLifecycle lifecycle;
    private final PrivateLinkGateway gateway;
    private final Jobs jobs;
    private final Clock clock;

    PollEndpointsJob(JobRuntime runtime, EndpointRequestRepository requests, AccountDirectory accounts,
                     EndpointLifecycle lifecycle, PrivateLinkGateway gateway, Jobs jobs, Clock clock) {
        super(ConsumerJobs.POLL_ENDPOINTS, runtime);
        this.requests = requests;
        this.accounts = accounts;
        this.lifecycle = lifecycle;
        this.gateway = gateway;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Override
    protected Work load(UUID accountId) {
        List<EndpointRequest> inProgress = requests.findInProgress(accountId);
        if (inProgress.isEmpty()) {
            return null;
        }
        AccountRef account = accounts.get(accountId);
        Map<AwsTarget, List<String>> byRegion = new LinkedHashMap<>();
        Instant lastMove = Instant.EPOCH;
        for (EndpointRequest r : inProgress) {
            byRegion.computeIfAbsent(account.target(r.getRegion(), null), k -> new ArrayList<>())
                    .add(r.getVpcEndpointId());
            lastMove = latest(lastMove, r.getUpdatedAt());
        }
        return new Work(byRegion, lastMove);
    }

    /**
     * One describe per region and hundred endpoints. A region whose budget has no token, or where AWS
     * fails transiently, is left for later; the others are read. Only a permanent error (Linkport may no
     * longer look into the account) ends the job, through the skeleton.
     */
    @Override
    protected Seen call(Work work, JobProgress progress) {
        Set<AwsTarget> read = new HashSet<>();
        Map<String, InterfaceEndpoint> endpoints = new HashMap<>();
        Duration comeBack = null;
        String answer = null;
        for (Map.Entry<AwsTarget, List<String>> region : work.endpointsByRegion().entrySet()) {
            List<String> ids = region.getValue();
            try {
                for (int from = 0; from < ids.size(); from += IDS_PER_CALL) {
                    gateway.describeInterfaceEndpoints(region.getKey(),
                                    ids.subList(from, Math.min(ids.size(), from + IDS_PER_CALL)))
                            .forEach(e -> endpoints.put(e.endpointId(), e));
                }
                read.add(region.getKey());
            } catch (AwsGatewayException e) {
                if (e.isPermanent()) {
                    throw e;
                }
                Duration wait = e.retryAfter().orElseGet(() -> backoff(progress.retries()));
                comeBack = comeBack == null || wait.compareTo(comeBack) < 0 ? wait : comeBack;
                if (!e.deferred()) {
                    answer = e.getMessage();
                }
            }
        }
        return new Seen(read, endpoints, comeBack, answer);
    }

    @Override
    protected Step record(UUID accountId, Work work, Seen seen, JobProgress progress) {
        Instant now = clock.instant();
        Set<UUID> toAccept = new HashSet<>();
        int busy = 0;
        Instant lastMove = work.lastMove();
        AccountRef account = accounts.get(accountId);
        for (EndpointRequest r : requests.findInProgress(accountId)) {
            boolean asked = work.endpointsByRegion().getOrDefault(account.target(r.getRegion(), null), List.of())
                    .contains(r.getVpcEndpointId());
            if (!asked) {
                busy++; // created after this run asked AWS: next run
                continue;
            }
            if (!seen.read().contains(account.target(r.getRegion(), null))) {
                if (seen.answer() != null && outOfTime(r, now)) {
                    lifecycle.move(r, EndpointState.FAILED, "AWS kept failing for " + timeBudget().toMinutes()
                            + " minutes while Linkport followed the endpoint; it last answered: " + seen.answer());
                } else {
                    busy++; // its region was not read: next run
                }
                continue;
            }
            InterfaceEndpoint endpoint = seen.endpoints().get(r.getVpcEndpointId());
            if (endpoint != null) {
                r.tagsInAws(endpoint.tags());
            }
            if (endpoint == null) {
                lifecycle.move(r, EndpointState.FAILED, "Endpoint " + r.getVpcEndpointId()
                        + " no longer exists in AWS");
            } else if (endpoint.available()) {
                r.dnsNames(endpoint.dnsEntries().stream()
                        .map(d -> EndpointDnsName.of(endpoint.endpointId(), d)).toList());
                lifecycle.move(r, EndpointState.AVAILABLE, "AWS reports the endpoint available");
                lastMove = now;
            } else if (DEAD.contains(endpoint.state())) {
                lifecycle.move(r, EndpointState.FAILED, "AWS reports the endpoint as " + endpoint.state()
                        + endpoint.error().map(e -> ": " + e.code() + " " + e.message()).orElse(""));
            } else if (outOfTime(r, now)) {
                lifecycle.move(r, EndpointState.FAILED, "The endpoint did not become available within "
                        + timeBudget().toMinutes() + " minutes; AWS still reports " + endpoint.state());
            } else {
                busy++;
                if (endpoint.pendingAcceptance()) {
                    if (r.getState() == EndpointState.PROVISIONING) {
                        lifecycle.move(r, EndpointState.PENDING_ACCEPTANCE,
                                "Waiting for the provider's acceptance; Linkport accepts it");
                        lastMove = now;
                    }
                    if (r.getAcceptedAt() == null) {
                        toAccept.add(r.getListingId());
                    }
                }
            }
        }
        toAccept.forEach(listing -> jobs.schedule(ConsumerJobs.ACCEPT_ENDPOINTS, listing));
        if (busy == 0) {
            return Step.DONE;
        }
        if (seen.answer() != null) {
            return new Step.Retry(seen.comeBack(), seen.answer());
        }
        if (seen.comeBack() != null) {
            return new Step.Deferred(seen.comeBack()); // the budget holds a region back: nothing counts
        }
        return Step.poll(pollAfterQuiet(Duration.between(lastMove, now)));
    }

    @Override
    protected void failed(UUID accountId, Work work, String why) {
        for (EndpointRequest r : requests.findInProgress(accountId)) {
            lifecycle.move(r, EndpointState.FAILED, why);
        }
    }

    private boolean outOfTime(EndpointRequest r, Instant now) {
        return r.getProvisioningSince() != null && r.getProvisioningSince().plus(timeBudget()).isBefore(now);
    }

    private static Instant latest(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }
}
