package dev.linkport.catalog.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog's search over {@code service_listing}: who may see a listing (the one place that says
 * so), full-text matching ranked by relevance, capped counts and facets. Plain SQL over the search
 * fields that migration V13's triggers keep true ({@code search_document}, {@code tag_list},
 * {@code reachable_regions}, {@code search_word}); nothing here loads an entity.
 */
@Repository
public class CatalogSearchRepository {

    /**
     * Available, and visible to all teams, or owned by one of {@code :teams}, or made visible to one
     * of them. Listings are {@code l}.
     */
    static final String DISCOVERABLE = """
            l.state = 'AVAILABLE'
            and (l.visibility = 'ALL_TEAMS' or l.owner_team_id = any(cast(:teams as uuid[]))
                 or exists (select 1 from service_listing_visible_team v
                            where v.listing_id = l.id and v.team_id = any(cast(:teams as uuid[]))))""";

    /** Marks around matched words in highlighted text: characters that never occur in what people type. */
    public static final char MARK_START = '\u0001';
    public static final char MARK_END = '\u0002';

    private static final String HEADLINE_OPTIONS = "HighlightAll=true, StartSel=\"" + MARK_START
            + "\", StopSel=\"" + MARK_END + "\"";
    private static final double MIN_SIMILARITY = 0.35;
    private static final int CORRECTIONS_PER_WORD = 2;

    /**
     * How far counts go before they stop, how many rows an estimate of facets reads, and from how many
     * matches the planner expects on nothing is counted at all.
     */
    public record Limits(int countCap, int facetSampleRows, long broadEstimate) {
        public static final Limits DEFAULT = new Limits(1000, 3_000);

        public Limits(int countCap, int facetSampleRows) {
            this(countCap, facetSampleRows, 3L * countCap);
        }
    }

    /** Words to search for, ready for PostgreSQL; {@code corrections} maps a typed word to the names and tags it was taken for. */
    public record ResolvedText(String query, Map<String, List<String>> corrections) {
    }

    /** What to search: the caller's teams, resolved words (or null) and exact filters (or null). */
    public record Filter(Set<UUID> teams, ResolvedText text, String tag, String team, String region) {
    }

    /**
     * A listing in results. {@code name} and {@code summary} carry {@link #MARK_START}/{@link #MARK_END}
     * around matched words.
     */
    public record Row(UUID id, String name, String summary, String ownerTeam, String region, List<String> tags,
                      String approvalPolicy, String serviceName) {
    }

    /** A count that stopped at the cap: {@code atLeast} says there are more. */
    public record Count(long value, boolean atLeast) {
    }

    public record FacetValue(String value, long count) {
    }

    /** Facets of a result; {@code estimated} when counted on a sample of a large result, scaled up. */
    public record Facets(long total, boolean estimated, List<FacetValue> tags, List<FacetValue> teams,
                         List<FacetValue> regions) {
    }

    private final JdbcClient jdbc;
    private final Limits limits;

    @Autowired
    CatalogSearchRepository(JdbcClient jdbc) {
        this(jdbc, Limits.DEFAULT);
    }

    public CatalogSearchRepository(JdbcClient jdbc, Limits limits) {
        this.jdbc = jdbc;
        this.limits = limits;
    }

    /** Whether members of these teams find the listing in the catalog. */
    public boolean discoverable(UUID id, Collection<UUID> teams) {
        return jdbc.sql("select exists (select 1 from service_listing l where l.id = :id and " + DISCOVERABLE + ")")
                .param("id", id).param("teams", uuidArray(teams))
                .query(Boolean.class).single();
    }

    /**
     * Turns typed text into a query: web search syntax, the word being typed as a prefix, and each
     * word that no name or tag starts with widened to the most similar words of names and tags.
     * Null when the text holds no searchable word (only stop words, say).
     */
    public ResolvedText resolve(SearchText text) {
        Map<String, List<String>> corrections = corrections(text.correctable());
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("head", text.head());
        String expr = "websearch_to_tsquery('english', :head)";
        if (text.prefix() != null) {
            params.put("prefix", text.prefix() + ":*");
            expr = "(" + expr + (text.negated() ? " && !! " : " && ") + "to_tsquery('english', :prefix))";
        }
        int n = 0;
        for (Map.Entry<String, List<String>> e : corrections.entrySet()) {
            String typed = e.getKey();
            String target = "t" + n;
            params.put(target, typed.equals(text.prefix()) ? typed + ":*" : typed);
            StringBuilder widened = new StringBuilder("to_tsquery('english', :" + target + ")");
            int m = 0;
            for (String word : e.getValue()) {
                String name = "w" + n + "_" + m++;
                params.put(name, word);
                widened.append(" || to_tsquery('english', :").append(name).append(")");
            }
            expr = "ts_rewrite(" + expr + ", to_tsquery('english', :" + target + "), " + widened + ")";
            n++;
        }
        String query = jdbc.sql("select cast(" + expr + " as text)").params(params).query(String.class).single();
        if (query == null || query.isBlank()) {
            return null;
        }
        return new ResolvedText(query, corrections);
    }

