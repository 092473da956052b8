package dev.linkport.notification.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.linkport.notification.service.DeliveryLogService;
import dev.linkport.notification.service.DeliveryRow;
import dev.linkport.platform.ui.EmptyState;
import dev.linkport.platform.ui.StateBadge;
import dev.linkport.platform.ui.ViewHeader;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The delivery log for platform admins: every e-mail and webhook call, newest first, with its attempts, what the
 * target last answered, and when it was delivered. Loads lazily, a page at a time.
 */
@Route("notification-deliveries")
@PageTitle("Notification deliveries · Linkport")
@RolesAllowed("ADMIN")
public class DeliveryLogView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneId.of("UTC"));

    public DeliveryLogView(DeliveryLogService log) {
        addClassName("delivery-log-view");
        setSizeFull();
        add(new ViewHeader("Notification deliveries", "Every e-mail and webhook call Linkport made, newest first. "
                + "Failures worth another try (5xx, 429, time-outs) are retried with backoff; the others are "
                + "given up at once."));
        long count = log.count();
        if (count == 0) {
            add(new EmptyState("No deliveries yet",
                    "E-mails go out once a mail server is configured (spring.mail.host) and people keep e-mail on; "
                            + "webhook calls once a team owner adds a webhook on Notification settings. Each "
                            + "appears here with its attempts and errors.",
                    new Anchor("notification-settings", "Open notification settings")));
            return;
        }
        Grid<DeliveryRow> grid = new Grid<>(DeliveryRow.class, false);
        grid.setId("delivery-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.addColumn(d -> time(d.occurredAt())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(d -> d.channel().name().toLowerCase()).setHeader("Channel").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(DeliveryRow::target).setHeader("Target").setFlexGrow(2);
        grid.addColumn(LitRenderer.<DeliveryRow>of("""
                        <div class="two-line-cell"><span>${item.title}</span>\\
                        <span class="cell-subtitle">${item.kind}</span></div>""")
                        .withProperty("title", DeliveryRow::title)
                        .withProperty("kind", d -> d.kind().name()))
                .setHeader("Event").setFlexGrow(3);
        grid.addComponentColumn(d -> new StateBadge(d.status())).setHeader("Status").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(DeliveryRow::attempts).setHeader("Attempts").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(d -> d.lastError() != null ? (d.lastStatus() == null ? "" : d.lastStatus() + " · ") + d.lastError()
                        : d.lastStatus() == null ? "" : d.lastStatus())
                .setHeader("Last answer").setFlexGrow(2);
        grid.addColumn(d -> time(d.deliveredAt())).setHeader("Delivered").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(q -> log.newest(q.getOffset(), q.getLimit()).stream(), q -> (int) log.count());
        add(grid);
        setFlexGrow(1, grid);
    }

    private static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }
}
