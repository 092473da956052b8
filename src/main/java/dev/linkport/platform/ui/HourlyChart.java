package dev.linkport.platform.ui;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.DoubleFunction;

/**
 * A chart of values per hour as SVG text, drawn on the server (no charting add-on, no JavaScript): stacked bars
 * (counts by kind) or a line with points (a measure that hours may lack). It has a title and description for
 * screen readers ({@code role="img"}, {@code aria-labelledby}), a y axis with labelled grid lines, hour labels
 * (UTC), a legend, and an empty state when there is nothing to show. Colours are CSS variables (from
 * {@code styles.css}), so the chart follows the page's theme. Every text is escaped.
 *
 * <p>Each bar and point carries {@code data-series}, {@code data-hour} and {@code data-value}, and a tooltip
 * ({@code <title>}) with the same facts in words.
 */
public final class HourlyChart {

    /** How the series are drawn. */
    public enum Style { STACKED_BARS, LINE }

    /**
     * One series: its values per hour, in the order of the chart's hours ({@code NaN} where an hour has none).
     *
     * @param key    a short name for {@code data-series} and CSS classes ({@code approved})
     * @param label  the legend's words
     * @param colour a CSS variable name ({@code --linkport-chart-approved}) or colour
     */
    public record Series(String key, String label, String colour, List<Double> values) {
    }

    static final int WIDTH = 640;
    static final int HEIGHT = 280;
    static final int LEFT = 60;
    static final int RIGHT = 12;
    static final int TOP = 60;
    static final int BOTTOM = 46;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private final String id;
    private final String title;
    private final List<Instant> hours;
    private final List<Series> series = new ArrayList<>();
    private String description = "";
    private Style style = Style.STACKED_BARS;
    private String yAxisLabel = "";
    private DoubleFunction<String> format = v -> String.valueOf(Math.round(v));
    private boolean wholeNumbers = true;
    private String emptyText = "Nothing to show";
    private DateTimeFormatter label = HOUR;
    private String xTitle = "Hour (UTC)";
    private long stepSeconds = 3600;

    private HourlyChart(String id, String title, List<Instant> hours) {
        if (!id.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("A chart id is lower case with dashes: " + id);
        }
        this.id = id;
        this.title = Objects.requireNonNull(title);
        this.hours = List.copyOf(hours);
    }

    /** A chart with this element id prefix and title, over these hours (oldest first). */
    public static HourlyChart of(String id, String title, List<Instant> hours) {
        return new HourlyChart(id, title, hours);
    }

    /** What the chart shows, for screen readers. */
    public HourlyChart description(String text) {
        this.description = Objects.requireNonNull(text);
        return this;
    }

    /** Draws a line with points instead of stacked bars. */
    public HourlyChart line() {
        this.style = Style.LINE;
        return this;
    }

    /**
     * The y axis's title and how its values read (also in tooltips).
     *
     * @param wholeNumbers whether values are counts (grid lines then fall on whole numbers)
     */
    public HourlyChart yAxis(String label, DoubleFunction<String> format, boolean wholeNumbers) {
        this.yAxisLabel = Objects.requireNonNull(label);
        this.format = Objects.requireNonNull(format);
        this.wholeNumbers = wholeNumbers;
        return this;
    }

    /** Adds a series; it needs one value per hour. */
    public HourlyChart series(String key, String label, String colour, List<Double> values) {
        if (values.size() != hours.size()) {
            throw new IllegalArgumentException("Series " + key + " has " + values.size() + " values for "
                    + hours.size() + " hours");
        }
        if (!key.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("A series key is lower case with dashes: " + key);
        }
        series.add(new Series(key, label, colour, List.copyOf(values)));
        return this;
    }

    /**
     * Periods of a day instead of an hour: the x axis reads dates ({@code MM-dd}, UTC) and tooltips span days, for
     * the same chart over the last weeks.
     */
    public HourlyChart daily() {
        this.label = DateTimeFormatter.ofPattern("MM-dd").withZone(ZoneOffset.UTC);
        this.xTitle = "Day (UTC)";
        this.stepSeconds = 86_400;
        return this;
    }

    /** What the chart says when it is {@link #empty()}. */
    public HourlyChart emptyText(String text) {
        this.emptyText = Objects.requireNonNull(text);
        return this;
    }

    /** Whether there is nothing to draw: bars without a value above zero, or a line without any value. */
    public boolean empty() {
        return series.stream().flatMap(s -> s.values().stream())
                .noneMatch(v -> !Double.isNaN(v) && (v > 0 || style == Style.LINE));
    }

