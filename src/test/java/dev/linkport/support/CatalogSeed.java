package dev.linkport.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Catalog listings straight into the database, for search tests and benchmarks: no AWS behind them
 * (no endpoint service id, so reconciliation leaves them alone), search fields computed by the
 * database's own triggers as for any listing. Each owner is a fresh team with its own account;
 * {@link #remove} takes the team and everything it owns out again.
 */
@TestComponent
public class CatalogSeed {

    /** A team that owns seeded listings, and the account they live in. */
    public record Owner(UUID teamId, String teamName, UUID accountId) {
    }

    /** A listing to seed; {@code visibleTeams} (names) only with {@code selectedTeamsOnly}. */
    public record Listing(String name, String summary, String description, List<String> tags, String region,
                          List<String> supportedRegions, boolean selectedTeamsOnly, Set<String> visibleTeams) {

        public static Listing of(String name, String summary, String description, String... tags) {
            return new Listing(name, summary, description, List.of(tags), "us-east-1", List.of(), false, Set.of());
        }

        public Listing inRegion(String value, String... supported) {
            return new Listing(name, summary, description, tags, value, List.of(supported), selectedTeamsOnly,
                    visibleTeams);
        }

        public Listing visibleTo(String... teams) {
            return new Listing(name, summary, description, tags, region, supportedRegions, true, Set.of(teams));
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public CatalogSeed(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** A new team with this name (which must be free) and a provider account. */
    public Owner owner(String teamName) {
        return tx.execute(status -> {
            UUID team = UUID.randomUUID();
            UUID account = UUID.randomUUID();
            String accountId = String.format("9%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
            jdbc.sql("insert into team (id, name, display_name, provider, created_at, version) values (?, ?, ?, true, now(), 0)")
                    .params(team, teamName, teamName).update();
            jdbc.sql("""
                            insert into aws_account (id, team_id, account_id, display_name, role_arn, external_id,
                                                     created_at, version)
                            values (?, ?, ?, ?, ?, ?, now(), 0)""")
                    .params(account, team, accountId, teamName, "arn:aws:iam::" + accountId + ":role/LinkportAccess",
                            "seed-" + account)
                    .update();
            return new Owner(team, teamName, account);
        });
    }

    /** One available listing of the owner. */
    public UUID listing(Owner owner, Listing listing) {
        return listings(owner, List.of(listing)).getFirst();
    }

    /**
     * Available listings of the owner, in a few statements however many (tens of thousands at a time
     * are fine): the triggers then run once per statement, not once per tag.
     */
    public List<UUID> listings(Owner owner, List<Listing> listings) {
        return tx.execute(status -> {
            List<UUID> ids = new ArrayList<>();
            List<String> tagListing = new ArrayList<>();
            List<String> tags = new ArrayList<>();
            List<String> regionListing = new ArrayList<>();
            List<String> regions = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<String> summaries = new ArrayList<>();
            List<String> descriptions = new ArrayList<>();
            List<String> homeRegions = new ArrayList<>();
            List<String> visibilities = new ArrayList<>();
            for (Listing l : listings) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                names.add(l.name());
                summaries.add(l.summary());
                descriptions.add(l.description());
                homeRegions.add(l.region());
                visibilities.add(l.selectedTeamsOnly() ? "SELECTED_TEAMS" : "ALL_TEAMS");
                for (String tag : l.tags()) {
                    tagListing.add(id.toString());
                    tags.add(tag);
                }
                for (String region : l.supportedRegions()) {
                    regionListing.add(id.toString());
                    regions.add(region);
                }
            }
            jdbc.sql("""
                            insert into service_listing (id, owner_team_id, owner_team_name, provider_account_id, region,
                                name, summary, description, acceptance_required, approval_policy, visibility, state,
                                created_at, updated_at, version)
                            select s.id, ?, ?, ?, s.region, s.name, s.summary, s.description, true, 'PROVIDER',
                                   s.visibility, 'AVAILABLE', now(), now(), 0
                            from unnest(cast(? as uuid[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                                        cast(? as text[]), cast(? as text[]))
                                 as s(id, name, summary, description, region, visibility)""")
                    .params(owner.teamId(), owner.teamName(), owner.accountId(), ids.toArray(UUID[]::new),
                            names.toArray(String[]::new), summaries.toArray(String[]::new),
                            descriptions.toArray(String[]::new), homeRegions.toArray(String[]::new),
                            visibilities.toArray(String[]::new))
                    .update();
            jdbc.sql("""
                            insert into service_listing_tag (listing_id, tag)
                            select cast(t.listing as uuid), t.tag from unnest(cast(? as text[]), cast(? as text[])) as t(listing, tag)
                            on conflict do nothing""")
                    .params(tagListing.toArray(String[]::new), tags.toArray(String[]::new)).update();
            jdbc.sql("""
                            insert into service_listing_supported_region (listing_id, region)
                            select cast(r.listing as uuid), r.region
                            from unnest(cast(? as text[]), cast(? as text[])) as r(listing, region)""")
                    .params(regionListing.toArray(String[]::new), regions.toArray(String[]::new)).update();
            for (int i = 0; i < listings.size(); i++) {
                for (String team : listings.get(i).visibleTeams()) {
                    jdbc.sql("insert into service_listing_visible_team (listing_id, team_id) select ?, id from team where name = ?")
                            .params(ids.get(i), team).update();
                }
            }
            return ids;
        });
    }

    /** The owner's team, account and listings, gone. */
    public void remove(Owner owner) {
        tx.executeWithoutResult(status -> {
            jdbc.sql("delete from service_listing where owner_team_id = ?").param(owner.teamId()).update();
            jdbc.sql("delete from aws_account where team_id = ?").param(owner.teamId()).update();
            jdbc.sql("delete from team where id = ?").param(owner.teamId()).update();
        });
    }
}
