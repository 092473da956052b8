package dev.linkport.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * What AWS charges for interface endpoints, for the estimates and costs Linkport shows, per region:
 * {@code linkport.pricing.regions.<region>.endpoint-az-hour} per endpoint and zone-hour and
 * {@code linkport.pricing.regions.<region>.per-gb} per GB processed; {@code linkport.pricing.endpoint-az-hour}
 * and {@code linkport.pricing.per-gb} for regions not listed; {@code linkport.pricing.inter-region-per-gb} per GB
 * carried between the consumer's region and the service's (cross-region PrivateLink). Defaults are AWS's list
 * prices for us-east-1 and eu-west-1 (the first tier of data processing).
 */
@ConfigurationProperties("linkport.pricing")
public record Pricing(BigDecimal endpointAzHour, BigDecimal perGb, Map<String, RegionPrice> regions,
                      BigDecimal interRegionPerGb) {

    public static final int HOURS_PER_MONTH = 730;
    private static final BigDecimal GB = BigDecimal.valueOf(1_000_000_000L);

    /** One region's prices in USD. */
    public record RegionPrice(BigDecimal endpointAzHour, BigDecimal perGb) {
    }

    /** AWS's list prices where Linkport knows them, used for regions the configuration does not name. */
    static final Map<String, RegionPrice> DEFAULT_REGIONS = Map.of(
            "us-east-1", new RegionPrice(new BigDecimal("0.01"), new BigDecimal("0.01")),
            "eu-west-1", new RegionPrice(new BigDecimal("0.011"), new BigDecimal("0.01")));

    @ConstructorBinding
    public Pricing {
        endpointAzHour = endpointAzHour == null ? new BigDecimal("0.01") : endpointAzHour;
        perGb = perGb == null ? new BigDecimal("0.01") : perGb;
        interRegionPerGb = interRegionPerGb == null ? new BigDecimal("0.02") : interRegionPerGb;
        Map<String, RegionPrice> all = new TreeMap<>(DEFAULT_REGIONS);
        if (regions != null) {
            BigDecimal fallbackHour = endpointAzHour;
            BigDecimal fallbackGb = perGb;
            regions.forEach((region, price) -> all.put(region.toLowerCase(Locale.ROOT), new RegionPrice(
                    price == null || price.endpointAzHour() == null ? fallbackHour : price.endpointAzHour(),
                    price == null || price.perGb() == null ? fallbackGb : price.perGb())));
        }
        regions = Map.copyOf(all);
    }

    /** The flat prices of earlier versions: one price for every region, AWS's defaults for the ones it knows. */
    public Pricing(BigDecimal endpointAzHour, BigDecimal perGb) {
        this(endpointAzHour, perGb, null, null);
    }

    /** The region's prices, or the fallback ({@link #endpointAzHour()}, {@link #perGb()}) for a region not listed. */
    public RegionPrice in(String region) {
        RegionPrice price = region == null ? null : regions.get(region.toLowerCase(Locale.ROOT));
        return price != null ? price : new RegionPrice(endpointAzHour, perGb);
    }

    /** Whether the region has its own prices (else the fallback applies). */
    public boolean knows(String region) {
        return region != null && regions.containsKey(region.toLowerCase(Locale.ROOT));
    }

    /** An endpoint's monthly cost in USD at the fallback prices, without data processing: zones × hourly rate × 730. */
    public BigDecimal monthlyEndpointCost(int zones) {
        return endpointAzHour.multiply(BigDecimal.valueOf((long) zones) .multiply(BigDecimal.valueOf(HOURS_PER_MONTH)))
                .setScale(2, RoundingMode.HALF_UP);
    }

    /** As {@link #monthlyEndpointCost}, formatted: "$14.60 a month (2 zones × $0.01/h × 730 h) + $0.01 per GB". */
    public String describeMonthly(int zones) {
        return "$" + monthlyEndpointCost(zones).toPlainString() + " a month (" + zones + (zones == 1 ? " zone" : " zones")
                + " × $" + endpointAzHour.toPlainString() + "/h × " + HOURS_PER_MONTH + " h) + $" + perGb.toPlainString()
                + " per GB processed";
    }

    /**
     * The monthly estimate of an endpoint in {@code region} to a service in {@code serviceRegion}: zones × the
     * region's zone-hour price × 730, plus expected GB × the region's per-GB price, plus expected GB × the
     * inter-region price when the regions differ.
     *
     * @param gbPerMonth expected traffic, or {@code null} when nobody said (then only the fixed part)
     */
    public CostEstimate estimate(String region, String serviceRegion, int zones, Integer gbPerMonth) {
        RegionPrice price = in(region);
        BigDecimal gb = BigDecimal.valueOf(gbPerMonth == null ? 0 : gbPerMonth);
        boolean crossRegion = serviceRegion != null && region != null && !serviceRegion.equalsIgnoreCase(region);
        BigDecimal hours = price.endpointAzHour().multiply(BigDecimal.valueOf((long) zones * HOURS_PER_MONTH));
        BigDecimal processing = price.perGb().multiply(gb);
        BigDecimal transfer = crossRegion ? interRegionPerGb.multiply(gb) : BigDecimal.ZERO;
        return new CostEstimate(region, zones, gbPerMonth, crossRegion, price.endpointAzHour(), price.perGb(),
                crossRegion ? interRegionPerGb : BigDecimal.ZERO, usd(hours), usd(processing), usd(transfer),
                usd(hours.add(processing).add(transfer)));
    }

    /**
     * What an endpoint cost so far: each started zone-hour in {@code billed} (AWS bills partial hours as whole
     * ones) at the region's price, plus the bytes processed at the region's per-GB price (and the inter-region one
     * when the regions differ).
     */
    public BigDecimal costSoFar(String region, String serviceRegion, int zones, Duration billed, long bytes) {
        RegionPrice price = in(region);
        long hours = startedHours(billed);
        BigDecimal gb = BigDecimal.valueOf(bytes).divide(GB, 9, RoundingMode.HALF_UP);
        BigDecimal perGbTotal = price.perGb();
        if (serviceRegion != null && region != null && !serviceRegion.equalsIgnoreCase(region)) {
            perGbTotal = perGbTotal.add(interRegionPerGb);
        }
        return usd(price.endpointAzHour().multiply(BigDecimal.valueOf(hours * zones)).add(gb.multiply(perGbTotal)));
    }

    /**
     * The hours AWS bills for {@code billed}: every started hour counts whole, so the first millisecond is one hour
     * (nothing before; a negative duration is none).
     */
    public static long startedHours(Duration billed) {
        return billed.isNegative() || billed.isZero() ? 0 : (billed.toMillis() + 3_599_999) / 3_600_000;
    }

    private static BigDecimal usd(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
