package dev.linkport.audit.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.linkport.audit.service.AuditQueryService;
import dev.linkport.audit.service.AuditQueryService.AuditEventView;
import dev.linkport.audit.service.AuditQueryService.AuditFilter;
import dev.linkport.platform.ui.ViewHeader;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The audit log, newest first, with filters (platform admins). */
@Route("audit")
@PageTitle("Audit · Linkport")
@RolesAllowed("ADMIN")
public class AuditView extends VerticalLayout {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneId.of("UTC"));

    private final TextField actor = filterField("Actor");
    private final TextField action = filterField("Action");
    private final TextField target = filterField("Target");

    public AuditView(AuditQueryService audit) {
        addClassName("audit-view");
        setSizeFull();
        add(new ViewHeader("Audit", "Every decision and change in Linkport: who did what to which thing, when and why."));

        Grid<AuditEventView> grid = new Grid<>(AuditEventView.class, false);
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(e -> TIME.format(e.occurredAt())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEventView::actorName).setHeader("Actor").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEventView::action).setHeader("Action").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.targetType() + " " + (e.targetLabel() != null ? e.targetLabel() : e.targetId()))
                .setHeader("Target").setFlexGrow(2);
        grid.addColumn(e -> change(e)).setHeader("Change").setFlexGrow(3);
        grid.addColumn(AuditEventView::reason).setHeader("Reason").setFlexGrow(2);
        grid.setEmptyStateText("No audit events match these filters.");

        CallbackDataProvider<AuditEventView, AuditFilter> provider = new CallbackDataProvider<>(
                q -> audit.list(q.getFilter().orElse(AuditFilter.none()), q.getOffset(), q.getLimit()).stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, audit.count(q.getFilter().orElse(AuditFilter.none()))));
        ConfigurableFilterDataProvider<AuditEventView, Void, AuditFilter> filtered = provider.withConfigurableFilter();
        grid.setItems(filtered);
        Runnable refilter = () -> filtered.setFilter(new AuditFilter(actor.getValue(), action.getValue(),
                target.getValue(), null, null));
        actor.addValueChangeListener(e -> refilter.run());
        action.addValueChangeListener(e -> refilter.run());
        target.addValueChangeListener(e -> refilter.run());

        add(new HorizontalLayout(actor, action, target), grid);
        setFlexGrow(1, grid);
    }

    private static String change(AuditEventView e) {
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
        return field;
    }
}
