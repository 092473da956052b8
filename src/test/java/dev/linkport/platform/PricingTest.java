package dev.linkport.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.platform.Pricing.RegionPrice;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PricingTest {

    private final Pricing defaults = new Pricing(null, null, null, null);

    @Test
    void eachRegionHasItsOwnPricesWithAwsListPricesAsDefaults() {
        assertThat(defaults.in("us-east-1")).isEqualTo(new RegionPrice(new BigDecimal("0.01"), new BigDecimal("0.01")));
        assertThat(defaults.in("eu-west-1")).isEqualTo(new RegionPrice(new BigDecimal("0.011"), new BigDecimal("0.01")));
        // 3 zones × $0.011 × 730 h = $24.09; 200 GB × $0.01 = $2.00
        CostEstimate ireland = defaults.estimate("eu-west-1", "eu-west-1", 3, 200);
        assertThat(ireland.endpointHours()).isEqualByComparingTo("24.09");
        assertThat(ireland.dataProcessing()).isEqualByComparingTo("2.00");
        assertThat(ireland.interRegionTransfer()).isEqualByComparingTo("0");
        assertThat(ireland.monthly()).isEqualByComparingTo("26.09");
        assertThat(ireland.describe()).isEqualTo("$26.09 a month: 3 zones × $0.011/h × 730 h = $24.09 + 200 GB × $0.01 = $2.00");
    }

    @Test
    void anEndpointToAServiceInAnotherRegionPaysInterRegionTransferOnTopAtItsOwnRegionsPrices() {
        CostEstimate estimate = defaults.estimate("eu-west-1", "us-east-1", 2, 100);

        assertThat(estimate.crossRegion()).isTrue();
        assertThat(estimate.endpointHours()).isEqualByComparingTo("16.06");
        assertThat(estimate.dataProcessing()).isEqualByComparingTo("1.00");
        assertThat(estimate.interRegionTransfer()).isEqualByComparingTo("2.00");
        assertThat(estimate.monthly()).isEqualByComparingTo("19.06");
        assertThat(estimate.describe()).endsWith("+ 100 GB between regions × $0.02 = $2.00");
    }

    @Test
    void regionsNotConfiguredFallBackToTheFlatPricesAndConfiguredOnesOverrideTheDefaults() {
        Pricing configured = new Pricing(new BigDecimal("0.013"), new BigDecimal("0.012"),
                Map.of("EU-WEST-1", new RegionPrice(new BigDecimal("0.02"), null)), new BigDecimal("0.05"));

        assertThat(configured.knows("ap-south-2")).isFalse();
        assertThat(configured.in("ap-south-2")).isEqualTo(new RegionPrice(new BigDecimal("0.013"), new BigDecimal("0.012")));
        assertThat(configured.in("eu-west-1")).isEqualTo(new RegionPrice(new BigDecimal("0.02"), new BigDecimal("0.012")));
        assertThat(configured.in("us-east-1").endpointAzHour()).isEqualByComparingTo("0.01");
        assertThat(configured.estimate("ap-south-2", "us-east-1", 1, null).monthly()).isEqualByComparingTo("9.49");
        assertThat(configured.estimate("ap-south-2", "us-east-1", 1, null).describe())
                .isEqualTo("$9.49 a month: 1 zone × $0.013/h × 730 h = $9.49 + $0.012 per GB processed"
                        + " + $0.05 per GB between regions (no expected traffic given)");
        // the flat constructor of earlier versions still works
        assertThat(new Pricing(new BigDecimal("0.01"), new BigDecimal("0.01")).describeMonthly(2))
                .isEqualTo("$14.60 a month (2 zones × $0.01/h × 730 h) + $0.01 per GB processed");
    }

    @Test
    void costSoFarBillsEveryStartedZoneHourAndTheGigabytesProcessed() {
        // 2 zones × 26 started hours × $0.01 = $0.52; 3 GB × ($0.01 + $0.02 between regions) = $0.09
        assertThat(defaults.costSoFar("us-east-1", "eu-west-1", 2, Duration.ofMinutes(25 * 60 + 1), 3_000_000_000L))
                .isEqualByComparingTo("0.61");
        assertThat(defaults.costSoFar("us-east-1", "us-east-1", 2, Duration.ZERO, 0)).isEqualByComparingTo("0");
        // an endpoint available for half a second has started its first hour in both zones
        assertThat(defaults.costSoFar("us-east-1", "us-east-1", 2, Duration.ofMillis(500), 0))
                .isEqualByComparingTo("0.02");
    }
}
