package dev.linkport.api;

import dev.linkport.consumer.service.EndpointUsage;
import dev.linkport.consumer.service.EndpointUsageService;
import dev.linkport.consumer.service.ServiceUsage;
import dev.linkport.consumer.service.UsageWindow;
import dev.linkport.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Usage and cost from PrivateLink's CloudWatch metrics: per endpoint for its consumers, per consumer for providers. */
@RestController
@Tag(name = "Usage", description = "Traffic and month-to-date cost from CloudWatch")
class UsageController {

    static final String DAY = "24h";
    static final String MONTH = "30d";

    /** One period: its start, bytes processed (both directions) and connections opened. */
    record Period(Instant start, long bytes, long newConnections) {
    }

    /** An endpoint's traffic per period and what it cost this month so far (USD). */
    record EndpointUsageBody(UUID requestId, String vpcEndpointId, String window, List<Period> periods,
                             long totalBytes, long totalNewConnections, long monthToDateBytes,
                             BigDecimal monthToDateCost, String costExplanation) {

        static EndpointUsageBody of(EndpointUsage u) {
            List<Period> periods = new java.util.ArrayList<>();
            for (int i = 0; i < u.periods().size(); i++) {
                periods.add(new Period(u.periods().get(i), u.bytes().get(i), u.newConnections().get(i)));
            }
            return new EndpointUsageBody(u.requestId(), u.vpcEndpointId(), name(u.window()), periods, u.totalBytes(),
                    u.totalNewConnections(), u.monthToDateBytes(), u.monthToDateCost(), u.costExplanation());
        }
    }

    /** One consumer endpoint's traffic; {@code bytes} per period of the answer's {@code periods}. */
    record ConsumerBody(UUID requestId, String consumerTeam, String accountId, String vpcEndpointId,
                        List<Long> bytes, long totalBytes, long totalNewConnections) {
    }

    /** A service's traffic by consumer endpoint, busiest first. */
    record ServiceUsageBody(UUID serviceId, String window, List<Instant> periods, List<ConsumerBody> consumers) {

        static ServiceUsageBody of(ServiceUsage u) {
            return new ServiceUsageBody(u.serviceId(), name(u.window()), u.periods(), u.consumers().stream()
                    .map(c -> new ConsumerBody(c.requestId(), c.consumerTeam(), c.accountId(), c.vpcEndpointId(),
                            c.bytes(), c.totalBytes(), c.totalNewConnections())).toList());
        }
    }

    private final EndpointUsageService usage;

    UsageController(EndpointUsageService usage) {
        this.usage = usage;
    }

    @GetMapping(path = "/api/v1/endpoint-requests/{id}/usage", produces = "application/json")
    @Operation(summary = "The endpoint's traffic per hour (window=24h) or day (30d) and its month-to-date cost",
            description = "From CloudWatch's AWS/PrivateLinkEndpoints in the consumer's account; kept for a minute. "
                    + "404 if you may not see the request.")
    EndpointUsageBody endpointUsage(@PathVariable UUID id, @RequestParam(defaultValue = DAY)
                                    @Schema(allowableValues = {DAY, MONTH}) String window) {
        return EndpointUsageBody.of(usage.endpointUsage(id, window(window)));
    }

    @GetMapping(path = "/api/v1/services/{id}/usage", produces = "application/json")
    @Operation(summary = "The service's traffic by consumer endpoint per hour (window=24h) or day (30d)",
            description = "From CloudWatch's AWS/PrivateLinkServices in the provider's account; for the service's "
                    + "team and admins (403 for others who see the service).")
    ServiceUsageBody serviceUsage(@PathVariable UUID id, @RequestParam(defaultValue = DAY)
                                  @Schema(allowableValues = {DAY, MONTH}) String window) {
        return ServiceUsageBody.of(usage.serviceUsage(id, window(window)));
    }

    private static UsageWindow window(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case DAY -> UsageWindow.LAST_24_HOURS;
            case MONTH -> UsageWindow.LAST_30_DAYS;
            default -> throw InvalidInputException.of("window", "Use window=" + DAY + " or window=" + MONTH);
        };
    }

    private static String name(UsageWindow window) {
        return window == UsageWindow.LAST_30_DAYS ? MONTH : DAY;
    }
}
