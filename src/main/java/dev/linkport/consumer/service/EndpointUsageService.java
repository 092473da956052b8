package dev.linkport.consumer.service;

import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.TrafficSeries;
import dev.linkport.aws.UsageMetrics;
import dev.linkport.aws.UsageMetrics.MeteredEndpoint;
import dev.linkport.catalog.service.ListingDirectory;
import dev.linkport.catalog.service.ListingRef;
import dev.linkport.catalog.service.ListingService;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.domain.EndpointRequest;
import dev.linkport.consumer.domain.EndpointRequestRepository;
import dev.linkport.identity.service.AccessPolicy;
import dev.linkport.identity.service.AccountDirectory;
import dev.linkport.identity.service.Caller;
import dev.linkport.platform.ForbiddenException;
import dev.linkport.platform.Pricing;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Usage and real cost of endpoints, from PrivateLink's CloudWatch metrics ({@link UsageMetrics}): a consumer's
 * endpoint over 24 hours or 30 days with its month-to-date cost, and a service's traffic by consumer endpoint for
 * its provider. Reads CloudWatch outside any transaction and keeps answers with traffic for a minute, so charts
 * opened again cost no call; run it off the UI thread.
 */
@Service
public class EndpointUsageService {

    /** How long an answer from CloudWatch is reused. */
    static final Duration CACHE_FOR = Duration.ofMinutes(1);
    private static final int MAX_CACHED = 2_000;

    private record Key(UUID id, UsageWindow window, boolean service) {
    }

    private record Cached<T>(T value, Instant until) {
    }

    /** What a usage read needs from the database, read in one short transaction. */
    private record Metered(UUID requestId, String endpointId, String vpcId, String serviceName, AwsTarget consumer,
                           String region, String serviceRegion, int zones, Instant billedFrom, Instant billedUntil) {
    }

    private final EndpointRequestRepository requests;
    private final EndpointRequestService requestService;
    private final ListingDirectory listings;
    private final ListingService catalog;
    private final AccountDirectory accounts;
    private final AccessPolicy access;
    private final UsageMetrics metrics;
    private final Pricing pricing;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Map<Key, Cached<?>> cache = new ConcurrentHashMap<>();

