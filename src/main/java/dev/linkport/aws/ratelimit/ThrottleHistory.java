package dev.linkport.aws.ratelimit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How often AWS throttled Linkport, per hour and {@link ApiBucket}, for all instances together and across
 * restarts: every throttling answer adds one to its hour's row in {@code aws_throttle_hour} (one upsert;
 * throttles are rare next to calls). Without a database (tools, slice tests) the counts stay in this JVM.
 */
public final class ThrottleHistory implements RateLimiter.Listener {

    /** Throttles in one hour, of one group of actions. */
    public record HourlyThrottles(Instant hour, ApiBucket bucket, long throttles) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<Key, AtomicLong> inMemory = new ConcurrentHashMap<>();

    private record Key(Instant hour, ApiBucket bucket) {
    }

    /** @param jdbc the database, or null to count in this JVM only */
    public ThrottleHistory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void throttled(BucketKey key) {
        record(key.bucket(), clock.instant());
    }

    /** Counts one throttle of {@code bucket} at {@code at}. */
    void record(ApiBucket bucket, Instant at) {
        Instant hour = at.truncatedTo(ChronoUnit.HOURS);
        if (jdbc == null) {
            inMemory.computeIfAbsent(new Key(hour, bucket), k -> new AtomicLong()).incrementAndGet();
            return;
        }
        jdbc.sql("""
                        insert into aws_throttle_hour (hour, bucket, throttles) values (?, ?, 1)
                        on conflict (hour, bucket) do update set throttles = aws_throttle_hour.throttles + 1""")
                .params(Timestamp.from(hour), bucket.name())
                .update();
    }

    /**
     * The hours from {@code from} (rounded down to its hour) on that had throttles, oldest first; hours
     * without any are left out.
     */
    public List<HourlyThrottles> since(Instant from) {
        Instant first = from.truncatedTo(ChronoUnit.HOURS);
        if (jdbc == null) {
            return inMemory.entrySet().stream().filter(e -> !e.getKey().hour().isBefore(first))
                    .map(e -> new HourlyThrottles(e.getKey().hour(), e.getKey().bucket(), e.getValue().get()))
                    .sorted(Comparator.comparing(HourlyThrottles::hour).thenComparing(HourlyThrottles::bucket))
                    .toList();
        }
        return jdbc.sql("select hour, bucket, throttles from aws_throttle_hour where hour >= ? order by hour, bucket")
                .param(Timestamp.from(first))
                .query((rs, n) -> new HourlyThrottles(rs.getTimestamp(1).toInstant(),
                        ApiBucket.valueOf(rs.getString(2)), rs.getLong(3)))
                .list();
    }
}
