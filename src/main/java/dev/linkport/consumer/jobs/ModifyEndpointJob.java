package dev.linkport.consumer.jobs;

import dev.linkport.consumer.ChangeState;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.InterfaceEndpoint;
import dev.linkport.aws.InterfaceEndpointChanges;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.consumer.domain.EndpointChange;
import dev.linkport.consumer.domain.EndpointChangeRepository;
import dev.linkport.consumer.domain.EndpointDnsName;
import dev.linkport.consumer.domain.EndpointLifecycle;
import dev.linkport.consumer.domain.EndpointRequest;
import dev.linkport.consumer.domain.EndpointRequestRepository;
import dev.linkport.identity.service.AccountDirectory;
import dev.linkport.worker.AwsJob;
import dev.linkport.worker.JobProgress;
import dev.linkport.worker.JobRuntime;
import dev.linkport.worker.Step;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * ModifyEndpoint, per change of an available endpoint: describes the endpoint, changes with ModifyVpcEndpoint only
 * what differs from what the consumer wants (so a run after a crash repeats nothing that was done), waits while AWS
 * reports it {@code modifying} or {@code pending}, and once it is {@code available} with what was wanted stores its
 * subnets, security groups, private DNS setting and DNS names, with a timeline entry and an audit line.
 */
@Component
class ModifyEndpointJob extends AwsJob<ModifyEndpointJob.Work, ModifyEndpointJob.Seen> {

    private static final Set<String> BUSY = Set.of("modifying", "pending", "pendingAcceptance");

    record Work(AwsTarget consumer, String vpcEndpointId, List<String> subnetIds, List<String> securityGroupIds,
                Boolean privateDnsEnabled, String summary) {
    }

    /**
     * What AWS holds after this run.
     *
     * @param endpoint the endpoint as described (before any change this run asked for), or null if AWS has none
     * @param asked    whether this run asked AWS to change it
     */
    record Seen(InterfaceEndpoint endpoint, boolean asked) {
    }

    private final EndpointChangeRepository changes;
    private final EndpointRequestRepository requests;
    private final AccountDirectory accounts;
    private final EndpointLifecycle lifecycle;
    private final PrivateLinkGateway gateway;
    private final Clock clock;

    ModifyEndpointJob(JobRuntime runtime, EndpointChangeRepository changes, EndpointRequestRepository requests,
                      AccountDirectory accounts, EndpointLifecycle lifecycle, PrivateLinkGateway gateway, Clock clock) {
        super(ConsumerJobs.MODIFY_ENDPOINT, runtime);
        this.changes = changes;
        this.requests = requests;
        this.accounts = accounts;
        this.lifecycle = lifecycle;
        this.gateway = gateway;
        this.clock = clock;
    }

    @Override
    protected Work load(UUID changeId) {
        EndpointChange change = changes.findById(changeId).filter(c -> c.getState() == ChangeState.APPLYING)
                .orElse(null);
        if (change == null) {
            return null;
        }
        EndpointRequest r = requests.findById(change.getRequestId()).orElseThrow();
        return new Work(accounts.get(r.getConsumerAccountId()).target(r.getRegion(), change.getRequestedBy()),
                r.getVpcEndpointId(), change.getSubnetIds(), change.getSecurityGroupIds(),
                change.getPrivateDnsEnabled(), change.getSummary());
    }

    @Override
    protected Seen call(Work work, JobProgress progress) {
        Optional<InterfaceEndpoint> found = gateway.describeInterfaceEndpoint(work.consumer(), work.vpcEndpointId());
        if (found.isEmpty() || !found.get().available()) {
            return new Seen(found.orElse(null), false);
        }
        InterfaceEndpointChanges diff = InterfaceEndpointChanges.toReach(found.get(), work.subnetIds(),
                work.securityGroupIds(), work.privateDnsEnabled());
        if (diff.isEmpty()) {
            return new Seen(found.get(), false);
        }
        gateway.modifyInterfaceEndpoint(work.consumer(), work.vpcEndpointId(), diff);
        return new Seen(found.get(), true);
    }

    @Override
    protected Step record(UUID changeId, Work work, Seen seen, JobProgress progress) {
        EndpointChange change = changes.findById(changeId).orElseThrow();
        EndpointRequest r = requests.findById(change.getRequestId()).orElseThrow();
        InterfaceEndpoint endpoint = seen.endpoint();
        if (endpoint == null || !endpoint.available() && !BUSY.contains(endpoint.state())) {
            fail(change, r, "AWS reports endpoint " + work.vpcEndpointId()
                    + (endpoint == null ? " no longer exists" : " as " + endpoint.state()));
            return Step.DONE;
        }
        if (seen.asked() || !endpoint.available()) {
            if (outOfTime(progress)) {
                fail(change, r, "The endpoint did not become available again within " + timeBudget().toMinutes()
                        + " minutes; AWS still reports " + endpoint.state());
                return Step.DONE;
            }
            return seen.asked() ? Step.later(pollAfter(0)) : Step.poll(pollAfter(progress.polls()));
        }
        r.changedInAws(new LinkedHashSet<>(endpoint.subnetIds()), new LinkedHashSet<>(endpoint.securityGroupIds()),
                endpoint.privateDnsEnabled(), clock.instant());
        r.dnsNames(endpoint.dnsEntries().stream().map(d -> new EndpointDnsName(d.dnsName(), d.hostedZoneId()))
                .toList());
        r.tagsInAws(endpoint.tags());
        change.done("AWS reports the endpoint available with the change", clock.instant());
        lifecycle.note(r, "REQUEST_CHANGED", null, work.summary(), "Changed in AWS: " + work.summary());
        return Step.DONE;
    }

    @Override
    protected void failed(UUID changeId, Work work, String why) {
        changes.findById(changeId).filter(c -> c.getState() == ChangeState.APPLYING)
                .ifPresent(change -> fail(change, requests.findById(change.getRequestId()).orElseThrow(), why));
    }

    private void fail(EndpointChange change, EndpointRequest r, String why) {
        change.failed(why, clock.instant());
        lifecycle.note(r, "REQUEST_CHANGE_FAILED", change.getSummary(), null,
                "Changing the endpoint failed (" + change.getSummary() + "): " + why);
    }
}