    private Map<String, List<String>> corrections(List<String> words) {
        if (words.isEmpty()) {
            return Map.of();
        }
        List<String> uppers = words.stream().map(CatalogSearchRepository::upperBound).toList();
        Map<String, List<String>> out = new LinkedHashMap<>();
        jdbc.sql("""
                        select t.word, c.word from unnest(cast(:words as text[]), cast(:uppers as text[])) as t(word, upper)
                        cross join lateral (
                            select w.word from search_word w
                            where w.word % t.word and similarity(w.word, t.word) >= :similarity
                            order by similarity(w.word, t.word) desc, w.word limit :per) c
                        where not exists (select 1 from search_word x where x.word >= t.word and x.word < t.upper)""")
                .param("words", textArray(words)).param("uppers", textArray(uppers))
                .param("similarity", MIN_SIMILARITY).param("per", CORRECTIONS_PER_WORD)
                .query((rs, i) -> out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        return out;
    }

    /** The least string greater than every string starting with {@code word} (in byte order, as {@code search_word} sorts). */
    private static String upperBound(String word) {
        int last = word.codePointBefore(word.length());
        return word.substring(0, word.length() - Character.charCount(last)) + Character.toString(last + 1);
    }

    /** One page of results with the count of all of them (up to the cap). */
    public record Found(List<Row> rows, Count count) {
    }

    /**
     * One page, best first, with the count: listings whose name matches, then the others, each by rank;
     * without words, by name. While the matches are at most the count cap, one statement counts,
     * ranks and cuts the page. Past the cap, the name matches come by rank while they are within the
     * cap and by name beyond it, and the others by name: ranking tens of thousands of listings means
     * reading every one of them, while walking the name index until a page is full reads a few dozen.
     * Where the statistics promise far more matches than the cap, nothing is counted: the count is
     * the cap, "at least" (or, on a last page that is not full, what the pages hold).
     */
    public Found find(Filter filter, long offset, int limit) {
        customPlans();
        if (filter.text() == null) {
            Found first = ranked(filter, "", BY_NAME, offset, limit);
            return first.count().atLeast() && offset + limit > limits.countCap() + 1
                    ? new Found(rows(filter, "", BY_NAME, offset, limit), first.count()) : first;
        }
        String byName = " and l.name_document @@ cast(:query as tsquery)";
        long[] estimated = estimates(filter, "", byName);
        Count count = new Count(limits.countCap(), true);
        if (!broad(estimated[0])) {
            Found all = ranked(filter, "", NAMES_FIRST_BY_RANK, offset, limit);
            if (!all.count().atLeast()) {
                return all;
            }
        }
        List<Row> named = null;
        long namedTotal = 0;
        if (!broad(estimated[1])) {
            Found rankedNames = ranked(filter, byName, BY_RANK, offset, limit);
            if (!rankedNames.count().atLeast()) {
                named = rankedNames.rows();
                namedTotal = rankedNames.count().value();
            }
        }
        if (named == null) {
            named = rows(filter, byName, BY_NAME, offset, limit);
            namedTotal = named.isEmpty() && offset > 0 ? countWhere(filter, byName) : offset + named.size();
        }
        if (named.size() == limit) {
            return new Found(named, count);
        }
        List<Row> page = new ArrayList<>(named);
        page.addAll(rows(filter, " and not (l.name_document @@ cast(:query as tsquery))",
                BY_NAME, Math.max(0, offset - namedTotal), limit - named.size()));
        if (page.size() < limit && (offset == 0 || !page.isEmpty())) {
            // the last page: what came before it and what is on it are all there is
            return new Found(page, countOf(offset + page.size()));
        }
        return new Found(page, count);
    }

    private Count countOf(long n) {
        return n > limits.countCap() ? new Count(limits.countCap(), true) : new Count(n, false);
    }

    /**
     * Whether the planner expects so many matches that counting them to the cap (and ranking what
     * was counted) is not worth it: the count would stop at the cap anyway. From the column statistics
     * that {@code analyze} keeps (for a word, how many documents hold it), so it costs a plan, not a read.
     */
    private boolean broad(long estimate) {
        return estimate > limits.broadEstimate();
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The planner's estimates of how many listings match the filter with each of the extra conditions. */
    private long[] estimates(Filter filter, String... ands) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        String selects = java.util.Arrays.stream(ands)
                .map(and -> "select 1 from service_listing l where " + where + and)
                .collect(Collectors.joining(" union all "));
        String json = jdbc.sql("explain (format json) " + selects).params(params).query(String.class).single();
        JsonNode plan = JSON.readTree(json).get(0).get("Plan");
        long[] rows = new long[ands.length];
        JsonNode branches = plan.get("Plans");
        for (int i = 0; i < ands.length; i++) {
            JsonNode branch = ands.length == 1 || branches == null || branches.size() != ands.length
                    ? plan : branches.get(i);
            rows[i] = branch.get("Plan Rows").asLong();
        }
        return rows;
    }

    /** As {@link #find}, the page only. */
    public List<Row> page(Filter filter, long offset, int limit) {
        return find(filter, offset, limit).rows();
    }

    /**
     * Plans for the values at hand: how many listings a word matches decides between reading the
     * matches and walking an index, and a plan cached for any word cannot know.
     */
    private void customPlans() {
        jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
    }

    /** An order of results: the keys it sorts by (as columns {@code k1}, {@code k2}), then name and id. */
    private record Order(String keys, String inner, String outer) {
    }

    private static final Order BY_NAME = new Order(", null as k1, null as k2", "l.name, l.id", "p.name, p.id");
    private static final Order BY_RANK = new Order(", ts_rank(l.search_document, cast(:query as tsquery)) as k1, "
            + "null as k2", "k1 desc, l.name, l.id", "p.k1 desc, p.name, p.id");
    private static final Order NAMES_FIRST_BY_RANK = new Order(", l.name_document @@ cast(:query as tsquery) as k1, "
            + "ts_rank(l.search_document, cast(:query as tsquery)) as k2", "k1 desc, k2 desc, l.name, l.id",
            "p.k1 desc, p.k2 desc, p.name, p.id");

    /**
     * The page and the capped count in one statement: the first cap + 1 matches (the order keys computed
     * for each), counted, sorted and cut. When the count reaches past the cap the rows are not the best
     * ones, only some: the caller asks differently then.
     */
    private Found ranked(Filter filter, String and, Order order, long offset, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params) + and;
        params.put("cap", limits.countCap() + 1);
        params.put("offset", offset);
        params.put("limit", limit);
        long[] count = {0};
        // by name, the first matches by name are the page's candidates; by rank, any matches are
        String first = order == BY_NAME ? " order by l.name, l.id" : "";
        List<Row> rows = jdbc.sql("with m as materialized (select l.id, l.name" + order.keys()
                        + " from service_listing l where " + where + first + " limit :cap), "
                        + "p as (select m.* from m order by " + order.inner().replace("l.", "m.")
                        + " offset :offset limit :limit) "
                        + "select (select count(*) from m), " + columns(filter) + " from (select 1) one "
                        + "left join (p join service_listing l on l.id = p.id) on true order by " + order.outer())
                .params(params)
                .query((rs, i) -> {
                    count[0] = rs.getLong(1);
                    return rs.getObject(2) == null ? null : row(rs, 2);
                })
                .list().stream().filter(java.util.Objects::nonNull).toList();
        long n = count[0];
        return n > limits.countCap() ? new Found(rows, new Count(limits.countCap(), true))
                : new Found(rows, new Count(n, false));
    }

