package dev.linkport.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What AWS charges for interface endpoints, for the estimates Linkport shows:
 * {@code linkport.pricing.endpoint-az-hour} per endpoint and zone-hour, {@code linkport.pricing.per-gb}
 * per GB processed. Defaults are us-east-1 prices.
 */
@ConfigurationProperties("linkport.pricing")
public record Pricing(BigDecimal endpointAzHour, BigDecimal perGb) {

    public static final int HOURS_PER_MONTH = 730;

    public Pricing {
        endpointAzHour = endpointAzHour == null ? new BigDecimal("0.01") : endpointAzHour;
        perGb = perGb == null ? new BigDecimal("0.01") : perGb;
    }

    /** An endpoint's monthly cost in USD, without data processing: zones × hourly rate × 730. */
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
}
