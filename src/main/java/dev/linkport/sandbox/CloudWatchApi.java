package dev.linkport.sandbox;

import dev.linkport.sandbox.WorldState.Endpoint;
import dev.linkport.sandbox.WorldState.Service;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongBiFunction;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.cbor.CBORGenerator;
import tools.jackson.dataformat.cbor.CBORMapper;

/**
 * CloudWatch's {@code GetMetricData} for the PrivateLink namespaces, over the protocol the AWS SDK for Java
 * 2.57 speaks to CloudWatch: Smithy RPC v2 CBOR ({@code POST /service/GraniteServiceVersion20100801/operation/
 * GetMetricData}, CBOR bodies, timestamps as CBOR tag 1).
 *
 * <p>Answers with {@link SyntheticTraffic} for endpoints that exist, from their creation while they are available
 * (until deletion began for deleting ones), up to now on the sandbox clock, in whole minutes:
 * <ul>
 *   <li>{@code AWS/PrivateLinkEndpoints} with exactly the dimensions {@code Endpoint Type}, {@code Service Name},
 *       {@code VPC Endpoint Id}, {@code VPC Id}, for the caller's own endpoints;</li>
 *   <li>{@code AWS/PrivateLinkServices} with {@code Service Id} (all endpoints of the service) or {@code Service Id}
 *       and {@code VPC Endpoint Id}, for the caller's own services.</li>
 * </ul>
 * Metrics: {@code BytesProcessed}, {@code NewConnections}, {@code ActiveConnections}; the services' namespace also
 * {@code EndpointsCount}. A metric with other dimensions has no data, as in CloudWatch; nor has an endpoint that
 * reaches a service in another region (AWS publishes no metrics for cross-region access).
 */
final class CloudWatchApi {

    static final String PATH_PREFIX = "/service/GraniteServiceVersion20100801/operation/";
    static final String ENDPOINTS_NAMESPACE = "AWS/PrivateLinkEndpoints";
    static final String SERVICES_NAMESPACE = "AWS/PrivateLinkServices";
    private static final long MINUTE = 60_000;
    private static final int MAX_QUERIES = 500;
    private static final long MAX_DATAPOINTS = 100_800;

    private final SandboxWorld world;
    private final CBORMapper cbor = CBORMapper.builder().build();

    CloudWatchApi(SandboxWorld world) {
        this.world = world;
    }

    /** The operation a request path names, or {@code null}. */
    static String operation(String path) {
        return path.startsWith(PATH_PREFIX) ? path.substring(PATH_PREFIX.length()) : null;
    }

    /** Handles one request; the caller holds the world's lock. */
    byte[] handle(String operation, byte[] body, CallerIdentity caller) {
        if (!"GetMetricData".equals(operation)) {
            throw new AwsException("InvalidAction", "The action " + operation + " is not valid for this web service.");
        }
        JsonNode request = body.length == 0 ? cbor.createObjectNode() : cbor.readTree(body);
        long start = millis(request.get("StartTime"), "StartTime");
        long end = millis(request.get("EndTime"), "EndTime");
        if (start >= end) {
            throw invalid("The parameter StartTime must be less than the parameter EndTime.");
        }
        JsonNode queries = request.get("MetricDataQueries");
        if (queries == null || !queries.isArray() || queries.isEmpty() || queries.size() > MAX_QUERIES) {
            throw invalid("The parameter MetricDataQueries must hold between 1 and " + MAX_QUERIES + " queries.");
        }
        boolean ascending = "TimestampAscending".equals(text(request, "ScanBy"));
        long points = 0;
        List<Result> results = new ArrayList<>();
        for (JsonNode query : queries) {
            String id = text(query, "Id");
            if (id == null || !id.matches("[a-z][a-zA-Z0-9_]{0,254}")) {
                throw invalid("The value " + id + " for parameter MetricDataQueries.member.Id is not valid: it "
                        + "starts with a lower-case letter and holds letters, digits and underscores.");
            }
            JsonNode stat = query.get("MetricStat");
            if (stat == null) {
                throw invalid("The sandbox answers MetricStat queries only (no Expression); query " + id + ".");
            }
            long period = stat.path("Period").asLong(0);
            if (period < 60 || period % 60 != 0) {
                throw invalid("The parameter MetricDataQueries.member.MetricStat.Period must be a multiple of 60.");
            }
            points += (end - start) / (period * 1000) + 1;
            if (points > MAX_DATAPOINTS) {
                throw invalid("You have requested up to " + points + " datapoints, which exceeds the limit of "
                        + MAX_DATAPOINTS + ".");
            }
            JsonNode metric = stat.path("Metric");
            Map<String, String> dimensions = new HashMap<>();
            for (JsonNode d : metric.path("Dimensions")) {
                dimensions.put(text(d, "Name"), text(d, "Value"));
            }
            Series series = series(caller, text(metric, "Namespace"), text(metric, "MetricName"), dimensions);
            String statistic = text(stat, "Stat");
            TreeMap<Long, Double> values = aggregate(series, statistic, start, end, period * 1000);
            String label = text(query, "Label");
            boolean returned = !query.has("ReturnData") || query.get("ReturnData").asBoolean(true);
            if (returned) {
                results.add(new Result(id, label != null ? label : text(metric, "MetricName"),
                        ascending ? values : new TreeMap<>(values.descendingMap())));
            }
        }
        return write(results, ascending);
    }

    /** Values per minute of one metric, by minute start, and how a minute's values combine. */
    private record Series(Map<Long, Long> perMinute) {
        static final Series NONE = new Series(Map.of());
    }

