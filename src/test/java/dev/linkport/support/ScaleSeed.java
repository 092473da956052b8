package dev.linkport.support;

import dev.linkport.sandbox.SandboxLifecycle;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts tens of thousands of endpoint services into the sandbox and their listings into Linkport's
 * database in a few statements, for scale tests and benchmarks (through the API each would take an
 * AWS call and a publish job). The rows are what reconciliation compares with AWS: the listing and
 * its load balancer. {@link #remove} takes everything out again, so that the tests after see the
 * world they expect.
 */
@TestComponent
public class ScaleSeed {

    /** A provider account in the sandbox and in Linkport (team payments), with one load balancer. */
    public record Provider(UUID id, String accountId, String region, String loadBalancerArn) {
    }

    private final SandboxLifecycle sandbox;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public ScaleSeed(SandboxLifecycle sandbox, JdbcClient jdbc, TransactionTemplate tx) {
        this.sandbox = sandbox;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /**
     * The account in the sandbox (role {@code LinkportAccess}, ExternalId {@code demo-<account>}, a VPC per
     * region) and registered in Linkport for the team; made on first use.
     *
     * @return Linkport's id of the account
     */
    public UUID account(String accountId, String teamName, List<String> regions) {
        sandbox.control().createAccount(accountId, "scale-" + accountId, regions);
        return tx.execute(status -> {
            List<UUID> existing = jdbc.sql("select id from aws_account where account_id = ?").param(accountId)
                    .query(UUID.class).list();
            if (!existing.isEmpty()) {
                return existing.getFirst();
            }
            UUID created = UUID.randomUUID();
            jdbc.sql("""
                            insert into aws_account (id, team_id, account_id, display_name, role_arn, external_id,
                                                     created_at, version)
                            select ?, id, ?, ?, ?, ?, now(), 0 from team where name = ?""")
                    .params(created, accountId, "scale-" + accountId, "arn:aws:iam::" + accountId + ":role/LinkportAccess",
                            "demo-" + accountId, teamName)
                    .update();
            for (String region : regions) {
                jdbc.sql("insert into aws_account_region (aws_account_id, region) values (?, ?)").params(created, region)
                        .update();
            }
            return created;
        });
    }

    /** A provider account of team payments with a load balancer {@code scale} in two AZs; made on first use. */
    public Provider provider(String accountId, String region) {
        UUID id = account(accountId, "payments", List.of(region));
        String arn = sandbox.control().createLoadBalancer(accountId, region, "scale", List.of("a", "b"));
        return new Provider(id, accountId, region, arn);
    }

    /**
     * {@code count} endpoint services of the provider (acceptance required) and their AVAILABLE listings,
     * owned by team payments, with policy ADMIN.
     *
     * @return the services' ids
     */
    public List<String> services(Provider provider, int count) {
        long started = System.nanoTime();
        List<String> ids = sandbox.control().seedEndpointServices(provider.accountId(), provider.region(),
                provider.loadBalancerArn(), count, true);
        long inSandbox = System.nanoTime();
        long[] inTransaction = new long[1];
        List<String> plans = new ArrayList<>();
        tx.executeWithoutResult(status -> {
            inTransaction[0] = System.nanoTime();
            Timestamp now = Timestamp.from(Instant.now());
            // EXPLAIN ANALYZE runs the insert and says where its time went (triggers included), printed below
            // when seeding is slow
            plans.addAll(jdbc.sql("""
                            explain (analyze, buffers)
                            insert into service_listing (id, owner_team_id, owner_team_name, provider_account_id, region,
                                name, summary, acceptance_required, approval_policy, visibility, state, aws_service_id,
                                aws_service_name, created_at, updated_at, version)
                            select gen_random_uuid(), t.id, t.name, ?, ?, 'scale-' || s.id, 'Seeded for scale', true,
                                   'ADMIN', 'ALL_TEAMS', 'AVAILABLE', s.id, 'com.amazonaws.vpce.' || ? || '.' || s.id,
                                   ?, ?, 0
                            from unnest(cast(? as text[])) as s(id), team t where t.name = 'payments'""")
                    .params(provider.id(), provider.region(), provider.region(), now, now, ids.toArray(String[]::new))
                    .query(String.class).list());
            // fresh statistics for the 100,000 new rows before the insert below: late in the full suite its
            // foreign-key checks took 80 s (0.8 ms each, EXPLAIN ANALYZE), alone about a second; statistics taken
            // earlier in the suite are the suspect (the checks' plans are made from them)
            jdbc.sql("analyze service_listing").update();
            plans.addAll(jdbc.sql("""
                            explain (analyze, buffers)
                            insert into service_listing_load_balancer (listing_id, load_balancer_arn)
                            select l.id, ? from service_listing l join unnest(cast(? as text[])) as s(id)
                                on l.aws_service_id = s.id""")
                    .params(provider.loadBalancerArn(), ids.toArray(String[]::new)).query(String.class).list());
        });
        // where seeding spends its time: alone it takes seconds, late in the full suite it has taken minutes
        long insertMillis = (System.nanoTime() - inTransaction[0]) / 1_000_000;
        System.out.printf("SCALE SEED %,d services: sandbox %d ms, waiting for a connection %d ms, insert and commit %d ms%n",
                count, (inSandbox - started) / 1_000_000, (inTransaction[0] - inSandbox) / 1_000_000, insertMillis);
        if (insertMillis > 30_000) {
            System.out.println("SCALE SEED slow; the inserts' plans:\n" + String.join("\n", plans));
        }
        return ids;
    }

    /** {@code perService} available endpoints of the consumer account connected to each of the services. */
    public List<String> connections(List<String> serviceIds, String consumerAccountId, int perService) {
        List<String> endpoints = new ArrayList<>();
        for (String serviceId : serviceIds) {
            endpoints.addAll(sandbox.control().seedConnections(serviceId, consumerAccountId, perService));
        }
        return endpoints;
    }

    /** Takes the services out of the sandbox and their listings (with all that hangs on them) out of Linkport. */
    public void remove(List<String> serviceIds) {
        String[] ids = serviceIds.toArray(String[]::new);
        // findings, observed connections and principals go with their listing (on delete cascade)
        tx.executeWithoutResult(status -> jdbc.sql("""
                        delete from service_listing l using unnest(cast(? as text[])) as s(id)
                        where l.aws_service_id = s.id""").param(ids).update());
        sandbox.control().removeEndpointServices(serviceIds);
    }
}
