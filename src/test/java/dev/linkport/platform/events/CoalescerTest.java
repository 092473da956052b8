package dev.linkport.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Live refreshes: only changes in a view's scope count, and a burst of them refreshes a view about once a second. */
class CoalescerTest {

    /** A scheduler that runs nothing by itself: the test says when the scheduled tasks' time has come. */
    static final class ManualScheduler implements Coalescer.Scheduler {
        record Scheduled(Runnable task, Duration delay) {
        }

        final List<Scheduled> scheduled = new ArrayList<>();

        @Override
        public void schedule(Runnable task, Duration delay) {
            scheduled.add(new Scheduled(task, delay));
        }

        void runAll() {
            List<Scheduled> due = List.copyOf(scheduled);
            scheduled.clear();
            due.forEach(s -> s.task().run());
        }
    }

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
    final ManualScheduler scheduler = new ManualScheduler();
    final List<Instant> refreshes = new ArrayList<>();
    final Coalescer coalescer = new Coalescer(Duration.ofSeconds(1), clock, scheduler, () -> refreshes.add(clock.instant()));

    @Test
    void theFirstChangeAfterAQuietSpellRefreshesAtOnce() {
        coalescer.signal();

        assertThat(scheduler.scheduled).singleElement().satisfies(s -> assertThat(s.delay()).isZero());
        scheduler.runAll();
        assertThat(refreshes).hasSize(1);
    }

    @Test
    void aBurstOfAHundredChangesRefreshesOnceAtOnceAndOnceMoreAtTheEndOfTheSecond() {
        coalescer.signal();
        scheduler.runAll(); // the first refresh, at 10:00:00
        for (int i = 0; i < 99; i++) {
            clock.advance(Duration.ofMillis(5));
            coalescer.signal();
        }

        assertThat(scheduler.scheduled).as("the 99 changes after the first share one refresh").singleElement()
                .satisfies(s -> assertThat(s.delay()).isEqualTo(Duration.ofMillis(995))); // from the second change, 5 ms after the refresh
        clock.advance(Duration.ofMillis(505));
        scheduler.runAll();
        assertThat(refreshes).containsExactly(Instant.parse("2026-11-30T10:00:00Z"),
                Instant.parse("2026-11-30T10:00:01Z"));
    }

    @Test
    void aChangeDuringARefreshIsNotLostButRefreshesOnceMoreASecondLater() {
        Coalescer[] self = new Coalescer[1];
        List<Instant> runs = new ArrayList<>();
        self[0] = new Coalescer(Duration.ofSeconds(1), clock, scheduler, () -> {
            runs.add(clock.instant());
            if (runs.size() == 1) {
                self[0].signal(); // committed while the first refresh read
            }
        });
        self[0].signal();
        scheduler.runAll();

        assertThat(scheduler.scheduled).singleElement()
                .satisfies(s -> assertThat(s.delay()).isEqualTo(Duration.ofSeconds(1)));
        clock.advance(Duration.ofSeconds(1));
        scheduler.runAll();
        assertThat(runs).hasSize(2);
    }

    @Test
    void changesMoreThanASecondApartEachRefreshAtOnce() {
        for (int i = 0; i < 3; i++) {
            coalescer.signal();
            assertThat(scheduler.scheduled).singleElement().satisfies(s -> assertThat(s.delay()).isZero());
            scheduler.runAll();
            clock.advance(Duration.ofMillis(1500));
        }
        assertThat(refreshes).hasSize(3);
    }

    @Test
    void aClockThatWentBackDelaysARefreshByNoMoreThanTheInterval() {
        coalescer.signal();
        scheduler.runAll();
        clock.advance(Duration.ofHours(-1));
        coalescer.signal();

        assertThat(scheduler.scheduled).singleElement()
                .satisfies(s -> assertThat(s.delay()).isEqualTo(Duration.ofSeconds(1)));
    }

    @Test
    void aViewsScopeCoversOnlyItsOwnTeamsUnlessItSeesEverything() {
        UUID checkout = UUID.randomUUID();
        UUID analytics = UUID.randomUUID();
        ChangeScope bob = ChangeScope.of(Set.of(checkout));

        assertThat(bob.covers(checkout)).isTrue();
        assertThat(bob.covers(analytics)).isFalse();
        assertThat(bob.covers(null)).as("a change that does not say whom it concerns concerns everyone").isTrue();
        assertThat(ChangeScope.all().covers(analytics)).isTrue();
        assertThat(ChangeScope.of(Set.of()).covers(checkout)).isFalse();
    }
}
