package dev.linkport.provider.ui;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.linkport.catalog.service.ListingService;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.consumer.service.EndpointUsageService;
import dev.linkport.consumer.service.ServiceUsage;
import dev.linkport.consumer.service.ServiceUsage.ConsumerTraffic;
import dev.linkport.consumer.service.UsageWindow;
import dev.linkport.platform.ForbiddenException;
import dev.linkport.platform.NotFoundException;
import dev.linkport.platform.ui.Background;
import dev.linkport.platform.ui.EmptyState;
import dev.linkport.platform.ui.HourlyChart;
import dev.linkport.platform.ui.ViewHeader;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A provider's view of who uses the service: bytes processed per consumer endpoint over 24 hours or 30 days, from
 * CloudWatch's {@code AWS/PrivateLinkServices} in the provider's account, as a stacked chart (the five busiest
 * consumers, the rest together) and a table. For the service's team and admins.
 */
@Route("services/:id/usage")
@PermitAll
public class ServiceUsageView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final int SHOWN = 5;
    private static final String[] COLOURS = {"--linkport-chart-available", "--linkport-chart-approved",
            "--linkport-chart-failed", "--linkport-chart-decision", "--linkport-chart-rejected"};

    private final ListingService listings;
    private final EndpointUsageService usage;
    private final Background background;
    private final Div body = new Div();
    private final Tab day = new Tab("24 hours");
    private final Tab month = new Tab("30 days");
    private UUID id;
    private String title = "Usage · Linkport";

    public ServiceUsageView(ListingService listings, EndpointUsageService usage, Background background) {
        this.listings = listings;
        this.usage = usage;
        this.background = background;
        addClassName("service-usage-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        ServiceDetail service;
        try {
            id = UUID.fromString(event.getRouteParameters().get("id").orElse(""));
            service = listings.detail(id);
            if (!service.canManage()) {
                throw new ForbiddenException("Only members of " + service.ownerTeam()
                        + " and platform admins see who uses " + service.name());
            }
        } catch (ForbiddenException e) {
            event.rerouteToError(AccessDeniedException.class, e.getMessage());
            return;
        } catch (IllegalArgumentException | NotFoundException e) {
            add(new EmptyState("No such service", "It does not exist, or it is not visible to your teams.",
                    new Button("My services", c -> getUI().ifPresent(ui -> ui.navigate("my-services")))));
            return;
        }
        title = "Usage · " + service.name() + " · Linkport";
        Button back = new Button("Back to the service", VaadinIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("services/" + id)));
        add(new ViewHeader("Usage of " + service.name(), "Data each consumer's endpoint exchanged with the service, "
                + "from CloudWatch (AWS/PrivateLinkServices) in the provider account. Endpoints in other regions "
                + "report no metrics in AWS.", back));
        Tabs windows = new Tabs(day, month);
        windows.setId("service-usage-window");
        windows.addSelectedChangeListener(e -> load(e.getSelectedTab() == month ? UsageWindow.LAST_30_DAYS
                : UsageWindow.LAST_24_HOURS));
        body.setId("service-usage");
        body.setWidthFull();
        add(windows, body);
        load(UsageWindow.LAST_24_HOURS);
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void load(UsageWindow window) {
        body.removeAll();
        ProgressBar progress = new ProgressBar();
        progress.setIndeterminate(true);
        body.add(new Span("Reading CloudWatch…"), progress);
        UUID service = id;
        background.run(UI.getCurrent(), () -> usage.serviceUsage(service, window), this::show, e -> {
            body.removeAll();
            Span failed = new Span("Could not read usage from CloudWatch: " + e.getMessage());
            failed.addClassName("form-error");
            body.add(failed);
        });
    }

    private void show(ServiceUsage u) {
        body.removeAll();
        if (u.consumers().isEmpty()) {
            body.add(new EmptyState("No consumers yet", "Once a team's endpoint to this service is available, its "
                    + "traffic shows here. Consumers request endpoints from the service's page in the catalog."));
            return;
        }
        boolean daily = u.window() == UsageWindow.LAST_30_DAYS;
        HourlyChart chart = HourlyChart.of("service-usage-bytes", "MB processed by consumer "
                        + (daily ? "per day" : "per hour"), u.periods())
                .description("Megabytes each consumer endpoint exchanged with the service, stacked, "
                        + (daily ? "per day over the last 30 days" : "per hour over the last 24 hours") + ".")
                .yAxis("MB", v -> String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.1f", v), false)
                .emptyText("No traffic yet: no consumer sent anything through the service in this window");
        List<ConsumerTraffic> consumers = u.consumers();
        for (int i = 0; i < Math.min(SHOWN, consumers.size()); i++) {
            ConsumerTraffic c = consumers.get(i);
            chart.series("consumer-" + i, c.consumerTeam() + " · " + c.vpcEndpointId(), COLOURS[i],
                    c.bytes().stream().map(b -> b / 1e6).toList());
        }
        if (consumers.size() > SHOWN) {
            List<Double> rest = new java.util.ArrayList<>(u.periods().stream().map(p -> 0.0).toList());
            consumers.subList(SHOWN, consumers.size()).forEach(c -> {
                for (int p = 0; p < rest.size(); p++) {
                    rest.set(p, rest.get(p) + c.bytes().get(p) / 1e6);
                }
            });
            chart.series("others", (consumers.size() - SHOWN) + " others", "--linkport-chart-describe", rest);
        }
        if (daily) {
            chart.daily();
        }
        Svg svg = new Svg(chart.svg());
        svg.addClassName("chart-card");
        Grid<ConsumerTraffic> grid = new Grid<>(ConsumerTraffic.class, false);
        grid.setId("service-usage-grid");
        grid.addColumn(ConsumerTraffic::consumerTeam).setHeader("Team").setAutoWidth(true);
        grid.addColumn(ConsumerTraffic::accountId).setHeader("Account").setAutoWidth(true);
        grid.addColumn(ConsumerTraffic::vpcEndpointId).setHeader("Endpoint").setAutoWidth(true);
        grid.addColumn(c -> String.format(Locale.ROOT, "%.3f GB", c.totalBytes() / 1e9)).setHeader("Data processed")
                .setAutoWidth(true);
        grid.addColumn(c -> String.format(Locale.ROOT, "%,d", c.totalNewConnections())).setHeader("New connections")
                .setAutoWidth(true);
        grid.setItems(consumers);
        grid.setAllRowsVisible(true);
        body.add(svg, grid);
    }
}
