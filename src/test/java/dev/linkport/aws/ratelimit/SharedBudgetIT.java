package dev.linkport.aws.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.support.Ids;
import dev.linkport.support.LinkportIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Budgets in PostgreSQL: two rate limiters (two Linkport instances) on one database hand out together
 * no more tokens than one account's bucket allows, and no fewer.
 */
@LinkportIntegrationTest
class SharedBudgetIT {

    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void twoInstancesTogetherStayWithinOneBudget() throws Exception {
        String account = Ids.accountId();
        FakeTime time = new FakeTime();
        List<RateLimiter> instances = List.of(
                new RateLimiter(1.0, false, time, new JdbcBucketStore(jdbc, transactions)),
                new RateLimiter(1.0, false, time, new JdbcBucketStore(jdbc, transactions)));
        ApiBucket bucket = ApiBucket.ENDPOINT_CONNECTIONS; // burst 10, 1 per second
        int seconds = 20;

        long granted = 0;
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            for (int second = 0; second <= seconds; second++) {
                // four callers per instance take what they can, then the clock moves on by a second
                List<Callable<Integer>> callers = new ArrayList<>();
                for (int caller = 0; caller < 8; caller++) {
                    RateLimiter limiter = instances.get(caller % 2);
                    callers.add(() -> {
                        int taken = 0;
                        while (limiter.tryAcquire(account, "us-east-1", bucket).isZero()) {
                            taken++;
                        }
                        return taken;
                    });
                }
                for (Future<Integer> f : threads.invokeAll(callers)) {
                    granted += f.get();
                }
                time.advance(Duration.ofSeconds(1));
            }
        } finally {
            threads.shutdownNow();
        }

        // the burst, then AWS's rate from a second after the first call (when AWS may see that call) on
        long allowed = bucket.awsBurst() + Math.round((seconds - 1) * bucket.awsRefillPerSecond());
        assertThat(granted).as("tokens granted by both instances over %d s", seconds).isEqualTo(allowed);
        RateLimiter.Budget budget = instances.getFirst().budgets().stream()
                .filter(b -> b.key().accountId().equals(account)).findFirst().orElseThrow();
        assertThat(budget.calls()).isEqualTo(allowed);
        assertThat(budget.deferrals()).as("callers sent away, counted once for both").isGreaterThanOrEqualTo(8L * seconds);
    }
}