    /** The chart as one {@code <svg>} element. */
    public String svg() {
        StringBuilder out = new StringBuilder(8192);
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"100%\" role=\"img\" class=\"hourly-chart").append(empty() ? " empty" : "")
                .append("\" id=\"").append(id).append("\" aria-labelledby=\"").append(id).append("-title ")
                .append(id).append("-desc\">");
        out.append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>");
        out.append("<desc id=\"").append(id).append("-desc\">").append(escape(description)).append("</desc>");
        // the title once more, to be seen (screen readers have it already)
        out.append("<text class=\"chart-title\" aria-hidden=\"true\" x=\"4\" y=\"18\" style=\"fill: ")
                .append("var(--lumo-header-text-color, #222); font-family: inherit; font-size: 16px; font-weight: 600\">")
                .append(escape(title)).append("</text>");
        if (empty()) {
            out.append("<rect class=\"chart-frame\" x=\"0.5\" y=\"0.5\" width=\"").append(WIDTH - 1)
                    .append("\" height=\"").append(HEIGHT - 1)
                    .append("\" rx=\"6\" style=\"fill: none; stroke: var(--lumo-contrast-20pct, #ccc)\"/>");
            out.append("<text class=\"chart-empty\" x=\"").append(WIDTH / 2).append("\" y=\"").append(HEIGHT / 2)
                    .append("\" text-anchor=\"middle\" dominant-baseline=\"middle\" style=\"")
                    .append(TEXT_STYLE).append("; font-size: 15px\">").append(escape(emptyText)).append("</text>");
            return out.append("</svg>").toString();
        }
        Scale scale = scale();
        axes(out, scale);
        if (style == Style.STACKED_BARS) {
            bars(out, scale);
        } else {
            lines(out, scale);
        }
        legend(out);
        return out.append("</svg>").toString();
    }

    private static final String TEXT_STYLE = "fill: var(--lumo-secondary-text-color, #555); font-family: inherit";

    /** The y axis: from 0 to {@code max} in {@code step}s. */
    record Scale(double max, double step) {
    }

    Scale scale() {
        double top = 0;
        for (int h = 0; h < hours.size(); h++) {
            double sum = 0;
            for (Series s : series) {
                double v = s.values().get(h);
                if (!Double.isNaN(v)) {
                    sum = style == Style.STACKED_BARS ? sum + Math.max(0, v) : Math.max(sum, v);
                }
            }
            top = Math.max(top, sum);
        }
        double step = niceStep(top / 4);
        if (wholeNumbers) {
            step = Math.max(1, Math.ceil(step));
        }
        double max = Math.max(step, Math.ceil(top / step) * step);
        return new Scale(max, step);
    }

    /** 1, 2, 2.5 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        if (!(raw > 0)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * power >= raw * 0.999999) {
                return m * power;
            }
        }
        return 10 * power;
    }

    private static int plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    private static int plotHeight() {
        return HEIGHT - TOP - BOTTOM;
    }

    private double y(double value, Scale scale) {
        return TOP + plotHeight() * (1 - value / scale.max());
    }

    private double slot() {
        return (double) plotWidth() / Math.max(1, hours.size());
    }

    private void axes(StringBuilder out, Scale scale) {
        out.append("<g class=\"axes\">");
        int ticks = (int) Math.round(scale.max() / scale.step());
        for (int i = 0; i <= ticks; i++) {
            double value = i * scale.step();
            double y = y(value, scale);
            out.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(num(y)).append("\" y2=\"").append(num(y))
                    .append("\" style=\"stroke: var(--lumo-contrast-10pct, #e5e5e5)\"/>");
            out.append("<text class=\"y-label\" x=\"").append(LEFT - 6).append("\" y=\"").append(num(y + 4))
                    .append("\" text-anchor=\"end\" style=\"").append(TEXT_STYLE).append("; font-size: 12px\">")
                    .append(escape(format.apply(value))).append("</text>");
        }
        out.append("<text class=\"y-title\" transform=\"translate(14 ").append(TOP + plotHeight() / 2)
                .append(") rotate(-90)\" text-anchor=\"middle\" style=\"").append(TEXT_STYLE)
                .append("; font-size: 12px\">").append(escape(yAxisLabel)).append("</text>");
        out.append("<line class=\"x-axis\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                .append("\" y1=\"").append(TOP + plotHeight()).append("\" y2=\"").append(TOP + plotHeight())
                .append("\" style=\"stroke: var(--lumo-contrast-50pct, #888)\"/>");
        for (int h = 0; h < hours.size(); h++) {
            if (h % 3 != 0 && h != hours.size() - 1) {
                continue;
            }
            double x = LEFT + slot() * (h + 0.5);
            out.append("<text class=\"x-label\" x=\"").append(num(x)).append("\" y=\"").append(TOP + plotHeight() + 15)
                    .append("\" text-anchor=\"middle\" style=\"").append(TEXT_STYLE).append("; font-size: 12px\">")
                    .append(label.format(hours.get(h))).append("</text>");
        }
        out.append("<text class=\"x-title\" x=\"").append(LEFT + plotWidth() / 2).append("\" y=\"").append(HEIGHT - 6)
                .append("\" text-anchor=\"middle\" style=\"").append(TEXT_STYLE)
                .append("; font-size: 12px\">").append(escape(xTitle)).append("</text>");
        out.append("</g>");
    }

    private void bars(StringBuilder out, Scale scale) {
        double width = Math.max(1, slot() * 0.7);
        out.append("<g class=\"bars\">");
        for (int h = 0; h < hours.size(); h++) {
            double x = LEFT + slot() * h + (slot() - width) / 2;
            double base = 0;
            for (Series s : series) {
                double v = s.values().get(h);
                if (Double.isNaN(v) || v <= 0) {
                    continue;
                }
                double top = y(base + v, scale);
                double height = y(base, scale) - top;
                out.append("<rect class=\"bar bar-").append(s.key()).append("\" data-series=\"").append(s.key())
                        .append("\" data-hour=\"").append(label.format(hours.get(h))).append("\" data-value=\"")
                        .append(num(v)).append("\" x=\"").append(num(x)).append("\" y=\"").append(num(top))
                        .append("\" width=\"").append(num(width)).append("\" height=\"").append(num(height))
                        .append("\" style=\"fill: ").append(colour(s)).append("\"><title>")
                        .append(escape(tooltip(h, s, v))).append("</title></rect>");
                base += v;
            }
        }
        out.append("</g>");
    }

    private void lines(StringBuilder out, Scale scale) {
        out.append("<g class=\"lines\">");
        for (Series s : series) {
            StringBuilder segment = new StringBuilder();
            int points = 0;
            for (int h = 0; h <= hours.size(); h++) {
                double v = h < hours.size() ? s.values().get(h) : Double.NaN;
                if (Double.isNaN(v)) { // an hour without a value breaks the line; a lone point stays a point
                    if (points > 1) {
                        out.append("<polyline class=\"line line-").append(s.key()).append("\" points=\"")
                                .append(segment.toString().trim()).append("\" style=\"fill: none; stroke: ")
                                .append(colour(s)).append("; stroke-width: 2\"/>");
                    }
                    segment.setLength(0);
                    points = 0;
                    continue;
                }
                points++;
                segment.append(num(LEFT + slot() * (h + 0.5))).append(',').append(num(y(v, scale))).append(' ');
            }
            for (int h = 0; h < hours.size(); h++) {
                double v = s.values().get(h);
                if (Double.isNaN(v)) {
                    continue;
                }
                out.append("<circle class=\"point point-").append(s.key()).append("\" data-series=\"").append(s.key())
                        .append("\" data-hour=\"").append(label.format(hours.get(h))).append("\" data-value=\"")
                        .append(num(v)).append("\" cx=\"").append(num(LEFT + slot() * (h + 0.5))).append("\" cy=\"")
                        .append(num(y(v, scale))).append("\" r=\"3.5\" style=\"fill: ").append(colour(s))
                        .append("\"><title>").append(escape(tooltip(h, s, v))).append("</title></circle>");
            }
        }
        out.append("</g>");
    }

    private void legend(StringBuilder out) {
        out.append("<g class=\"legend\">");
        double x = 4;
        for (Series s : series) {
            out.append("<rect class=\"legend-key\" x=\"").append(num(x)).append("\" y=\"30\" width=\"12\" height=\"12\" rx=\"2\" style=\"fill: ")
                    .append(colour(s)).append("\"/>");
            out.append("<text class=\"legend-label\" x=\"").append(num(x + 17)).append("\" y=\"40.5\" style=\"")
                    .append(TEXT_STYLE).append("; font-size: 13px\">").append(escape(s.label())).append("</text>");
            x += 17 + 7 * s.label().length() + 16;
        }
        out.append("</g>");
    }

    private String tooltip(int hour, Series s, double value) {
        return label.format(hours.get(hour)) + "–" + label.format(hours.get(hour).plusSeconds(stepSeconds)) + " UTC, "
                + s.label() + ": " + format.apply(value);
    }

    /** A CSS variable as {@code var(--name)}; anything else as it is, with characters that could end the style removed. */
    private static String colour(Series s) {
        String c = s.colour().replaceAll("[^A-Za-z0-9#(),.% -]", "");
        return c.startsWith("--") ? "var(" + c + ")" : c;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v).replace(".0", "");
    }

    /** Text and attribute values safe inside SVG (XML). */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
