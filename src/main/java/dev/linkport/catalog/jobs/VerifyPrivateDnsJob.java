package dev.linkport.catalog.jobs;

import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.PrivateDnsConfiguration;
import dev.linkport.catalog.ListingState;
import dev.linkport.worker.JobProgress;
import dev.linkport.worker.Step;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * VerifyPrivateDns: asks AWS to check the TXT record (first run), then polls the service's
 * configuration with backoff until AWS says {@code verified} or {@code failed}, and stores it.
 * Starting verification twice is harmless, so a crash before the first poll only repeats the start.
 */
@Component
class VerifyPrivateDnsJob extends ListingJob<VerifyPrivateDnsJob.Work, VerifyPrivateDnsJob.Verdict> {

    /** Polls until AWS decides; AWS itself may take minutes. */
    static final int MAX_POLLS = 60;

    record Work(AwsTarget provider, String serviceId, String name) {
    }

    /** What a run learnt: verification was just started, or what AWS reports about the name (empty: nothing). */
    record Verdict(boolean started, Optional<PrivateDnsConfiguration> dns) {
    }

    VerifyPrivateDnsJob(Context context) {
        super(CatalogJobs.VERIFY_PRIVATE_DNS, context);
    }

    @Override
    protected Work load(UUID listingId) {
        return listings.findById(listingId)
                .filter(l -> l.getState() == ListingState.AVAILABLE && l.getAwsServiceId() != null
                        && l.getPrivateDnsName() != null)
                .map(l -> new Work(provider(l), l.getAwsServiceId(), l.getPrivateDnsName()))
                .orElse(null);
    }

    /** The first run starts verification (nothing to report yet); later runs read AWS's verdict. */
    @Override
    protected Verdict call(Work work, JobProgress progress) {
        if (progress.isFirst()) {
            gateway.startPrivateDnsVerification(work.provider(), work.serviceId());
            return new Verdict(true, Optional.empty());
        }
        return new Verdict(false, gateway.describeEndpointService(work.provider(), work.serviceId())
                .flatMap(s -> s.privateDnsConfiguration()));
    }

    @Override
    protected Step record(UUID listingId, Work work, Verdict verdict, JobProgress progress) {
        if (verdict.started()) {
            return Step.later(pollAfter(0));
        }
        Optional<PrivateDnsConfiguration> dns = verdict.dns();
        if (dns.isEmpty() || !work.name().equals(dns.get().name())) {
            return Step.DONE; // the name changed meanwhile; ModifyService stores the new one
        }
        if ("pendingVerification".equals(dns.get().verificationState()) && progress.polls() + 1 < MAX_POLLS) {
            return Step.poll(pollAfter(progress.polls()));
        }
        store(listingId, work, dns.get(), null);
        return Step.DONE;
    }

    @Override
    protected void failed(UUID listingId, Work work, String why) {
        store(listingId, work, null, "AWS refused to verify " + work.name() + ": " + why);
    }

    private void store(UUID listingId, Work work, PrivateDnsConfiguration dns, String problem) {
        listings.findById(listingId).filter(l -> work.name().equals(l.getPrivateDnsName())).ifPresent(l -> {
            String before = l.getPrivateDnsState();
            if (dns != null) {
                l.privateDnsObserved(dns.verificationState(), dns.txtRecordName(), dns.txtRecordValue(), clock.instant());
            } else {
                l.privateDnsObserved("failed", l.getPrivateDnsTxtName(), l.getPrivateDnsTxtValue(), clock.instant());
            }
            l.problem(problem, clock.instant());
            recordAndShow(l, "SERVICE_PRIVATE_DNS_" + (dns != null && dns.verified() ? "VERIFIED" : "NOT_VERIFIED"),
                    e -> e.change(before, l.getPrivateDnsState()).because(problem));
        });
    }
}
