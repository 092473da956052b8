package dev.linkport.worker.jobs;

import dev.linkport.audit.service.AuditEntry;
import dev.linkport.audit.service.AuditLog;
import dev.linkport.aws.AwsGatewayException;
import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.PrivateDnsConfiguration;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.catalog.domain.ListingState;
import dev.linkport.catalog.domain.ServiceListingRepository;
import dev.linkport.identity.service.AwsTargets;
import dev.linkport.platform.events.Changed;
import dev.linkport.platform.jobs.JobKind;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * VerifyPrivateDns: asks AWS to check the TXT record (first run), then polls the service's
 * configuration with backoff until AWS says {@code verified} or {@code failed}, and stores it.
 * Starting verification twice is harmless, so a crash before the first poll only repeats the start.
 */
@Component
class VerifyPrivateDnsJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(VerifyPrivateDnsJob.class);

    /** Polls until AWS decides; AWS itself may take minutes. */
    static final int MAX_POLLS = 60;

    private record Work(AwsTarget provider, String serviceId, String name) {
    }

    private final ServiceListingRepository listings;
    private final PrivateLinkGateway gateway;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    VerifyPrivateDnsJob(ServiceListingRepository listings, PrivateLinkGateway gateway, AuditLog audit,
                        ApplicationEventPublisher events, TransactionTemplate tx, Clock clock) {
        this.listings = listings;
        this.gateway = gateway;
        this.audit = audit;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public JobKind kind() {
        return JobKind.VERIFY_PRIVATE_DNS;
    }

    @Override
    public Step run(UUID listingId, int attempt) {
        Work work = tx.execute(status -> listings.findById(listingId)
                .filter(l -> l.getState() == ListingState.AVAILABLE && l.getAwsServiceId() != null
                        && l.getPrivateDnsName() != null)
                .map(l -> new Work(AwsTargets.of(l.getProviderAccount(), l.getRegion(), null), l.getAwsServiceId(),
                        l.getPrivateDnsName()))
                .orElse(null));
        if (work == null) {
            return Step.DONE;
        }
        PrivateDnsConfiguration dns;
        try {
            if (attempt == 0) {
                gateway.startPrivateDnsVerification(work.provider(), work.serviceId());
                return Step.again(Backoff.poll(0));
            }
            dns = gateway.describeEndpointService(work.provider(), work.serviceId())
                    .flatMap(s -> s.privateDnsConfiguration()).orElse(null);
        } catch (AwsGatewayException e) {
            if (e.kind() == AwsGatewayException.Kind.TRANSIENT && attempt + 1 < MAX_POLLS) {
                log.info("Verifying private DNS of {} hit a transient AWS error, retrying: {}", listingId,
                        e.getMessage());
                return Step.again(Backoff.fullJitter(attempt, Duration.ofSeconds(1), Duration.ofSeconds(60)));
            }
            store(listingId, work, null, "AWS refused to verify " + work.name() + ": " + e.getMessage());
            return Step.DONE;
        }
        if (dns == null || !work.name().equals(dns.name())) {
            return Step.DONE; // the name changed meanwhile; ModifyService stores the new one
        }
        if ("pendingVerification".equals(dns.verificationState()) && attempt + 1 < MAX_POLLS) {
            return Step.again(Backoff.poll(attempt));
        }
        store(listingId, work, dns, null);
        return Step.DONE;
    }

    private void store(UUID listingId, Work work, PrivateDnsConfiguration dns, String problem) {
        tx.executeWithoutResult(status -> listings.findById(listingId)
                .filter(l -> work.name().equals(l.getPrivateDnsName()))
                .ifPresent(l -> {
                    String before = l.getPrivateDnsState();
                    if (dns != null) {
                        l.privateDnsObserved(dns.verificationState(), dns.txtRecordName(), dns.txtRecordValue(),
                                clock.instant());
                    } else {
                        l.privateDnsObserved("failed", l.getPrivateDnsTxtName(), l.getPrivateDnsTxtValue(),
                                clock.instant());
                    }
                    l.problem(problem, clock.instant());
                    audit.recordSystem(AuditEntry.of("SERVICE_PRIVATE_DNS_" + (dns != null && dns.verified()
                                    ? "VERIFIED" : "NOT_VERIFIED"), "SERVICE", l.getId(), l.getName(),
                            l.getOwnerTeam().getId()).change(before, l.getPrivateDnsState()).because(problem));
                    events.publishEvent(new Changed(Changed.SERVICE_LISTING, listingId));
                }));
    }
}
