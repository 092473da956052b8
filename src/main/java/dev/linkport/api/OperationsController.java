package dev.linkport.api;

import dev.linkport.api.Pages.Page;
import dev.linkport.identity.ApiScope;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.worker.DriftKind;
import dev.linkport.worker.service.OperationsService;
import dev.linkport.worker.service.OperationsService.DriftRow;
import dev.linkport.worker.service.OperationsService.Job;
import dev.linkport.worker.service.OperationsService.JobFilter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The worker as platform admins watch it: background jobs and what reconciliation found (drift). */
@RestController
@RequestMapping(path = "/api/v1/operations", produces = "application/json")
@Tag(name = "Operations", description = "Background jobs and drift findings (platform admins)")
class OperationsController {

    /**
     * A background job. {@code task} is its kind (e.g. provision-endpoint), {@code instance} what it
     * works on; {@code status} queued, running, retrying or failed (gave up, waiting for an admin).
     */
    record JobItem(String task, String instance, String status, Instant executionTime, String pickedBy, int attempts,
                   String error, String accountId, String region, Instant failedAt, boolean recurring) {

        static JobItem of(Job j) {
            return new JobItem(j.task(), j.instance(), j.status(), j.executionTime(), j.pickedBy(), j.attempts(),
                    j.error(), j.accountId(), j.region(), j.failedAt(), j.recurring());
        }
    }

    /** What reconciliation found AWS holding differently from Linkport. */
    record DriftFinding(UUID id, DriftKind kind, UUID serviceId, UUID requestId, String subject, String detail,
                        Instant foundAt, Instant lastSeenAt, Instant resolvedAt, String resolvedBy) {

        static DriftFinding of(DriftRow d) {
            return new DriftFinding(d.id(), d.kind(), d.listingId(), d.requestId(), d.subject(), d.detail(),
                    d.foundAt(), d.lastSeenAt(), d.resolvedAt(), d.resolvedBy());
        }
    }

    private final OperationsService operations;

    OperationsController(OperationsService operations) {
        this.operations = operations;
    }

    @GetMapping("/jobs")
    @Operation(summary = "Background jobs: failed first (newest failure first), then by when they are due",
            description = "state: all (default), queued, running or failed (failing and retrying, or given up). "
                    + "kind: one kind of job, e.g. provision-endpoint, publish-service, reconcile. Pages count "
                    + "from 0.")
    Page<JobItem> jobs(@RequestParam(defaultValue = "all")
                       @Schema(allowableValues = {"all", "queued", "running", "failed"}) String state,
                       @RequestParam(required = false) String kind,
                       @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Pages.check(page, size);
        JobFilter filter = jobFilter(state);
        if (kind != null && !kind.isBlank() && !kind.trim().matches("[a-z][a-z-]{0,60}")) {
            throw InvalidInputException.of("kind", "A job kind is a lower-case name with dashes, e.g. "
                    + "provision-endpoint");
        }
        return new Page<>(operations.jobs(filter, kind, Pages.offset(page, size), size).stream().map(JobItem::of)
                .toList(), page, size, operations.countJobs(filter, kind));
    }

    @PostMapping("/jobs/{task}/{instance}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @NeedsScope(ApiScope.ADMIN)
    @Operation(summary = "Run a job again now, as the Operations page's Retry does",
            description = "A waiting or backing-off job is rescheduled for now; one that gave up starts again "
                    + "through its owner's retry. 409 while it runs.")
    ResponseEntity<Void> retry(@PathVariable String task, @PathVariable String instance) {
        operations.retry(task, instance);
        return ResponseEntity.accepted().build();
    }

    @GetMapping("/drift")
    @Operation(summary = "Drift found by reconciliation, newest first: open findings, or all with all=true")
    Page<DriftFinding> drift(@RequestParam(defaultValue = "false") boolean all,
                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Pages.check(page, size);
        return new Page<>(operations.drift(all, Pages.offset(page, size), size).stream().map(DriftFinding::of)
                .toList(), page, size, operations.countDrift(all));
    }

    private static JobFilter jobFilter(String state) {
        try {
            return JobFilter.valueOf(state.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("state", "No state " + state + "; use all, queued, running or failed");
        }
    }
}
