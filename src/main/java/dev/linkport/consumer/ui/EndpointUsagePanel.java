package dev.linkport.consumer.ui;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import dev.linkport.consumer.service.EndpointUsage;
import dev.linkport.consumer.service.EndpointUsageService;
import dev.linkport.consumer.service.UsageWindow;
import dev.linkport.platform.ui.Background;
import dev.linkport.platform.ui.HourlyChart;
import java.util.Locale;
import java.util.UUID;

/**
 * An endpoint's usage from CloudWatch: bytes processed and new connections over the last 24 hours (hourly) or 30
 * days (daily) as server-side SVG charts, and its month-to-date cost. Read in the background with a progress bar;
 * says so when there is no traffic yet.
 */
class EndpointUsagePanel extends Div {

    private final UUID requestId;
    private final EndpointUsageService usage;
    private final Background background;
    private final Tab day = new Tab("24 hours");
    private final Tab month = new Tab("30 days");
    private final Div body = new Div();

    EndpointUsagePanel(UUID requestId, EndpointUsageService usage, Background background) {
        this.requestId = requestId;
        this.usage = usage;
        this.background = background;
        setId("endpoint-usage");
        addClassName("endpoint-usage");
        Tabs windows = new Tabs(day, month);
        windows.setId("usage-window");
        windows.addSelectedChangeListener(e -> load(e.getSelectedTab() == month ? UsageWindow.LAST_30_DAYS
                : UsageWindow.LAST_24_HOURS));
        body.setId("usage-body");
        add(new H4("Usage and cost"), windows, body);
        addAttachListener(e -> {
            if (e.isInitialAttach()) {
                load(UsageWindow.LAST_24_HOURS);
            }
        });
    }

    private void load(UsageWindow window) {
        body.removeAll();
        ProgressBar progress = new ProgressBar();
        progress.setIndeterminate(true);
        Span reading = new Span("Reading CloudWatch…");
        reading.setId("usage-loading");
        body.add(reading, progress);
        UI ui = UI.getCurrent();
        background.run(ui, () -> usage.endpointUsage(requestId, window), this::show, e -> {
            body.removeAll();
            Span failed = new Span("Could not read usage from CloudWatch: " + e.getMessage());
            failed.setId("usage-error");
            failed.addClassName("form-error");
            body.add(failed);
        });
    }

    private void show(EndpointUsage u) {
        body.removeAll();
        Div cost = new Div(new Span("Cost this month so far: "), bold("$" + u.monthToDateCost().toPlainString()),
                new Span(" (" + u.costExplanation() + ")"));
        cost.setId("usage-month-cost");
        cost.addClassName("cost-box");
        body.add(cost);
        boolean daily = u.window() == UsageWindow.LAST_30_DAYS;
        String when = daily ? "per day over the last 30 days" : "per hour over the last 24 hours";
        String noTraffic = u.vpcEndpointId() == null ? "No traffic yet: the endpoint is not in AWS yet"
                : "No traffic yet: nothing has gone through this endpoint " + (daily ? "in 30 days" : "in 24 hours");
        double max = u.bytes().stream().mapToLong(Long::longValue).max().orElse(0);
        boolean gb = max >= 10e9;
        double unit = gb ? 1e9 : 1e6;
        HourlyChart bytes = HourlyChart.of("usage-bytes", "Data processed " + when, u.periods())
                .description("Bytes processed through the endpoint in both directions (what AWS bills), " + when
                        + ", from CloudWatch's AWS/PrivateLinkEndpoints BytesProcessed.")
                .yAxis(gb ? "GB" : "MB", v -> String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.1f", v), false)
                .series("bytes", gb ? "GB processed" : "MB processed", "--linkport-chart-approved",
                        u.bytes().stream().map(b -> b / unit).toList())
                .emptyText(noTraffic);
        HourlyChart connections = HourlyChart.of("usage-connections", "New connections " + when, u.periods())
                .description("Connections opened through the endpoint, " + when + ", from CloudWatch's "
                        + "NewConnections.")
                .yAxis("Connections", v -> String.valueOf(Math.round(v)), true)
                .series("connections", "New connections", "--linkport-chart-available",
                        u.newConnections().stream().map(Long::doubleValue).toList())
                .emptyText(noTraffic);
        if (daily) {
            bytes.daily();
            connections.daily();
        }
        Span totals = new Span(String.format(Locale.ROOT, "%.3f GB and %,d new connections in this window",
                u.totalBytes() / 1e9, u.totalNewConnections()));
        totals.setId("usage-totals");
        body.add(totals, card(bytes), card(connections));
    }

    private static Svg card(HourlyChart chart) {
        Svg svg = new Svg(chart.svg());
        svg.addClassName("chart-card");
        return svg;
    }

    private static Span bold(String text) {
        Span span = new Span(text);
        span.getStyle().set("font-weight", "600");
        return span;
    }
}
