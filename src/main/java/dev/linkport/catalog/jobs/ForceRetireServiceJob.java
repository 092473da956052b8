package dev.linkport.catalog.jobs;

import org.springframework.stereotype.Component;

/** RetireService after an admin's force: rejects the connections that remain, then deletes. */
@Component
class ForceRetireServiceJob extends RetireServiceJob {

    ForceRetireServiceJob(Context context) {
        super(CatalogJobs.FORCE_RETIRE_SERVICE, true, context);
    }
}
