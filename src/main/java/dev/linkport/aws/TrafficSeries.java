package dev.linkport.aws;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Traffic through an endpoint per period, oldest first, only periods with traffic.
 *
 * @param points bytes processed (both directions, what AWS bills) and new connections per period
 */
public record TrafficSeries(List<Point> points) {

    /** No traffic at all. */
    public static final TrafficSeries EMPTY = new TrafficSeries(List.of());

    public TrafficSeries {
        points = points.stream().sorted(Comparator.comparing(Point::start)).toList();
    }

    /** One period: when it starts, bytes processed, connections opened. */
    public record Point(Instant start, long bytes, long newConnections) {
    }

    /** Bytes processed over all periods. */
    public long totalBytes() {
        return points.stream().mapToLong(Point::bytes).sum();
    }

    /** Connections opened over all periods. */
    public long totalNewConnections() {
        return points.stream().mapToLong(Point::newConnections).sum();
    }

    public boolean empty() {
        return points.isEmpty();
    }
}
