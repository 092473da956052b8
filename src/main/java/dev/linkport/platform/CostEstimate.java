package dev.linkport.platform;

import java.math.BigDecimal;

/**
 * A monthly cost estimate of one interface endpoint in USD, with the figures it comes from ({@link Pricing#estimate}).
 *
 * @param region            the endpoint's (consumer's) region, whose prices apply
 * @param zones             zones the endpoint has a network interface in
 * @param gbPerMonth        the traffic the requester expects, or {@code null} when not given
 * @param crossRegion       whether the service is in another region (inter-region data transfer applies)
 * @param azHourPrice       price per zone-hour
 * @param perGbPrice        price per GB processed
 * @param interRegionPerGb  price per GB between regions ({@code 0} within a region)
 * @param endpointHours     zones × zone-hour price × 730
 * @param dataProcessing    expected GB × per-GB price
 * @param interRegionTransfer expected GB × inter-region price
 * @param monthly           the sum
 */
public record CostEstimate(String region, int zones, Integer gbPerMonth, boolean crossRegion, BigDecimal azHourPrice,
                           BigDecimal perGbPrice, BigDecimal interRegionPerGb, BigDecimal endpointHours,
                           BigDecimal dataProcessing, BigDecimal interRegionTransfer, BigDecimal monthly) {

    /**
     * In words: "$16.06 a month: 2 zones × $0.011/h × 730 h = $16.06 + 100 GB × $0.01 = $1.00 + 100 GB between
     * regions × $0.02 = $2.00".
     */
    public String describe() {
        StringBuilder text = new StringBuilder("$").append(monthly.toPlainString()).append(" a month: ").append(zones)
                .append(zones == 1 ? " zone" : " zones").append(" × $").append(azHourPrice.toPlainString())
                .append("/h × ").append(Pricing.HOURS_PER_MONTH).append(" h = $").append(endpointHours.toPlainString());
        if (gbPerMonth == null) {
            text.append(" + $").append(perGbPrice.toPlainString()).append(" per GB processed");
            if (crossRegion) {
                text.append(" + $").append(interRegionPerGb.toPlainString()).append(" per GB between regions");
            }
            return text.append(" (no expected traffic given)").toString();
        }
        text.append(" + ").append(gbPerMonth).append(" GB × $").append(perGbPrice.toPlainString()).append(" = $")
                .append(dataProcessing.toPlainString());
        if (crossRegion) {
            text.append(" + ").append(gbPerMonth).append(" GB between regions × $")
                    .append(interRegionPerGb.toPlainString()).append(" = $").append(interRegionTransfer.toPlainString());
        }
        return text.toString();
    }
}
