package dev.linkport.catalog.service;

import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.domain.CatalogSearchRepository;
import dev.linkport.catalog.domain.CatalogSearchRepository.Filter;
import dev.linkport.catalog.domain.CatalogSearchRepository.ResolvedText;
import dev.linkport.catalog.domain.CatalogSearchRepository.Row;
import dev.linkport.catalog.domain.SearchText;
import dev.linkport.identity.service.AccessPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog as a consumer sees it: available services they may see, found by words (ranked, names
 * first, typos forgiven), narrowed by tag, owner team and region, with facet counts.
 */
@Service
@Transactional(readOnly = true)
public class CatalogService {

    /** Longest search text; the rest is ignored. */
    public static final int MAX_TEXT_LENGTH = SearchText.MAX_LENGTH;

    /** Values per facet. */
    public static final int FACET_SIZE = 12;

    private final CatalogSearchRepository search;
    private final AccessPolicy access;

    public CatalogService(CatalogSearchRepository search, AccessPolicy access) {
        this.search = search;
        this.access = access;
    }

    /**
     * What to look for; blank fields do not filter.
     *
     * @param text   words in name, tags, owner team, summary or description, in web search syntax:
     *               {@code payments -legacy}, {@code "card tokens"}, {@code kyc or aml}
     * @param tag    one exact tag
     * @param team   the owner team's name
     * @param region the service's region or one of its supported regions
     */
    public record CatalogQuery(String text, String tag, String team, String region) {
        public static CatalogQuery all() {
            return new CatalogQuery(null, null, null, null);
        }

        public CatalogQuery withTag(String value) {
            return new CatalogQuery(text, value, team, region);
        }

        public CatalogQuery withTeam(String value) {
            return new CatalogQuery(text, tag, value, region);
        }

        public CatalogQuery withRegion(String value) {
            return new CatalogQuery(text, tag, team, value);
        }
    }

    /**
     * A listing in the catalog. {@code nameParts} and {@code summaryParts} are the name and summary
     * cut where matched words start and end: parts at odd positions (1, 3, …) matched.
     */
    public record CatalogEntry(UUID id, String name, String summary, String ownerTeam, String region, List<String> tags,
                               ApprovalPolicy approvalPolicy, String serviceName, List<String> nameParts,
                               List<String> summaryParts) {
    }

    /** How many services match; {@code atLeast} when counting stopped there. */
    public record CatalogCount(long value, boolean atLeast) {
    }

    /** One value of a facet and how many matching services have it. */
    public record FacetCount(String value, long count) {
    }

    /**
     * Counts of matching services by tag, owner team and region (the most frequent of each), for the
     * query as it stands. {@code estimated}: counted on a sample, because the result is large.
     * {@code corrections}: typed words that matched no name or tag, with the words taken for them.
     */
    public record CatalogFacets(long total, boolean estimated, List<FacetCount> tags, List<FacetCount> teams,
                                List<FacetCount> regions, Map<String, List<String>> corrections) {
    }

    /**
     * One page of results with the count and the corrections made to typed words: what an API caller
     * needs, with the words resolved once.
     */
    public record CatalogPage(List<CatalogEntry> entries, CatalogCount count, Map<String, List<String>> corrections) {
    }

    /** As {@link #search} and {@link #count} together. */
    public CatalogPage page(CatalogQuery query, long offset, int limit) {
        Filter filter = filter(query);
        if (filter == null) {
            return new CatalogPage(List.of(), new CatalogCount(0, false), Map.of());
        }
        CatalogSearchRepository.Found found = search.find(filter, offset, limit);
        List<CatalogEntry> entries = found.rows().stream().map(CatalogService::entry).toList();
        return new CatalogPage(entries, new CatalogCount(found.count().value(), found.count().atLeast()),
                filter.text() == null ? Map.of() : filter.text().corrections());
    }

    /** Available services the caller may see that match the query, best first (by name without words). */
    public List<CatalogEntry> search(CatalogQuery query, long offset, int limit) {
        Filter filter = filter(query);
        if (filter == null) {
            return List.of();
        }
        return search.page(filter, offset, limit).stream().map(CatalogService::entry).toList();
    }

    /** How many services match, counted up to a cap (a thousand): beyond it, {@code atLeast}. */
    public CatalogCount count(CatalogQuery query) {
        Filter filter = filter(query);
        if (filter == null) {
            return new CatalogCount(0, false);
        }
        CatalogSearchRepository.Count count = search.count(filter);
        return new CatalogCount(count.value(), count.atLeast());
    }

    /** Facet counts for the query; estimated from a sample when many services match. */
    public CatalogFacets facets(CatalogQuery query) {
        Filter filter = filter(query);
        if (filter == null) {
            return new CatalogFacets(0, false, List.of(), List.of(), List.of(), Map.of());
        }
        CatalogSearchRepository.Facets f = search.facets(filter, FACET_SIZE);
        return new CatalogFacets(f.total(), f.estimated(), counts(f.tags()), counts(f.teams()), counts(f.regions()),
                filter.text() == null ? Map.of() : filter.text().corrections());
    }

    /** Null when the text has words but none that can be searched for (only stop words): nothing matches. */
    private Filter filter(CatalogQuery query) {
        Set<UUID> teams = access.caller().teamIds();
        ResolvedText text = null;
        SearchText parsed = SearchText.parse(query.text());
        if (parsed != null) {
            text = search.resolve(parsed);
            if (text == null) {
                return null;
            }
        }
        return new Filter(teams, text, blankToNull(query.tag()), blankToNull(query.team()),
                blankToNull(query.region()));
    }

    private static List<FacetCount> counts(List<CatalogSearchRepository.FacetValue> values) {
        return values.stream().map(v -> new FacetCount(v.value(), v.count())).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static CatalogEntry entry(Row r) {
        List<String> nameParts = parts(r.name());
        List<String> summaryParts = parts(r.summary());
        return new CatalogEntry(r.id(), String.join("", nameParts), String.join("", summaryParts), r.ownerTeam(),
                r.region(), r.tags(), ApprovalPolicy.valueOf(r.approvalPolicy()), r.serviceName(), nameParts,
                summaryParts);
    }

    /** Text with marks around matched words, as parts: plain, matched, plain, … (the first may be empty). */
    static List<String> parts(String marked) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean matched = false;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == CatalogSearchRepository.MARK_START && !matched || c == CatalogSearchRepository.MARK_END && matched) {
                parts.add(current.toString());
                current.setLength(0);
                matched = !matched;
            } else if (c != CatalogSearchRepository.MARK_START && c != CatalogSearchRepository.MARK_END) {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return List.copyOf(parts);
    }
}
