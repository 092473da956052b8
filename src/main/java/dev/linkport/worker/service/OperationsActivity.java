package dev.linkport.worker.service;

import dev.linkport.aws.ratelimit.ApiBucket;
import dev.linkport.aws.ratelimit.ThrottleHistory;
import dev.linkport.aws.ratelimit.ThrottleHistory.HourlyThrottles;
import dev.linkport.identity.service.AccessPolicy;
import dev.linkport.worker.RequestStatistics;
import dev.linkport.worker.RequestStatistics.HourlyDecisions;
import dev.linkport.worker.RequestStatistics.HourlyOutcomes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The last 24 hours for the Operations page's charts (platform admins only), hour by hour (UTC): requests by
 * outcome and time to decision from the consumer module, AWS throttles per group of actions from the aws module.
 * All of it is read from PostgreSQL, so it covers every instance and survives restarts.
 */
@Service
public class OperationsActivity {

    /** How many hours the charts show, the current one included. */
    public static final int HOURS = 24;

    private final RequestStatistics requests;
    private final ThrottleHistory throttles;
    private final AccessPolicy access;
    private final Clock clock;

    OperationsActivity(RequestStatistics requests, ThrottleHistory throttles, AccessPolicy access, Clock clock) {
        this.requests = requests;
        this.throttles = throttles;
        this.access = access;
        this.clock = clock;
    }

    /**
     * The last {@link #HOURS} hours, oldest first; every list has one entry per hour.
     *
     * @param outcomes  what happened to requests each hour (zeros for quiet hours)
     * @param decisions decisions and their times each hour ({@code null} for hours without decisions)
     * @param throttles AWS's throttling answers each hour, per group of actions
     */
    public record Last24Hours(List<Instant> hours, List<HourlyOutcomes> outcomes, List<HourlyDecisions> decisions,
                              Map<ApiBucket, List<Long>> throttles) {

        /** Whether no request moved in these hours. */
        public boolean noRequests() {
            return outcomes.stream().allMatch(o -> o.total() == 0);
        }

        /** Whether AWS throttled nothing in these hours. */
        public boolean noThrottles() {
            return throttles.values().stream().flatMap(List::stream).allMatch(t -> t == 0);
        }
    }

    /** The last 24 hours up to now, for the charts. */
    public Last24Hours last24Hours() {
        access.requireAdmin("Only platform admins see operations");
        Instant current = clock.instant().truncatedTo(ChronoUnit.HOURS);
        List<Instant> hours = new ArrayList<>(HOURS);
        for (int i = HOURS - 1; i >= 0; i--) {
            hours.add(current.minus(Duration.ofHours(i)));
        }
        Instant from = hours.getFirst();
        Instant to = current.plus(Duration.ofHours(1));

        Map<Instant, HourlyOutcomes> outcomes = requests.outcomesPerHour(from, to).stream()
                .collect(Collectors.toMap(HourlyOutcomes::hour, Function.identity()));
        Map<Instant, HourlyDecisions> decisions = requests.decisionsPerHour(from, to).stream()
                .collect(Collectors.toMap(HourlyDecisions::hour, Function.identity()));
        Map<ApiBucket, Map<Instant, Long>> throttled = new EnumMap<>(ApiBucket.class);
        for (HourlyThrottles t : throttles.since(from)) {
            throttled.computeIfAbsent(t.bucket(), b -> new HashMap<>()).merge(t.hour(), t.throttles(),
                    Long::sum);
        }

        List<HourlyOutcomes> outcomeList = new ArrayList<>(HOURS);
        List<HourlyDecisions> decisionList = new ArrayList<>(HOURS);
        for (Instant hour : hours) {
            outcomeList.add(outcomes.getOrDefault(hour, new HourlyOutcomes(hour, 0, 0, 0, 0)));
            decisionList.add(decisions.get(hour));
        }
        Map<ApiBucket, List<Long>> throttleLists = new EnumMap<>(ApiBucket.class);
        for (ApiBucket bucket : ApiBucket.values()) {
            Map<Instant, Long> perHour = throttled.getOrDefault(bucket, Map.of());
            throttleLists.put(bucket, hours.stream().map(h -> perHour.getOrDefault(h, 0L)).toList());
        }
        return new Last24Hours(List.copyOf(hours), List.copyOf(outcomeList),
                Collections.unmodifiableList(decisionList), throttleLists);
    }
}