    public EndpointUsageService(EndpointRequestRepository requests, EndpointRequestService requestService,
                                ListingDirectory listings, ListingService catalog, AccountDirectory accounts,
                                AccessPolicy access, UsageMetrics metrics, Pricing pricing, TransactionTemplate tx,
                                Clock clock) {
        this.catalog = catalog;
        this.requests = requests;
        this.requestService = requestService;
        this.listings = listings;
        this.accounts = accounts;
        this.access = access;
        this.metrics = metrics;
        this.pricing = pricing;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * The endpoint's traffic over the window and its month-to-date cost, for those who may see the request
     * (admins, the consumer team, the service's team). A request without an endpoint in AWS yet has no traffic.
     * Calls CloudWatch in the consumer's account (at most twice a minute per request and window).
     */
    public EndpointUsage endpointUsage(UUID requestId, UsageWindow window) {
        Metered m = tx.execute(status -> metered(requestService.visible(requestId, access.caller())));
        return cached(new Key(requestId, window, false), () -> read(m, window), u -> !u.noTraffic());
    }

    /**
     * The service's traffic over the window by consumer endpoint (its live endpoints and those being deleted), for
     * its team and admins (others who may see the service are refused, the rest do not find it); read from
     * CloudWatch in the provider's account.
     */
    public ServiceUsage serviceUsage(UUID serviceId, UsageWindow window) {
        record Work(AwsTarget provider, String awsServiceId, List<EndpointRequest> endpoints,
                    Map<UUID, String[]> consumers) {
        }
        Work work = tx.execute(status -> {
            Caller caller = access.caller();
            ServiceDetail visible = catalog.detail(serviceId); // not found unless the caller may see it
            if (!visible.canManage()) {
                throw new ForbiddenException("Only members of " + visible.ownerTeam()
                        + " and platform admins see who uses " + visible.name());
            }
            ListingRef listing = listings.get(serviceId);
            List<EndpointRequest> live = requests.findByListingIdOrderByCreatedAt(serviceId).stream()
                    .filter(r -> r.getVpcEndpointId() != null
                            && (r.getState().live() || r.getState() == EndpointState.DELETING))
                    .toList();
            Map<UUID, String[]> consumers = new HashMap<>();
            accounts.get(live.stream().map(EndpointRequest::getConsumerAccountId).distinct().toList())
                    .forEach((id, a) -> consumers.put(id, new String[] {a.teamName(), a.accountId()}));
            return new Work(listing.awsServiceId() == null ? null : listings.providerTarget(listing, caller.username()),
                    listing.awsServiceId(), live, consumers);
        });
        return cached(new Key(serviceId, window, true), () -> {
            Instant now = clock.instant();
            List<Instant> periods = window.periodsUntil(now);
            List<EndpointRequest> endpoints = work.endpoints();
            Map<String, TrafficSeries> traffic = work.provider() == null || endpoints.isEmpty() ? Map.of()
                    : metrics.serviceTraffic(work.provider(), work.awsServiceId(),
                            endpoints.stream().map(EndpointRequest::getVpcEndpointId).toList(), periods.getFirst(),
                            periods.getLast().plus(window.period()), window.period());
            List<ServiceUsage.ConsumerTraffic> consumers = new ArrayList<>();
            for (EndpointRequest r : endpoints) {
                TrafficSeries series = traffic.getOrDefault(r.getVpcEndpointId(), TrafficSeries.EMPTY);
                String[] who = work.consumers().getOrDefault(r.getConsumerAccountId(), new String[] {"?", "?"});
                consumers.add(new ServiceUsage.ConsumerTraffic(r.getId(), who[0], who[1], r.getVpcEndpointId(),
                        perPeriod(series, periods, true), series.totalBytes(), series.totalNewConnections()));
            }
            consumers.sort(Comparator.comparingLong(ServiceUsage.ConsumerTraffic::totalBytes).reversed());
            return new ServiceUsage(serviceId, window, periods, consumers);
        }, u -> !u.noTraffic());
    }

    private Metered metered(EndpointRequest r) {
        ListingRef listing = listings.get(r.getListingId());
        AwsTarget consumer = accounts.get(r.getConsumerAccountId()).target(r.getRegion(), access.caller().username());
        Instant billedFrom = r.getProvisioningSince() != null ? r.getProvisioningSince() : r.getCreatedAt();
        Instant billedUntil = r.getState() == EndpointState.DELETED ? r.getUpdatedAt() : null;
        return new Metered(r.getId(), r.getVpcEndpointId(), r.getVpcId(), listing.awsServiceName(), consumer,
                r.getRegion(), listing.region(), r.getSubnetIds().size(), billedFrom, billedUntil);
    }

    private EndpointUsage read(Metered m, UsageWindow window) {
        Instant now = clock.instant();
        List<Instant> periods = window.periodsUntil(now);
        Instant monthStart = now.atZone(ZoneOffset.UTC).with(TemporalAdjusters.firstDayOfMonth())
                .truncatedTo(ChronoUnit.DAYS).toInstant();
        if (m.endpointId() == null) {
            List<Long> zeros = periods.stream().map(p -> 0L).toList();
            return new EndpointUsage(m.requestId(), null, window, periods, zeros, zeros, 0, BigDecimal.ZERO.setScale(2),
                    "No endpoint in AWS yet: nothing is billed.");
        }
        MeteredEndpoint endpoint = new MeteredEndpoint(m.endpointId(), m.vpcId(), m.serviceName());
        TrafficSeries series = metrics.endpointTraffic(m.consumer(), endpoint, periods.getFirst(),
                periods.getLast().plus(window.period()), window.period());
        // one period from the month's start to the next whole hour: CloudWatch wants periods in whole hours
        // for data older than 63 days and multiples of 5 minutes beyond 15 days
        long monthSeconds = Math.max(3600, (now.getEpochSecond() - monthStart.getEpochSecond() + 3599) / 3600 * 3600);
        long monthBytes = metrics.endpointTraffic(m.consumer(), endpoint, monthStart,
                monthStart.plusSeconds(monthSeconds), Duration.ofSeconds(monthSeconds)).totalBytes();
        Instant from = m.billedFrom().isAfter(monthStart) ? m.billedFrom() : monthStart;
        Instant to = m.billedUntil() != null && m.billedUntil().isBefore(now) ? m.billedUntil() : now;
        Duration billed = to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
        BigDecimal cost = pricing.costSoFar(m.region(), m.serviceRegion(), m.zones(), billed, monthBytes);
        long hours = Pricing.startedHours(billed);
        var price = pricing.in(m.region());
        boolean crossRegion = m.serviceRegion() != null && !m.serviceRegion().equalsIgnoreCase(m.region());
        String explanation = String.format(Locale.ROOT, "%d zone%s × %d h × $%s + %.3f GB × $%s%s", m.zones(),
                m.zones() == 1 ? "" : "s", hours, price.endpointAzHour().toPlainString(), monthBytes / 1e9,
                price.perGb().toPlainString(), crossRegion
                        ? String.format(Locale.ROOT, " + %.3f GB between regions × $%s", monthBytes / 1e9,
                                pricing.interRegionPerGb().toPlainString()) : "");
        return new EndpointUsage(m.requestId(), m.endpointId(), window, periods, perPeriod(series, periods, true),
                perPeriod(series, periods, false), monthBytes, cost, explanation);
    }

    private static List<Long> perPeriod(TrafficSeries series, List<Instant> periods, boolean bytes) {
        Map<Instant, Long> byStart = new HashMap<>();
        series.points().forEach(p -> byStart.merge(p.start(), bytes ? p.bytes() : p.newConnections(), Long::sum));
        return periods.stream().map(p -> byStart.getOrDefault(p, 0L)).toList();
    }

    /** The answer kept for a minute, or read now; answers without traffic are not kept (traffic may start soon). */
    @SuppressWarnings("unchecked")
    private <T> T cached(Key key, java.util.function.Supplier<T> read, java.util.function.Predicate<T> keep) {
        Instant now = clock.instant();
        Cached<?> hit = cache.get(key);
        if (hit != null && hit.until().isAfter(now)) {
            return (T) hit.value();
        }
        T value = read.get();
        if (!keep.test(value)) {
            cache.remove(key);
            return value;
        }
        if (cache.size() >= MAX_CACHED) {
            cache.entrySet().removeIf(e -> !e.getValue().until().isAfter(now));
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
        }
        cache.put(key, new Cached<>(value, now.plus(CACHE_FOR)));
        return value;
    }
}
