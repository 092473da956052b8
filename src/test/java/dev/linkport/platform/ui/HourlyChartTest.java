package dev.linkport.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class HourlyChartTest {

    static final Instant START = Instant.parse("2026-11-29T12:00:00Z");

    static List<Instant> hours(int n) {
        List<Instant> hours = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            hours.add(START.plus(Duration.ofHours(i)));
        }
        return hours;
    }

    static List<Double> values(int n, int... at) {
        List<Double> values = new ArrayList<>(Collections.nCopies(n, 0.0));
        for (int i = 0; i + 1 < at.length; i += 2) {
            values.set(at[i], (double) at[i + 1]);
        }
        return values;
    }

    /** Parses the SVG as XML: whatever the chart writes must be well-formed. */
    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static NodeList nodes(Document doc, String xpath) throws Exception {
        return (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET);
    }

    @Test
    void stackedBarsDrawOneRectPerSeriesAndHourWithAValueStackedOnEachOther() throws Exception {
        HourlyChart chart = HourlyChart.of("requests-chart", "Requests per hour", hours(24))
                .description("What happened to requests")
                .yAxis("Requests", v -> String.valueOf(Math.round(v)), true)
                .series("approved", "Approved", "--linkport-chart-approved", values(24, 3, 2, 23, 1))
                .series("failed", "Failed", "--linkport-chart-failed", values(24, 3, 1));

        Document svg = parse(chart.svg());

        NodeList bars = nodes(svg, "//rect[contains(@class, 'bar ')]");
        assertThat(bars.getLength()).isEqualTo(3);
        Element approved = (Element) nodes(svg, "//rect[@data-series='approved' and @data-hour='15:00']").item(0);
        Element failed = (Element) nodes(svg, "//rect[@data-series='failed' and @data-hour='15:00']").item(0);
        assertThat(approved.getAttribute("data-value")).isEqualTo("2");
        assertThat(approved.getAttribute("style")).isEqualTo("fill: var(--linkport-chart-approved)");
        // the failed bar sits on top of the approved one, half as tall
        double approvedTop = Double.parseDouble(approved.getAttribute("y"));
        double failedBottom = Double.parseDouble(failed.getAttribute("y")) + Double.parseDouble(failed.getAttribute("height"));
        assertThat(failedBottom).isCloseTo(approvedTop, org.assertj.core.data.Offset.offset(0.15));
        assertThat(Double.parseDouble(failed.getAttribute("height")))
                .isCloseTo(Double.parseDouble(approved.getAttribute("height")) / 2, org.assertj.core.data.Offset.offset(0.15));
        assertThat(approved.getTextContent()).isEqualTo("15:00–16:00 UTC, Approved: 2");
        assertThat(nodes(svg, "//rect[@data-hour='11:00']").getLength()).isEqualTo(1); // the 24th hour, next day
    }

    @Test
    void theChartHasAnAccessibleTitleAndDescriptionAxisLabelsHoursAndALegend() throws Exception {
        Document svg = parse(HourlyChart.of("requests-chart", "Requests per hour", hours(24))
                .description("What happened to requests")
                .yAxis("Requests", v -> String.valueOf(Math.round(v)), true)
                .series("approved", "Approved", "--linkport-chart-approved", values(24, 0, 7))
                .series("rejected", "Rejected", "--linkport-chart-rejected", values(24, 1, 1))
                .svg());

        Element root = svg.getDocumentElement();
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-labelledby")).isEqualTo("requests-chart-title requests-chart-desc");
        assertThat(nodes(svg, "/svg/title[@id='requests-chart-title']").item(0).getTextContent())
                .isEqualTo("Requests per hour");
        assertThat(nodes(svg, "/svg/desc[@id='requests-chart-desc']").item(0).getTextContent())
                .isEqualTo("What happened to requests");
        assertThat(texts(svg, "x-label")).containsExactly("12:00", "15:00", "18:00", "21:00", "00:00", "03:00",
                "06:00", "09:00", "11:00");
        // 7 at most: grid lines at whole numbers, 2 apart, up to 8
        assertThat(texts(svg, "y-label")).containsExactly("0", "2", "4", "6", "8");
        assertThat(texts(svg, "y-title")).containsExactly("Requests");
        assertThat(texts(svg, "x-title")).containsExactly("Hour (UTC)");
        assertThat(texts(svg, "legend-label")).containsExactly("Approved", "Rejected");
        assertThat(texts(svg, "chart-title")).containsExactly("Requests per hour");
    }

    @Test
    void aLineLeavesHoursWithoutAValueOutAndDrawsAPointForEachValue() throws Exception {
        List<Double> medians = new ArrayList<>(Collections.nCopies(24, Double.NaN));
        medians.set(2, 30.0);
        medians.set(3, 90.0);
        medians.set(10, 0.0); // an automatic approval: a value, at zero
        Document svg = parse(HourlyChart.of("decision-chart", "Time to decision", hours(24)).line()
                .yAxis("Median (seconds)", v -> Math.round(v) + " s", false)
                .series("median", "Median", "--linkport-chart-decision", medians).svg());

        assertThat(nodes(svg, "//circle[@data-series='median']").getLength()).isEqualTo(3);
        NodeList lines = nodes(svg, "//polyline");
        assertThat(lines.getLength()).isEqualTo(1); // 14:00–15:00 joined; 22:00 stands alone
        assertThat(((Element) lines.item(0)).getAttribute("points").split(" ")).hasSize(2);
        assertThat(nodes(svg, "//circle[@data-hour='15:00']/title").item(0).getTextContent())
                .isEqualTo("15:00–16:00 UTC, Median: 90 s");
        assertThat(svg.getDocumentElement().getAttribute("class")).isEqualTo("hourly-chart");
    }

    @Test
    void textFromOutsideIsEscapedSoItCannotAddMarkup() throws Exception {
        String svg = HourlyChart.of("evil-chart", "Title </title><script>alert(1)</script>", hours(3))
                .description("\"quoted\" & 'single' <b>")
                .yAxis("<y>", v -> "<" + Math.round(v) + ">", true)
                .series("evil", "<img src=x onerror=alert(1)>", "red;} body{display:none", values(3, 1, 4))
                .svg();

        assertThat(svg).doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>").doesNotContain("<y>")
                .doesNotContain("{");
        Document doc = parse(svg);
        assertThat(nodes(doc, "/svg/title").item(0).getTextContent())
                .isEqualTo("Title </title><script>alert(1)</script>");
        assertThat(nodes(doc, "/svg/desc").item(0).getTextContent()).isEqualTo("\"quoted\" & 'single' <b>");
        assertThat(texts(doc, "legend-label")).containsExactly("<img src=x onerror=alert(1)>");
        assertThatThrownBy(() -> HourlyChart.of("x\" onload=\"alert(1)", "t", hours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutAnyValueTheChartSaysSoInsteadOfDrawingEmptyAxes() throws Exception {
        HourlyChart chart = HourlyChart.of("requests-chart", "Requests per hour", hours(24))
                .description("What happened to requests")
                .series("approved", "Approved", "--linkport-chart-approved", values(24))
                .emptyText("No requests in the last 24 hours");

        assertThat(chart.empty()).isTrue();
        Document svg = parse(chart.svg());
        assertThat(svg.getDocumentElement().getAttribute("class")).isEqualTo("hourly-chart empty");
        assertThat(texts(svg, "chart-empty")).containsExactly("No requests in the last 24 hours");
        assertThat(nodes(svg, "//rect[contains(@class, 'bar ')]").getLength()).isZero();
        assertThat(nodes(svg, "/svg/title").item(0).getTextContent()).isEqualTo("Requests per hour");
        assertThat(HourlyChart.of("line-chart", "Line", hours(2)).line()
                .series("m", "M", "--c", List.of(Double.NaN, Double.NaN)).empty()).isTrue();
    }

    @Test
    void aSeriesNeedsOneValuePerHour() {
        assertThatThrownBy(() -> HourlyChart.of("c", "t", hours(24)).series("a", "A", "--c", values(23)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("23 values for 24 hours");
    }

    @Test
    void gridStepsAreRoundNumbers() {
        assertThat(HourlyChart.niceStep(0.3)).isEqualTo(0.5);
        assertThat(HourlyChart.niceStep(1.6)).isEqualTo(2);
        assertThat(HourlyChart.niceStep(2.2)).isEqualTo(2.5);
        assertThat(HourlyChart.niceStep(30)).isEqualTo(50);
        assertThat(HourlyChart.niceStep(0)).isEqualTo(1);
    }

    private static List<String> texts(Document doc, String cssClass) throws Exception {
        NodeList found = nodes(doc, "//text[contains(concat(' ', @class, ' '), ' " + cssClass + " ')]");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < found.getLength(); i++) {
            out.add(found.item(i).getTextContent());
        }
        return out;
    }
}
