package dev.linkport.consumer.domain;

import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.RequestMoved;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Endpoint requests as metrics, from {@link RequestMoved} once the move has committed (a move that rolls back
 * counts nothing):
 * <ul>
 *   <li>{@code linkport.requests.moved} — moves, tagged {@code to} (the new state; submissions are
 *       {@code submitted});</li>
 *   <li>{@code linkport.requests.decision.time} — from submission to approval or rejection, tagged
 *       {@code outcome} ({@code approved}, {@code rejected});</li>
 *   <li>{@code linkport.requests.available.time} — from submission to the endpoint's first {@code AVAILABLE}.</li>
 * </ul>
 * A plain (not transactional) listener, so the event publication registry keeps no record of it: it only
 * registers what to count when the transaction commits.
 */
@Component
class RequestMetrics {

    private static final Set<EndpointState> DECISIONS = Set.of(EndpointState.APPROVED, EndpointState.REJECTED);
    private static final Set<EndpointState> ON_THE_WAY = Set.of(EndpointState.PROVISIONING,
            EndpointState.PENDING_ACCEPTANCE);

    private final MeterRegistry registry;

    RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (EndpointState state : EndpointState.values()) { // every series shows from the start, with zero
            moved(state);
        }
        for (EndpointState decision : DECISIONS) {
            decisionTime(decision);
        }
        availableTime();
    }

    @EventListener
    void on(RequestMoved moved) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    record(moved);
                }
            });
        } else {
            record(moved);
        }
    }

    private void record(RequestMoved moved) {
        moved(moved.to()).increment();
        if (moved.submittedAt() == null || moved.movedAt() == null) {
            return;
        }
        Duration since = Duration.between(moved.submittedAt(), moved.movedAt());
        if (since.isNegative()) {
            return;
        }
        if (moved.from() == EndpointState.SUBMITTED && DECISIONS.contains(moved.to())) {
            decisionTime(moved.to()).record(since);
        } else if (moved.to() == EndpointState.AVAILABLE && ON_THE_WAY.contains(moved.from())) {
            availableTime().record(since);
        }
    }

    private Counter moved(EndpointState to) {
        return Counter.builder("linkport.requests.moved").description("Endpoint requests moved to a state")
                .tag("to", tag(to)).register(registry);
    }

    private Timer decisionTime(EndpointState decision) {
        return Timer.builder("linkport.requests.decision.time")
                .description("Time from an endpoint request's submission to its approval or rejection")
                .tag("outcome", tag(decision)).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(Duration.ofDays(14))
                .register(registry);
    }

    private Timer availableTime() {
        return Timer.builder("linkport.requests.available.time")
                .description("Time from an endpoint request's submission to its endpoint being available")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(100)).maximumExpectedValue(Duration.ofDays(14))
                .register(registry);
    }

    private static String tag(EndpointState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
