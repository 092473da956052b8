package dev.linkport.audit.ui;

import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import dev.linkport.audit.service.AuditQueryService;
import dev.linkport.audit.service.AuditQueryService.AuditFilter;
import dev.linkport.audit.service.AuditQueryService.AuditRow;
import dev.linkport.platform.ui.ViewHeader;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The audit log, newest first, with filters, pages loaded as the grid scrolls (never the whole log), a
 * capped count of the lines matching, and CSV export (platform admins).
 */
@Route("audit")
@PageTitle("Audit · Linkport")
@RolesAllowed("ADMIN")
public class AuditView extends VerticalLayout {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneId.of("UTC"));

    private final TextField actor = filterField("Actor");
    private final TextField team = filterField("Team");
    private final TextField action = filterField("Action");
    private final TextField target = filterField("Target");
    private final DateTimePicker from = new DateTimePicker("From (UTC)");
    private final DateTimePicker to = new DateTimePicker("Until (UTC)");
    /** The filter shown, read by the export (which runs outside the UI lock). */
    private final AtomicReference<AuditFilter> current = new AtomicReference<>(AuditFilter.none());
    private final Span matching = new Span();

    public AuditView(AuditQueryService audit) {
        addClassName("audit-view");
        setSizeFull();
        add(new ViewHeader("Audit", "Every decision and change in Linkport: who did what to which thing, when and why."));

        Grid<AuditRow> grid = new Grid<>(AuditRow.class, false);
        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(e -> TIME.format(e.occurredAt())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditRow::actorName).setHeader("Actor").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditRow::action).setHeader("Action").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.targetType() + " " + (e.targetLabel() != null ? e.targetLabel() : e.targetId()))
                .setHeader("Target").setFlexGrow(2);
        grid.addColumn(e -> change(e)).setHeader("Change").setFlexGrow(3);
        grid.addColumn(AuditRow::reason).setHeader("Reason").setFlexGrow(2);
        grid.setEmptyStateText("No audit events match these filters.");

        // no count query per scroll: the grid loads pages as it scrolls; the line above it says how many match
        grid.setItems(query -> audit.list(current.get(), query.getOffset(), query.getLimit()).stream());
        matching.setId("audit-matching");
        matching.addClassName("hint");
        Runnable refilter = () -> {
            current.set(new AuditFilter(actor.getValue(), team.getValue(), action.getValue(), target.getValue(),
                    utc(from.getValue()), utc(to.getValue())));
            grid.getDataProvider().refreshAll();
            matching.setText(matching(audit.count(current.get())));
        };
        for (TextField field : new TextField[] {actor, team, action, target}) {
            field.addValueChangeListener(e -> refilter.run());
        }
        from.addValueChangeListener(e -> refilter.run());
        to.addValueChangeListener(e -> refilter.run());
        matching.setText(matching(audit.count(current.get())));
        from.setStep(java.time.Duration.ofMinutes(15));
        to.setStep(java.time.Duration.ofMinutes(15));

        // The security context of the download request is the signed-in admin's; the service checks it again.
        Anchor export = new Anchor(csv(audit), "");
        export.add(VaadinIcon.DOWNLOAD_ALT.create());
        export.add(" Export CSV");
        export.setId("audit-export");
        export.addClassName("audit-export");
        export.getElement().setAttribute("title", "Download every line matching the filters as CSV");

        HorizontalLayout filters = new HorizontalLayout(actor, team, action, target, from, to, export);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        add(filters, matching, grid);
        setFlexGrow(1, grid);
    }

    private DownloadHandler csv(AuditQueryService audit) {
        return event -> {
            event.setFileName("linkport-audit-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                    .withZone(ZoneOffset.UTC).format(Instant.now()) + ".csv");
            event.setContentType("text/csv; charset=utf-8");
            Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8);
            audit.exportCsv(current.get(), out);
            out.flush();
        };
    }

    private static Instant utc(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    /** "1 line", "2,345 lines", or "More than 10,000 lines" when the count stopped at its cap. */
    static String matching(long count) {
        if (count > AuditQueryService.COUNT_CAP) {
            return String.format(Locale.ROOT, "More than %,d lines match", AuditQueryService.COUNT_CAP);
        }
        return String.format(Locale.ROOT, "%,d %s", count, count == 1 ? "line matches" : "lines match");
    }

    private static String change(AuditRow e) {
        if (e.before() == null && e.after() == null) {
            return "";
        }
        return (e.before() == null ? "—" : e.before()) + " → " + (e.after() == null ? "—" : e.after());
    }

    private static TextField filterField(String label) {
        TextField field = new TextField(label);
        field.setClearButtonVisible(true);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.setPlaceholder("contains…");
        field.setWidth("11em");
        field.setId("audit-filter-" + label.toLowerCase(Locale.ROOT));
        return field;
    }
}
