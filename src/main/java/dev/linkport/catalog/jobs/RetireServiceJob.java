package dev.linkport.catalog.jobs;

import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.EndpointConnection;
import dev.linkport.aws.UnsuccessfulItem;
import dev.linkport.catalog.ListingState;
import dev.linkport.worker.JobKind;
import dev.linkport.worker.JobProgress;
import dev.linkport.worker.RetryRule;
import dev.linkport.worker.Step;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * RetireService: deletes the endpoint service configuration of a RETIRING listing once no
 * connection is live, then marks it RETIRED. While connections are live it re-checks later (an
 * endpoint may have connected after the owners retired it). Forced (by an admin,
 * {@link ForceRetireServiceJob}), it rejects the remaining connections first. Deleting an already
 * deleted service is harmless, so re-runs are safe.
 */
@Component
class RetireServiceJob extends ListingJob<RetireServiceJob.Work, RetireServiceJob.Outcome> {

    private static final Logger log = LoggerFactory.getLogger(RetireServiceJob.class);

    record Work(String name, AwsTarget provider, String serviceId) {
    }

    /** What AWS did: still connected (unforced), not deleted yet, or deleted (or there was nothing to delete). */
    enum Outcome { STILL_CONNECTED, NOT_DELETED_YET, DELETED }

    private final boolean force;

    @Autowired
    RetireServiceJob(Context context) {
        this(CatalogJobs.RETIRE_SERVICE, false, context);
    }

    RetireServiceJob(JobKind kind, boolean force, Context context) {
        super(kind, context);
        this.force = force;
    }

    @Override
    protected Work load(UUID listingId) {
        return listings.findById(listingId)
                .filter(l -> l.getState() == ListingState.RETIRING)
                .map(l -> new Work(l.getName(), l.getAwsServiceId() == null ? null : provider(l), l.getAwsServiceId()))
                .orElse(null);
    }

    @Override
    protected Outcome call(Work work, JobProgress progress) {
        if (work.serviceId() == null) {
            return Outcome.DELETED; // never reached AWS
        }
        List<String> live = gateway.describeEndpointConnections(work.provider(), work.serviceId()).stream()
                .filter(EndpointConnection::live).map(EndpointConnection::endpointId).toList();
        if (!live.isEmpty() && !force) {
            log.info("Retiring {}: {} still connected, checking again later", work.name(), live);
            return Outcome.STILL_CONNECTED;
        }
        if (!live.isEmpty()) {
            gateway.rejectEndpointConnections(work.provider(), work.serviceId(), live);
        }
        List<UnsuccessfulItem> refused = gateway.deleteEndpointServices(work.provider(), List.of(work.serviceId()));
        if (!refused.isEmpty() && !notFound(refused)) {
            log.info("Retiring {}: AWS did not delete it yet ({}), trying again later", work.name(), refused);
            return Outcome.NOT_DELETED_YET;
        }
        return Outcome.DELETED;
    }

    @Override
    protected Step record(UUID listingId, Work work, Outcome outcome, JobProgress progress) {
        return switch (outcome) {
            // one describe per service every 15 s at most
            case STILL_CONNECTED -> Step.poll(pollAfter(progress.polls()));
            case NOT_DELETED_YET -> Step.poll(RetryRule.fullJitter(progress.polls(), Duration.ofSeconds(2), Duration.ofMinutes(5))
                    .plusSeconds(1));
            case DELETED -> {
                listings.findById(listingId).filter(l -> l.getState() == ListingState.RETIRING).ifPresent(l -> {
                    l.problem(null, clock.instant());
                    l.setState(ListingState.RETIRED, clock.instant());
                    recordAndShow(l, "SERVICE_RETIRED", e -> e.change("RETIRING", "RETIRED"
                            + (work.serviceId() == null ? "" : ", " + work.serviceId() + " deleted")));
                });
                yield Step.DONE;
            }
        };
    }

    @Override
    protected void failed(UUID listingId, Work work, String why) {
        listings.findById(listingId).ifPresent(l -> {
            l.problem("AWS refused to delete the endpoint service: " + why, clock.instant());
            recordAndShow(l, "SERVICE_RETIRE_FAILED", entry -> entry.because(why));
        });
    }

    private static boolean notFound(List<UnsuccessfulItem> refused) {
        return refused.stream().allMatch(i -> i.errorCode() != null && i.errorCode().contains("NotFound"));
    }
}
