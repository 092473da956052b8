package dev.linkport.consumer.domain;

import dev.linkport.consumer.EndpointState;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Endpoint requests as lists show them: one narrow row per request (the number of subnets, not the
 * subnets; no timeline), filtered and paged in the database. Names that other modules own (service,
 * account, people) are looked up by the caller, once per page.
 */
@Repository
public class EndpointRequestRowRepository {

    /** One request in a list. */
    public record RowData(UUID id, UUID listingId, UUID consumerAccountId, UUID consumerTeamId, UUID requesterId,
                          String region, String vpcId, int subnetCount, String vpcEndpointId, EndpointState state,
                          String justification, Instant createdAt, Instant updatedAt, Integer expectedGbPerMonth) {
    }

    /**
     * Free text, matched against the request's own columns (VPC, endpoint id, region) with {@code ilike},
     * and against names other modules own, which the caller has resolved to ids beforehand.
     */
    public record TextMatch(String text, Collection<UUID> listingIds, Collection<UUID> accountIds,
                            Collection<UUID> requesterIds) {
    }

    /**
     * Which requests a list shows. {@code consumerTeamIds} and {@code listingIds} bound what the caller may
     * see ({@code null}: no bound, for admins); the other fields are filters, {@code null} or empty when unused.
     *
     * @param submittedOnly     only requests waiting for a decision
     * @param createdAtOrBefore only requests submitted at or before this moment (waiting at least so long)
     * @param oldestFirst       order oldest first (a queue) rather than newest first
     */
    public record Criteria(Collection<UUID> consumerTeamIds, Collection<UUID> listingIds, boolean submittedOnly,
                           Set<EndpointState> states, UUID listingId, UUID consumerAccountId, UUID consumerTeamId,
                           Instant createdAtOrBefore, TextMatch text, boolean oldestFirst) {

        /** An id no row refers to: a filter on it matches nothing. */
        public static final UUID NOTHING = new UUID(0, 0);

        /** The requests into the accounts of these teams ({@code null}: every team's), newest first. */
        public static Criteria ofConsumerTeams(Collection<UUID> teamIds) {
            return new Criteria(teamIds, null, false, Set.of(), null, null, null, null, null, false);
        }

        /** The requests to these listings ({@code null}: every listing) that wait for a decision, oldest first. */
        public static Criteria waitingFor(Collection<UUID> listingIds) {
            return new Criteria(null, listingIds, true, Set.of(), null, null, null, null, null, true);
        }

        public Criteria withStates(Set<EndpointState> states) {
            return new Criteria(consumerTeamIds, listingIds, submittedOnly, states == null ? Set.of() : states, listingId,
                    consumerAccountId, consumerTeamId, createdAtOrBefore, text, oldestFirst);
        }

        public Criteria withListing(UUID id) {
            return new Criteria(consumerTeamIds, listingIds, submittedOnly, states, id, consumerAccountId,
                    consumerTeamId, createdAtOrBefore, text, oldestFirst);
        }

        public Criteria withConsumerAccount(UUID id) {
            return new Criteria(consumerTeamIds, listingIds, submittedOnly, states, listingId, id, consumerTeamId,
                    createdAtOrBefore, text, oldestFirst);
        }

        public Criteria withConsumerTeam(UUID id) {
            return new Criteria(consumerTeamIds, listingIds, submittedOnly, states, listingId, consumerAccountId, id,
                    createdAtOrBefore, text, oldestFirst);
        }

        public Criteria withCreatedAtOrBefore(Instant moment) {
            return new Criteria(consumerTeamIds, listingIds, submittedOnly, states, listingId, consumerAccountId,
                    consumerTeamId, moment, text, oldestFirst);
        }

        public Criteria withText(TextMatch match) {
            return new Criteria(consumerTeamIds, listingIds, submittedOnly, states, listingId, consumerAccountId,
                    consumerTeamId, createdAtOrBefore, match, oldestFirst);
        }

        /** The same bound on what the caller may see, without the filters (to offer the filters' choices). */
        public Criteria scopeOnly() {
            return new Criteria(consumerTeamIds, listingIds, submittedOnly, Set.of(), null, null, null, null, null,
                    oldestFirst);
        }
    }

    private final JdbcClient jdbc;

    EndpointRequestRowRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of the rows that meet the criteria. */
    public List<RowData> find(Criteria criteria, int offset, int limit) {
        Where where = where(criteria);
        String order = criteria.oldestFirst() ? "r.created_at, r.id" : "r.created_at desc, r.id";
        List<Object> params = new ArrayList<>(where.params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql("""
                        select r.id, r.listing_id, r.consumer_account_id, r.consumer_team_id, r.requester_id, r.region,
                               r.vpc_id, (select count(*) from endpoint_request_subnet s where s.request_id = r.id),
                               r.vpc_endpoint_id, r.state, r.justification, r.created_at, r.updated_at,
                               r.expected_gb_per_month
                        from endpoint_request r where\s""" + where.sql + " order by " + order + " limit ? offset ?")
                .params(params)
                .query((rs, n) -> new RowData(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getObject(5, UUID.class),
                        rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9),
                        EndpointState.valueOf(rs.getString(10)), rs.getString(11), rs.getTimestamp(12).toInstant(),
                        rs.getTimestamp(13).toInstant(), rs.getObject(14, Integer.class)))
                .list();
    }

    /** How many rows meet the criteria. */
    public long count(Criteria criteria) {
        Where where = where(criteria);
        return jdbc.sql("select count(*) from endpoint_request r where " + where.sql).params(where.params)
                .query(Long.class).single();
    }

    /** The different values of one of the columns that hold another module's id, among the rows that meet the criteria. */
    public List<UUID> distinct(Criteria criteria, ReferenceColumn column) {
        Where where = where(criteria);
        return jdbc.sql("select distinct r." + column.sql + " from endpoint_request r where " + where.sql)
                .params(where.params).query(UUID.class).list();
    }

    /** The columns of a request that refer to another module's things. */
    public enum ReferenceColumn {
        LISTING("listing_id"), CONSUMER_ACCOUNT("consumer_account_id"), CONSUMER_TEAM("consumer_team_id"),
        REQUESTER("requester_id");

        private final String sql;

        ReferenceColumn(String sql) {
            this.sql = sql;
        }
    }

    private record Where(String sql, List<Object> params) {
    }

    private static Where where(Criteria c) {
        List<String> clauses = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (c.consumerTeamIds() != null) {
            clauses.add("r.consumer_team_id = any(cast(? as uuid[]))");
            params.add(uuids(c.consumerTeamIds()));
        }
        if (c.listingIds() != null) {
            clauses.add("r.listing_id = any(cast(? as uuid[]))");
            params.add(uuids(c.listingIds()));
        }
        if (c.submittedOnly()) {
            clauses.add("r.state = 'SUBMITTED'");
        }
        if (c.states() != null && !c.states().isEmpty()) {
            clauses.add("r.state = any(cast(? as text[]))");
            params.add(c.states().stream().map(Enum::name).toArray(String[]::new));
        }
        if (c.listingId() != null) {
            clauses.add("r.listing_id = ?");
            params.add(c.listingId());
        }
        if (c.consumerAccountId() != null) {
            clauses.add("r.consumer_account_id = ?");
            params.add(c.consumerAccountId());
        }
        if (c.consumerTeamId() != null) {
            clauses.add("r.consumer_team_id = ?");
            params.add(c.consumerTeamId());
        }
        if (c.createdAtOrBefore() != null) {
            clauses.add("r.created_at <= ?");
            params.add(Timestamp.from(c.createdAtOrBefore()));
        }
        TextMatch text = c.text();
        if (text != null && text.text() != null && !text.text().isBlank()) {
            String like = "%" + text.text().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            clauses.add("""
                    (r.vpc_id ilike ? or r.vpc_endpoint_id ilike ? or r.region ilike ?
                     or r.listing_id = any(cast(? as uuid[])) or r.consumer_account_id = any(cast(? as uuid[]))
                     or r.requester_id = any(cast(? as uuid[])))""");
            params.add(like);
            params.add(like);
            params.add(like);
            params.add(uuids(text.listingIds()));
            params.add(uuids(text.accountIds()));
            params.add(uuids(text.requesterIds()));
        }
        return new Where(clauses.isEmpty() ? "true" : String.join(" and ", clauses), params);
    }

    private static String[] uuids(Collection<UUID> ids) {
        return ids == null ? new String[0] : ids.stream().map(UUID::toString).toArray(String[]::new);
    }
}
