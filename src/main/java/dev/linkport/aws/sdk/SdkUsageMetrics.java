package dev.linkport.aws.sdk;

import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.TrafficSeries;
import dev.linkport.aws.UsageMetrics;
import dev.linkport.aws.ratelimit.ApiBucket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/**
 * {@link UsageMetrics} on the SDK's CloudWatch client: one {@code GetMetricData} (all pages) per question, the
 * {@code Sum} of {@code BytesProcessed} and {@code NewConnections} per period. Shares the gateway's clients,
 * assumed-role sessions and {@link AwsCallExecutor}, so every page takes a token from the account's read budget.
 */
final class SdkUsageMetrics implements UsageMetrics {

    static final String ACTION = "GetMetricData";
    private static final String BYTES = "BytesProcessed";
    private static final String CONNECTIONS = "NewConnections";

    private final AwsClients clients;
    private final AwsCallExecutor executor;

    SdkUsageMetrics(AwsClients clients, AwsCallExecutor executor) {
        this.clients = clients;
        this.executor = executor;
    }

    @Override
    public TrafficSeries endpointTraffic(AwsTarget consumer, MeteredEndpoint endpoint, Instant from, Instant to,
                                         Duration period) {
        List<Dimension> dimensions = List.of(dimension("Endpoint Type", "Interface"),
                dimension("Service Name", endpoint.serviceName()), dimension("VPC Endpoint Id", endpoint.endpointId()),
                dimension("VPC Id", endpoint.vpcId()));
        Map<String, List<Dimension>> series = Map.of("e0", dimensions);
        return read(consumer, ENDPOINTS_NAMESPACE, series, from, to, period).getOrDefault("e0", TrafficSeries.EMPTY);
    }

    @Override
    public Map<String, TrafficSeries> serviceTraffic(AwsTarget provider, String serviceId,
                                                     Collection<String> endpointIds, Instant from, Instant to,
                                                     Duration period) {
        Map<String, List<Dimension>> series = new LinkedHashMap<>();
        Map<String, String> endpointOf = new HashMap<>();
        int i = 0;
        for (String endpointId : endpointIds) {
            String key = "e" + i++;
            series.put(key, List.of(dimension("Service Id", serviceId), dimension("VPC Endpoint Id", endpointId)));
            endpointOf.put(key, endpointId);
        }
        Map<String, TrafficSeries> byKey = read(provider, SERVICES_NAMESPACE, series, from, to, period);
        Map<String, TrafficSeries> byEndpoint = new LinkedHashMap<>();
        series.keySet().forEach(key -> byEndpoint.put(endpointOf.get(key), byKey.getOrDefault(key, TrafficSeries.EMPTY)));
        return byEndpoint;
    }

    /** Bytes and connections for each series key, in one GetMetricData (two queries per key), all pages. */
    private Map<String, TrafficSeries> read(AwsTarget target, String namespace, Map<String, List<Dimension>> series,
                                            Instant from, Instant to, Duration period) {
        if (series.isEmpty()) {
            return Map.of();
        }
        int seconds = Math.toIntExact(period.toSeconds());
        List<MetricDataQuery> queries = new ArrayList<>();
        series.forEach((key, dimensions) -> {
            queries.add(query(key + "b", namespace, BYTES, dimensions, seconds));
            queries.add(query(key + "c", namespace, CONNECTIONS, dimensions, seconds));
        });
        Map<String, TreeMap<Instant, double[]>> values = new HashMap<>();
        String token = null;
        do {
            String current = token;
            GetMetricDataResponse page = executor.call(target, ACTION, ApiBucket.DESCRIBE,
                    () -> clients.cloudWatch(target).getMetricData(r -> r.metricDataQueries(queries)
                            .startTime(from).endTime(to).scanBy(ScanBy.TIMESTAMP_ASCENDING).nextToken(current)
                            .overrideConfiguration(auth(target))));
            for (MetricDataResult result : page.metricDataResults()) {
                String id = result.id();
                String key = id.substring(0, id.length() - 1);
                int column = id.endsWith("b") ? 0 : 1;
                TreeMap<Instant, double[]> points = values.computeIfAbsent(key, k -> new TreeMap<>());
                for (int p = 0; p < result.timestamps().size() && p < result.values().size(); p++) {
                    points.computeIfAbsent(result.timestamps().get(p), t -> new double[2])[column] +=
                            result.values().get(p);
                }
            }
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        Map<String, TrafficSeries> out = new HashMap<>();
        values.forEach((key, points) -> out.put(key, new TrafficSeries(points.entrySet().stream()
                .map(e -> new TrafficSeries.Point(e.getKey(), Math.round(e.getValue()[0]), Math.round(e.getValue()[1])))
                .toList())));
        return out;
    }

    private static MetricDataQuery query(String id, String namespace, String metric, List<Dimension> dimensions,
                                         int periodSeconds) {
        return MetricDataQuery.builder().id(id).returnData(true)
                .metricStat(s -> s.metric(Metric.builder().namespace(namespace).metricName(metric)
                        .dimensions(dimensions).build()).period(periodSeconds).stat("Sum"))
                .build();
    }

    private static Dimension dimension(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }

    private AwsRequestOverrideConfiguration auth(AwsTarget target) {
        return AwsRequestOverrideConfiguration.builder().credentialsProvider(clients.credentials(target)).build();
    }
}