    private Series series(CallerIdentity caller, String namespace, String metric, Map<String, String> dimensions) {
        if (ENDPOINTS_NAMESPACE.equals(namespace)) {
            if (dimensions.size() != 4 || !"Interface".equals(dimensions.get("Endpoint Type"))) {
                return Series.NONE;
            }
            Endpoint e = world.state().endpoints.get(dimensions.get("VPC Endpoint Id"));
            if (e == null || !SandboxWorld.owned(caller, e.accountId, e.region)
                    || !e.vpcId.equals(dimensions.get("VPC Id")) || !e.serviceName.equals(dimensions.get("Service Name"))) {
                return Series.NONE;
            }
            return perMinute(List.of(e), metric);
        }
        if (SERVICES_NAMESPACE.equals(namespace)) {
            Service s = world.state().services.get(dimensions.get("Service Id"));
            if (s == null || !SandboxWorld.owned(caller, s.accountId, s.region)) {
                return Series.NONE;
            }
            String endpointId = dimensions.get("VPC Endpoint Id");
            if (dimensions.size() > (endpointId == null ? 1 : 2)) {
                return Series.NONE;
            }
            List<Endpoint> endpoints = world.state().endpoints.values().stream()
                    .filter(e -> s.id.equals(e.serviceId) && (endpointId == null || endpointId.equals(e.id))).toList();
            return perMinute(endpoints, metric);
        }
        return Series.NONE;
    }

    /** The metric's value in each minute with traffic, summed over the endpoints. */
    private Series perMinute(List<Endpoint> endpoints, String metric) {
        ToLongBiFunction<Endpoint, Instant> value = switch (metric == null ? "" : metric) {
            case "BytesProcessed" -> (e, m) -> SyntheticTraffic.bytes(e.id, m);
            case "NewConnections" -> (e, m) -> SyntheticTraffic.newConnections(e.id, m);
            case "ActiveConnections" -> (e, m) -> SyntheticTraffic.activeConnections(e.id, m);
            case "EndpointsCount" -> (e, m) -> 1;
            default -> null;
        };
        if (value == null) {
            return Series.NONE;
        }
        Map<Long, Long> sums = new HashMap<>();
        long now = world.now() / MINUTE * MINUTE;
        for (Endpoint e : endpoints) {
            if (e.serviceRegion != null && !e.serviceRegion.equals(e.region)) {
                continue; // AWS publishes no PrivateLink metrics for cross-region endpoints
            }
            long from = (e.createdAt + MINUTE - 1) / MINUTE * MINUTE;
            long until = switch (e.state) {
                case "available" -> now;
                case "deleting", "deleted" -> Math.min(now, e.stateSince / MINUTE * MINUTE);
                default -> from;
            };
            for (long m = from; m + MINUTE <= until; m += MINUTE) {
                sums.merge(m, value.applyAsLong(e, Instant.ofEpochMilli(m)), Long::sum);
            }
        }
        return new Series(sums);
    }

    /** Periods from {@code start} with at least one minute of data, by period start. */
    private static TreeMap<Long, Double> aggregate(Series series, String statistic, long start, long end,
                                                   long period) {
        Map<Long, double[]> buckets = new HashMap<>(); // sum, count, min, max
        series.perMinute().forEach((minute, v) -> {
            if (minute < start || minute >= end) {
                return;
            }
            long bucket = start + (minute - start) / period * period;
            double[] b = buckets.computeIfAbsent(bucket, k -> new double[] {0, 0, Double.MAX_VALUE, -Double.MAX_VALUE});
            b[0] += v;
            b[1]++;
            b[2] = Math.min(b[2], v);
            b[3] = Math.max(b[3], v);
        });
        TreeMap<Long, Double> values = new TreeMap<>();
        buckets.forEach((bucket, b) -> values.put(bucket, switch (statistic == null ? "" : statistic) {
            case "Sum" -> b[0];
            case "Average" -> b[0] / b[1];
            case "Minimum" -> b[2];
            case "Maximum" -> b[3];
            case "SampleCount" -> b[1];
            default -> throw invalid("The sandbox answers the statistics Sum, Average, Minimum, Maximum and "
                    + "SampleCount, not " + statistic + ".");
        }));
        return values;
    }

    private record Result(String id, String label, TreeMap<Long, Double> values) {
    }

    private byte[] write(List<Result> results, boolean ascending) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = cbor.createGenerator(out)) {
            g.writeStartObject();
            g.writeName("MetricDataResults");
            g.writeStartArray();
            for (Result r : results) {
                List<Long> times = new ArrayList<>(r.values().keySet());
                if (!ascending) {
                    times = times.reversed();
                }
                g.writeStartObject();
                g.writeStringProperty("Id", r.id());
                g.writeStringProperty("Label", r.label());
                g.writeName("Timestamps");
                g.writeStartArray();
                for (long t : times) {
                    ((CBORGenerator) g).writeTag(1);
                    g.writeNumber(t / 1000);
                }
                g.writeEndArray();
                g.writeName("Values");
                g.writeStartArray();
                for (long t : times) {
                    g.writeNumber(r.values().get(t));
                }
                g.writeEndArray();
                g.writeStringProperty("StatusCode", "Complete");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeName("Messages");
            g.writeStartArray();
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    /** An error body as the RPC v2 CBOR protocol carries it. */
    byte[] error(AwsException e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = cbor.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("__type", "com.amazonaws.cloudwatch#" + e.code());
            g.writeStringProperty("message", e.getMessage());
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    private static long millis(JsonNode node, String name) {
        if (node == null || !node.isNumber()) {
            throw new AwsException("MissingParameter", "The parameter " + name + " is required.");
        }
        return Math.round(node.asDouble() * 1000);
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static AwsException invalid(String message) {
        return new AwsException("InvalidParameterValue", message);
    }
}
