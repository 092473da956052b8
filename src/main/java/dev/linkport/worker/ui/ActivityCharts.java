package dev.linkport.worker.ui;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.linkport.aws.ratelimit.ApiBucket;
import dev.linkport.worker.RequestStatistics.HourlyOutcomes;
import dev.linkport.platform.ui.HourlyChart;
import dev.linkport.worker.service.OperationsActivity;
import dev.linkport.worker.service.OperationsActivity.Last24Hours;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * The Operations page's charts of the last 24 hours: requests per hour by outcome, time to decision, AWS
 * throttles. Drawn on the server as SVG ({@link HourlyChart}); loaded when shown and on Refresh.
 */
class ActivityCharts extends VerticalLayout {

    private final OperationsActivity activity;
    private final Div charts = new Div();

    ActivityCharts(OperationsActivity activity) {
        this.activity = activity;
        addClassName("activity-charts");
        setPadding(false);
        Button reload = new Button("Refresh", e -> refresh());
        reload.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout bar = new HorizontalLayout(new H3("The last 24 hours, all instances"), reload);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        charts.addClassName("chart-grid");
        add(bar, charts);
    }

    /** Reads the last 24 hours again and redraws the charts. */
    void refresh() {
        Last24Hours last = activity.last24Hours();
        charts.removeAll();
        charts.add(card(requests(last)), card(decisionTimes(last)), card(throttles(last)));
    }

    private static Svg card(HourlyChart chart) {
        Svg svg = new Svg(chart.svg());
        svg.addClassName("chart-card");
        return svg;
    }

    static HourlyChart requests(Last24Hours last) {
        return HourlyChart.of("requests-chart", "Requests per hour by outcome", last.hours())
                .description("Endpoint requests approved, rejected, made available and failed in each of the last "
                        + "24 hours (UTC), stacked.")
                .yAxis("Requests", v -> String.valueOf(Math.round(v)), true)
                .series("approved", "Approved", "--linkport-chart-approved", counts(last, HourlyOutcomes::approved))
                .series("rejected", "Rejected", "--linkport-chart-rejected", counts(last, HourlyOutcomes::rejected))
                .series("available", "Available", "--linkport-chart-available",
                        counts(last, HourlyOutcomes::available))
                .series("failed", "Failed", "--linkport-chart-failed", counts(last, HourlyOutcomes::failed))
                .emptyText("No requests in the last 24 hours");
    }

    static HourlyChart decisionTimes(Last24Hours last) {
        double longest = last.decisions().stream().filter(d -> d != null)
                .mapToDouble(d -> d.median().toMillis() / 1000.0).max().orElse(0);
        Unit unit = longest >= 7200 ? new Unit("hours", "h", 3600)
                : longest >= 120 ? new Unit("minutes", "min", 60)
                : longest >= 1 ? new Unit("seconds", "s", 1) : new Unit("milliseconds", "ms", 0.001);
        List<Double> medians = last.decisions().stream()
                .map(d -> d == null ? Double.NaN : d.median().toMillis() / 1000.0 / unit.seconds()).toList();
        return HourlyChart.of("decision-chart", "Time to decision", last.hours())
                .description("Median time from a request's submission to its approval or rejection, for the "
                        + "decisions made in each of the last 24 hours (UTC); automatic approvals count at about zero.")
                .line()
                .yAxis("Median (" + unit.name() + ")", v -> format(v) + " " + unit.symbol(), false)
                .series("median", "Median time to decision", "--linkport-chart-decision", medians)
                .emptyText("No decisions in the last 24 hours");
    }

    static HourlyChart throttles(Last24Hours last) {
        HourlyChart chart = HourlyChart.of("throttles-chart", "AWS throttles per hour", last.hours())
                .description("How often AWS answered RequestLimitExceeded to Linkport in each of the last 24 hours "
                        + "(UTC), by group of actions, all accounts and instances together.")
                .yAxis("Throttles", v -> String.valueOf(Math.round(v)), true)
                .emptyText("AWS throttled nothing in the last 24 hours");
        for (ApiBucket bucket : ApiBucket.values()) {
            chart.series(bucket.name().toLowerCase(Locale.ROOT).replace('_', '-'), label(bucket),
                    "--linkport-chart-" + bucket.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    last.throttles().get(bucket).stream().map(Long::doubleValue).toList());
        }
        return chart;
    }

    private record Unit(String name, String symbol, double seconds) {
    }

    private static List<Double> counts(Last24Hours last, ToLongFunction<HourlyOutcomes> count) {
        return last.outcomes().stream().map(o -> (double) count.applyAsLong(o)).toList();
    }

    private static String format(double v) {
        return v >= 10 || v == Math.rint(v) ? String.valueOf(Math.round(v)) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String label(ApiBucket bucket) {
        return switch (bucket) {
            case VPC_ENDPOINTS -> "Endpoints";
            case ENDPOINT_SERVICE_CONFIGURATIONS -> "Endpoint services";
            case ENDPOINT_CONNECTIONS -> "Connections";
            case OTHER_MUTATING -> "Other changes";
            case DESCRIBE -> "Describe";
        };
    }
}
