package dev.linkport.worker.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.aws.ratelimit.ApiBucket;
import dev.linkport.worker.RequestStatistics.HourlyDecisions;
import dev.linkport.worker.RequestStatistics.HourlyOutcomes;
import dev.linkport.worker.service.OperationsActivity.Last24Hours;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivityChartsTest {

    @Test
    void decisionTimesUnderASecondAreLabelledInMillisecondsNotAsRowsOfZeroSeconds() {
        String svg = ActivityCharts.decisionTimes(lastDayWithMedian(Duration.ofMillis(40))).svg();

        assertThat(svg).contains("Median (milliseconds)").contains("40 ms").doesNotContain("0.0 s");
    }

    @Test
    void decisionTimesOfMinutesAreLabelledInMinutes() {
        String svg = ActivityCharts.decisionTimes(lastDayWithMedian(Duration.ofMinutes(30))).svg();

        assertThat(svg).contains("Median (minutes)").contains("30 min");
    }

    private static Last24Hours lastDayWithMedian(Duration median) {
        Instant now = Instant.parse("2026-11-30T12:00:00Z");
        List<Instant> hours = new ArrayList<>();
        List<HourlyOutcomes> outcomes = new ArrayList<>();
        List<HourlyDecisions> decisions = new ArrayList<>();
        for (int h = 23; h >= 0; h--) {
            Instant hour = now.minus(h, ChronoUnit.HOURS);
            hours.add(hour);
            outcomes.add(new HourlyOutcomes(hour, h == 0 ? 1 : 0, 0, 0, 0));
            decisions.add(h == 0 ? new HourlyDecisions(hour, 1, median, median) : null);
        }
        Map<ApiBucket, List<Long>> throttles = new EnumMap<>(ApiBucket.class);
        for (ApiBucket bucket : ApiBucket.values()) {
            Long[] zeros = new Long[24];
            Arrays.fill(zeros, 0L);
            throttles.put(bucket, List.of(zeros));
        }
        return new Last24Hours(hours, outcomes, decisions, throttles);
    }
}
