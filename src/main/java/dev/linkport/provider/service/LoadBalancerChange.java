package dev.linkport.provider.service;

import dev.linkport.catalog.service.PublishServiceCommand;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * Adds and removes network load balancers of a live service.
 *
 * @param version         the version of the service the change started from, or {@code null}
 * @param confirmZoneLoss the provider saw the warning: the change may drop zones in which consumers have endpoints
 */
public record LoadBalancerChange(
        @NotNull UUID serviceId, Long version,
        @Size(max = PublishServiceCommand.MAX_LOAD_BALANCERS, message = PublishServiceCommand.MAX_LOAD_BALANCERS_MESSAGE)
        List<@NotNull(message = PublishServiceCommand.NLB_ARN_MESSAGE)
                @Pattern(regexp = PublishServiceCommand.NLB_ARN, message = PublishServiceCommand.NLB_ARN_MESSAGE)
                String> addLoadBalancerArns,
        @Size(max = PublishServiceCommand.MAX_LOAD_BALANCERS, message = PublishServiceCommand.MAX_LOAD_BALANCERS_MESSAGE)
        List<@NotNull(message = PublishServiceCommand.NLB_ARN_MESSAGE)
                @Pattern(regexp = PublishServiceCommand.NLB_ARN, message = PublishServiceCommand.NLB_ARN_MESSAGE)
                String> removeLoadBalancerArns,
        boolean confirmZoneLoss) {

    public LoadBalancerChange {
        addLoadBalancerArns = addLoadBalancerArns == null ? List.of() : addLoadBalancerArns;
        removeLoadBalancerArns = removeLoadBalancerArns == null ? List.of() : removeLoadBalancerArns;
    }
}
