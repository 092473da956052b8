package dev.linkport.aws;

import java.util.List;

/**
 * A target group behind a load balancer: what the load balancer sends traffic to.
 *
 * @param targetType {@code instance}, {@code ip}, {@code alb} (an Application Load Balancer) or {@code lambda}
 * @param targets    the registered targets, with their zone and health (read for {@code ip} target groups only)
 */
public record LoadBalancerTargetGroup(String arn, String name, String targetType, String protocol, Integer port,
        List<Target> targets) {

    public LoadBalancerTargetGroup {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    /**
     * A registered target.
     *
     * @param id               an instance id, an IP address or a load balancer ARN
     * @param availabilityZone its zone; {@code all} for IP addresses outside the load balancer's VPC (on premises
     *                         or in a peered VPC), which AWS registers only that way
     * @param health           {@code healthy}, {@code unhealthy}, {@code initial}, {@code unused}, …
     */
    public record Target(String id, Integer port, String availabilityZone, String health) {

        /** Whether AWS registered it in zone {@code all}, as it requires for IP addresses outside the VPC. */
        public boolean outsideVpc() {
            return "all".equals(availabilityZone);
        }
    }

    /** Whether it sends traffic to IP addresses outside the VPC: the on-premises pattern. */
    public boolean reachesOutsideVpc() {
        return "ip".equals(targetType) && targets.stream().anyMatch(Target::outsideVpc);
    }
}
