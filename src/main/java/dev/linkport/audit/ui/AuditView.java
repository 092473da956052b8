package dev.linkport.audit.ui;

import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.ConfigurableFilterDataProvider;
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
import java.util.concurrent.atomic.AtomicReference;

/** The audit log, newest first, with filters, paging by scrolling, and CSV export (platform admins). */
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

    public AuditView(AuditQueryService audit) {
        addClassName("audit-view");
        setSizeFull();
        add(new ViewHeader("Audit", "Every decision and change in Linkport: who did what to which thing, when and why."));

        Grid<AuditRow> grid = new Grid<>(AuditRow.class, false);
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(e -> TIME.format(e.occurredAt())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditRow::actorName).setHeader("Actor").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditRow::action).setHeader("Action").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.targetType() + " " + (e.targetLabel() != null ? e.targetLabel() : e.targetId()))
                .setHeader("Target").setFlexGrow(2);
        grid.addColumn(e -> change(e)).setHeader("Change").setFlexGrow(3);
        grid.addColumn(AuditRow::reason).setHeader("Reason").setFlexGrow(2);
        grid.setEmptyStateText("No audit events match these filters.");

        CallbackDataProvider<AuditRow, AuditFilter> provider = new CallbackDataProvider<>(
                q -> audit.list(q.getFilter().orElse(AuditFilter.none()), q.getOffset(), q.getLimit()).stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, audit.count(q.getFilter().orElse(AuditFilter.none()))));
        ConfigurableFilterDataProvider<AuditRow, Void, AuditFilter> filtered = provider.withConfigurableFilter();
        grid.setItems(filtered);
        Runnable refilter = () -> {
            AuditFilter filter = new AuditFilter(actor.getValue(), team.getValue(), action.getValue(),
                    target.getValue(), utc(from.getValue()), utc(to.getValue()));
            current.set(filter);
            filtered.setFilter(filter);
        };
        for (TextField field : new TextField[] {actor, team, action, target}) {
            field.addValueChangeListener(e -> refilter.run());
        }
        from.addValueChangeListener(e -> refilter.run());
        to.addValueChangeListener(e -> refilter.run());
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
        add(filters, grid);
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
        return field;
    }
}
