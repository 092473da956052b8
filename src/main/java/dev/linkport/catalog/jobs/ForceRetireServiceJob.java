package dev.linkport.catalog.jobs;

import dev.linkport.audit.service.AuditLog;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.catalog.domain.ServiceListingRepository;
import dev.linkport.identity.service.AccountDirectory;
import dev.linkport.worker.JobRuntime;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** RetireService after an admin's force: rejects the connections that remain, then deletes. */
@Component
class ForceRetireServiceJob extends RetireServiceJob {

    ForceRetireServiceJob(JobRuntime runtime, ServiceListingRepository listings, AccountDirectory accounts,
                          PrivateLinkGateway gateway, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        super(CatalogJobs.FORCE_RETIRE_SERVICE, true, runtime, listings, accounts, gateway, audit, events, clock);
    }
}
