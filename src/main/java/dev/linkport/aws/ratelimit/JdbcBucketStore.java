package dev.linkport.aws.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Budgets in PostgreSQL ({@code aws_rate_budget}), shared by every Linkport instance on the database:
 * together they stay within one budget per account. An update locks the budget's row for the few
 * statements it takes, in its own short transaction (never the caller's).
 */
public final class JdbcBucketStore implements BucketStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    public JdbcBucketStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public <T> T update(BucketKey key, BucketState fresh, Function<BucketState, Change<T>> change) {
        return ownTransaction.execute(status -> {
            BucketState current = locked(key).orElse(null);
            if (current == null) { // first use anywhere: create it (or find another instance's), then lock it
                jdbc.sql("""
                                insert into aws_rate_budget (account_id, region, bucket, tokens, rate, refilled_at, calls,
                                                             throttles, deferrals, deferred_millis, updated_at)
                                values (?, ?, ?, ?, ?, ?, 0, 0, 0, 0, now())
                                on conflict do nothing""")
                        .params(key.accountId(), key.region(), key.bucket().name(), fresh.tokens(), fresh.rate(),
                                fresh.refilledAt())
                        .update();
                current = locked(key).orElseThrow();
            }
            Change<T> c = change.apply(current);
            BucketState next = c.next();
            jdbc.sql("""
                            update aws_rate_budget set tokens = ?, rate = ?, refilled_at = ?, calls = ?, throttles = ?,
                                   deferrals = ?, deferred_millis = ?, updated_at = now()
                            where account_id = ? and region = ? and bucket = ?""")
                    .params(next.tokens(), next.rate(), next.refilledAt(), next.calls(), next.throttles(),
                            next.deferrals(), next.deferredMillis(), key.accountId(), key.region(), key.bucket().name())
                    .update();
            return c.answer();
        });
    }

    /** The budget's row, locked until the transaction ends; empty if no instance has used it yet. */
    private Optional<BucketState> locked(BucketKey key) {
        return jdbc.sql("""
                        select tokens, rate, refilled_at, calls, throttles, deferrals, deferred_millis
                        from aws_rate_budget where account_id = ? and region = ? and bucket = ? for update""")
                .params(key.accountId(), key.region(), key.bucket().name())
                .query((rs, n) -> new BucketState(rs.getDouble(1), rs.getDouble(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7)))
                .optional();
    }

    @Override
    public Map<BucketKey, BucketState> all() {
        Map<BucketKey, BucketState> out = new LinkedHashMap<>();
        jdbc.sql("""
                        select account_id, region, bucket, tokens, rate, refilled_at, calls, throttles, deferrals,
                               deferred_millis
                        from aws_rate_budget order by account_id, region, bucket""")
                .query((rs, n) -> out.put(new BucketKey(rs.getString(1), rs.getString(2),
                        ApiBucket.valueOf(rs.getString(3))), new BucketState(rs.getDouble(4), rs.getDouble(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10))))
                .list();
        return out;
    }
}