    /** The columns of a {@link Row}, from listing {@code l}; with words, name and summary marked. */
    private static String columns(Filter filter) {
        String name = "l.name";
        String summary = "l.summary";
        if (filter.text() != null) {
            name = "ts_headline('english', l.name, cast(:query as tsquery), :options)";
            summary = "ts_headline('english', l.summary, cast(:query as tsquery), :options)";
        }
        return "l.id, " + name + ", " + summary + ", l.owner_team_name, l.region, l.tag_list, l.approval_policy, "
                + "l.aws_service_name";
    }

    private static Row row(java.sql.ResultSet rs, int first) throws java.sql.SQLException {
        return new Row(rs.getObject(first, UUID.class), rs.getString(first + 1), rs.getString(first + 2),
                rs.getString(first + 3), rs.getString(first + 4),
                List.of((String[]) rs.getArray(first + 5).getArray()), rs.getString(first + 6),
                rs.getString(first + 7));
    }

    /** A page in the given order, without counting: the inner query orders and cuts, headlines for the page only. */
    private List<Row> rows(Filter filter, String and, Order order, long offset, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params) + and;
        params.put("offset", offset);
        params.put("limit", limit);
        return jdbc.sql("select " + columns(filter) + " from (select l.id, l.name" + order.keys()
                        + " from service_listing l where " + where + " order by " + order.inner()
                        + " offset :offset limit :limit) p join service_listing l on l.id = p.id order by "
                        + order.outer())
                .params(params)
                .query((rs, i) -> row(rs, 1))
                .list();
    }

    private long countWhere(Filter filter, String and) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params) + and;
        return jdbc.sql("select count(*) from service_listing l where " + where).params(params).query(Long.class)
                .single();
    }

    /**
     * How many listings match, counting no further than the cap (and not at all where the statistics
     * promise far more).
     */
    public Count count(Filter filter) {
        customPlans();
        if (filter.text() != null && broad(estimates(filter, "")[0])) {
            return new Count(limits.countCap(), true);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        params.put("cap", limits.countCap() + 1);
        long n = jdbc.sql("select count(*) from (select 1 from service_listing l where " + where + " limit :cap) m")
                .params(params).query(Long.class).single();
        return n > limits.countCap() ? new Count(limits.countCap(), true) : new Count(n, false);
    }

    /**
     * Counts by tag, owner team and region of what matches (the top {@code size} of each). Exact up
     * to the count cap; beyond it (or where the statistics promise far more), counted on a sample of
     * the table and scaled, so that a broad word or no words at all over 100,000 listings costs a few
     * milliseconds.
     */
    public Facets facets(Filter filter, int size) {
        customPlans();
        boolean counted = false;
        if (!broad(estimates(filter, "")[0])) {
            Facets exact = facets(filter, size, "service_listing l", " limit :cap", 100);
            if (exact.total() <= limits.countCap()) {
                return exact;
            }
            counted = true;
        }
        double rows = jdbc.sql("select greatest(reltuples, 1) from pg_class where oid = 'service_listing'::regclass")
                .query(Double.class).single();
        // reltuples is -1 before the table's first analyze; the count says there are at least cap + 1
        double percent = Math.min(100, 100.0 * limits.facetSampleRows() / Math.max(rows, limits.countCap() + 1));
        Facets sampled = percent < 100
                ? facets(filter, size, "service_listing l tablesample system (:percent) repeatable (42)", "", percent)
                : facets(filter, size, "service_listing l", "", 100);
        if (!counted && sampled.total() <= limits.countCap()) {
            // the statistics promised more than the sample found: count after all
            Facets exact = facets(filter, size, "service_listing l", " limit :cap", 100);
            if (exact.total() <= limits.countCap()) {
                return exact;
            }
        }
        return new Facets(Math.max(sampled.total(), limits.countCap() + 1L), sampled.estimated(), sampled.tags(),
                sampled.teams(), sampled.regions());
    }

    /** Facets of the listings read from {@code from} (in {@code percent} of the table), scaled to the whole. */
    private Facets facets(Filter filter, int size, String from, String limit, double percent) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        params.put("cap", limits.countCap() + 1);
        params.put("percent", percent);
        params.put("size", size);
        boolean sampled = percent < 100;
        double scale = 100 / percent;
        List<Object[]> rows = jdbc.sql("""
                        with m as materialized (select l.tag_list, l.owner_team_name, l.reachable_regions from\s"""
                        + from + " where " + where + limit + """
                        )
                        select 'total', null, count(*) from m
                        union all (select 'tag', t, count(*) from m, unnest(m.tag_list) t group by t order by 3 desc, 2 limit :size)
                        union all (select 'team', owner_team_name, count(*) from m group by 2 order by 3 desc, 2 limit :size)
                        union all (select 'region', r, count(*) from m, unnest(m.reachable_regions) r group by r
                                   order by 3 desc, 2 limit :size)""")
                .params(params)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3)})
                .list();
        long total = 0;
        List<FacetValue> tags = new ArrayList<>();
        List<FacetValue> teams = new ArrayList<>();
        List<FacetValue> regions = new ArrayList<>();
        for (Object[] r : rows) {
            long n = sampled ? Math.round((Long) r[2] * scale) : (Long) r[2];
            switch ((String) r[0]) {
                case "total" -> total = n;
                case "tag" -> tags.add(new FacetValue((String) r[1], n));
                case "team" -> teams.add(new FacetValue((String) r[1], n));
                default -> regions.add(new FacetValue((String) r[1], n));
            }
        }
        return new Facets(total, sampled, tags, teams, regions);
    }

    private static String where(Filter filter, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(DISCOVERABLE);
        params.put("teams", uuidArray(filter.teams()));
        if (filter.text() != null) {
            where.append(" and l.search_document @@ cast(:query as tsquery)");
            params.put("query", filter.text().query());
            params.put("options", HEADLINE_OPTIONS);
        }
        if (filter.tag() != null) {
            where.append(" and l.tag_list @> array[cast(:tag as text)]");
            params.put("tag", filter.tag());
        }
        if (filter.team() != null) {
            where.append(" and l.owner_team_name = :team");
            params.put("team", filter.team());
        }
        if (filter.region() != null) {
            where.append(" and l.reachable_regions @> array[cast(:region as text)]");
            params.put("region", filter.region());
        }
        return where.toString();
    }

    private static String uuidArray(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }

    private static String textArray(List<String> words) {
        return words.stream().map(w -> "\"" + w.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }
}
