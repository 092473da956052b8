package dev.linkport.api;

import dev.linkport.audit.service.AuditQueryService;
import dev.linkport.audit.service.AuditQueryService.AuditFilter;
import dev.linkport.audit.service.AuditQueryService.AuditRow;
import dev.linkport.identity.service.TeamDirectory;
import dev.linkport.platform.FieldError;
import dev.linkport.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log, for platform admins: filtered pages as JSON, or everything matching as CSV. */
@RestController
@RequestMapping(path = "/api/v1")
@Tag(name = "Audit", description = "The audit log (platform admins): every decision and change, newest first")
class AuditController {

    static final String CSV = "text/csv";
    private static final String FILTERS = "Filters work together: actor (part of the user name), team (part of a "
            + "team's name or display name), action (part of the action, e.g. REQUEST_APPROVED, MEMBER_), target "
            + "(part of the target's label or id), from (inclusive) and to (exclusive) as ISO-8601 instants, e.g. "
            + "2026-11-30T00:00:00Z.";

    /** One audit line; {@code team} is the team's name, when the line concerns one. */
    record AuditLine(long id, Instant occurredAt, String actor, String action, String targetType, String targetId,
                     String targetLabel, String team, String before, String after, String reason) {
    }

    /**
     * A page of audit lines, newest first. {@code total} stops counting past 10,000:
     * {@code totalIsLowerBound} then says there are more.
     */
    record AuditPage(List<AuditLine> items, int page, int size, long total, boolean totalIsLowerBound) {
    }

    private final AuditQueryService audit;
    private final TeamDirectory teams;

    AuditController(AuditQueryService audit, TeamDirectory teams) {
        this.audit = audit;
        this.teams = teams;
    }

    @GetMapping(path = "/audit", produces = "application/json")
    @Operation(summary = "Audit lines matching the filters, newest first (platform admins)",
            description = FILTERS + " Pages count from 0. Send 'Accept: text/csv' (or GET /audit.csv) for all "
                    + "matching lines as CSV.")
    AuditPage list(@RequestParam(required = false) String actor, @RequestParam(required = false) String team,
                   @RequestParam(required = false) String action, @RequestParam(required = false) String target,
                   @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Pages.check(page, size);
        AuditFilter filter = filter(actor, team, action, target, from, to);
        List<AuditRow> rows = audit.list(filter, Pages.offset(page, size), size);
        Map<UUID, String> names = teams.names(rows.stream().map(AuditRow::teamId).filter(Objects::nonNull)
                .distinct().toList());
        long total = audit.count(filter);
        return new AuditPage(rows.stream().map(r -> new AuditLine(r.id(), r.occurredAt(), r.actorName(), r.action(),
                        r.targetType(), r.targetId(), r.targetLabel(), r.teamId() == null ? null : names.get(r.teamId()),
                        r.before(), r.after(), r.reason())).toList(), page, size,
                Math.min(total, AuditQueryService.COUNT_CAP), total > AuditQueryService.COUNT_CAP);
    }

    @GetMapping(path = {"/audit", "/audit.csv"}, produces = CSV)
    @Operation(summary = "Every audit line matching the filters as CSV, newest first (platform admins)",
            description = FILTERS + " RFC 4180 with a header line; streamed, so any size of log works. Values that "
                    + "a spreadsheet would run as a formula start with a quote.",
            responses = @ApiResponse(responseCode = "200", description = "CSV",
                    content = @Content(mediaType = CSV, schema = @Schema(type = "string"))))
    void csv(@RequestParam(required = false) String actor, @RequestParam(required = false) String team,
             @RequestParam(required = false) String action, @RequestParam(required = false) String target,
             @RequestParam(required = false) String from, @RequestParam(required = false) String to,
             HttpServletResponse response) throws IOException {
        AuditFilter filter = filter(actor, team, action, target, from, to);
        audit.list(filter, 0, 1); // refuses non-admins before anything is written
        response.setContentType(CSV + ";charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"linkport-audit.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        audit.exportCsv(filter, out);
        out.flush();
    }

    private static AuditFilter filter(String actor, String team, String action, String target, String from,
                                      String to) {
        List<FieldError> errors = new ArrayList<>();
        for (var text : List.of(Map.entry("actor", nz(actor)), Map.entry("team", nz(team)),
                Map.entry("action", nz(action)), Map.entry("target", nz(target)))) {
            if (text.getValue().length() > 100) {
                errors.add(new FieldError(text.getKey(), "At most 100 characters"));
            }
        }
        Instant fromInstant = instant("from", from, errors);
        Instant toInstant = instant("to", to, errors);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            errors.add(new FieldError("to", "Must be after from"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new AuditFilter(actor, team, action, target, fromInstant, toInstant);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static Instant instant(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "An ISO-8601 instant, e.g. 2026-11-30T00:00:00Z"));
            return null;
        }
    }
}
