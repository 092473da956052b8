package dev.linkport.worker;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code linkport.reconcile.*}: how often Linkport compares AWS with what it holds.
 *
 * @param interval  pause between the end of one reconciliation and the start of the next
 * @param batchSize endpoint ids per DescribeVpcEndpoints call
 */
@ConfigurationProperties("linkport.reconcile")
public record ReconcileProperties(@DefaultValue("60s") Duration interval, @DefaultValue("100") int batchSize) {
}
