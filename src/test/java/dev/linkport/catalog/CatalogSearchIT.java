package dev.linkport.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.catalog.domain.CatalogSearchRepository;
import dev.linkport.catalog.domain.CatalogSearchRepository.Filter;
import dev.linkport.catalog.domain.CatalogSearchRepository.Limits;
import dev.linkport.catalog.domain.SearchText;
import dev.linkport.catalog.service.CatalogService;
import dev.linkport.catalog.service.CatalogService.CatalogEntry;
import dev.linkport.catalog.service.CatalogService.CatalogFacets;
import dev.linkport.catalog.service.CatalogService.CatalogQuery;
import dev.linkport.catalog.service.CatalogService.FacetCount;
import dev.linkport.support.CatalogSeed;
import dev.linkport.support.CatalogSeed.Listing;
import dev.linkport.support.CatalogSeed.Owner;
import dev.linkport.support.Ids;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.TestUsers;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Catalog search on real PostgreSQL: ranking (names first), web search syntax, prefixes while
 * typing, typos in names and tags, facets, highlighting, and that a service visible to selected
 * teams stays out of everyone else's results and counts. Every query is narrowed to a team of this
 * test's own, so other tests' services do not disturb it.
 */
@LinkportIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogSearchIT {

    @Autowired TestUsers users;
    @Autowired CatalogSeed seed;
    @Autowired CatalogService catalog;
    @Autowired JdbcClient jdbc;

    Owner owner;

    @BeforeAll
    void aTeamWithServices() {
        owner = seed.owner(Ids.teamName("search"));
        seed.listings(owner, List.of(
                Listing.of("payments-ledger", "Double-entry ledger for card payments", "Posts journal entries.",
                        "payments", "ledger"),
                Listing.of("invoice-archive", "Stores invoices and settles payments nightly", "A legacy batch job.",
                        "billing"),
                Listing.of("legacy-payments-gateway", "The old gateway", null, "payments", "legacy"),
                Listing.of("card-vault", "Keeps card tokens safe", "Tokenises cards for checkout.", "pci"),
                Listing.of("fraud-scoring", "Scores transactions", "Mentions payments in passing.", "risk")
                        .inRegion("eu-west-1", "us-east-1"),
                Listing.of("hushhush-payments-pilot", "Only for checkout", null, "payments").visibleTo("checkout")));
    }

    @AfterAll
    void removeThem() {
        seed.remove(owner);
    }

    List<String> names(String user, String text) {
        return users.as(user, () -> catalog.search(new CatalogQuery(text, null, owner.teamName(), null), 0, 50))
                .stream().map(CatalogEntry::name).toList();
    }

    @Test
    void servicesWhoseNameMatchesComeFirstThenTheOthersByRelevance() {
        List<String> found = names("carol", "payments");
        assertThat(found).containsExactlyInAnyOrder("payments-ledger", "legacy-payments-gateway", "invoice-archive",
                "fraud-scoring");
        assertThat(found.subList(0, 2)).containsExactlyInAnyOrder("payments-ledger", "legacy-payments-gateway");
        // the summary (weight C) outranks the description (weight D)
        assertThat(found.subList(2, 4)).containsExactly("invoice-archive", "fraud-scoring");
    }

    @Test
    void webSearchSyntaxExcludesQuotesAndOffersAlternatives() {
        assertThat(names("carol", "payments -legacy")).containsExactly("payments-ledger", "fraud-scoring");
        assertThat(names("carol", "\"card tokens\"")).containsExactly("card-vault");
        assertThat(names("carol", "\"tokens card\"")).isEmpty();
        assertThat(names("carol", "vault or scoring")).containsExactlyInAnyOrder("card-vault", "fraud-scoring");
    }

    @Test
    void theLastWordMatchesAsAPrefixWhileTyping() {
        assertThat(names("carol", "invo")).containsExactly("invoice-archive");
        assertThat(names("carol", "card vau")).containsExactly("card-vault");
        assertThat(names("carol", "\"card vau\"")).as("a closed quote is a whole word").isEmpty();
    }

    @Test
    void aTypoInANameOrTagFindsTheWordItWasMeantToBe() {
        assertThat(names("carol", "paymnts").subList(0, 2))
                .containsExactlyInAnyOrder("payments-ledger", "legacy-payments-gateway");
        assertThat(names("carol", "ledgr")).first().isEqualTo("payments-ledger");
        assertThat(names("carol", "ledgr -legacy")).containsExactly("payments-ledger");
        CatalogFacets facets = users.as("carol",
                () -> catalog.facets(new CatalogQuery("paymnts", null, owner.teamName(), null)));
        assertThat(facets.corrections()).containsEntry("paymnts", List.of("payments"));
        assertThat(names("carol", "zqxjwv")).as("nothing like it").isEmpty();
    }

    @Test
    void matchedWordsAreMarkedInNameAndSummary() {
        CatalogEntry ledger = users.as("carol",
                () -> catalog.search(new CatalogQuery("ledger", null, owner.teamName(), null), 0, 10)).getFirst();
        assertThat(ledger.name()).isEqualTo("payments-ledger");
        assertThat(ledger.nameParts()).containsExactly("payments-", "ledger", "");
        assertThat(ledger.summaryParts()).containsExactly("Double-entry ", "ledger", " for card payments");
        CatalogEntry plain = users.as("carol",
                () -> catalog.search(new CatalogQuery(null, null, owner.teamName(), null), 0, 10)).getFirst();
        assertThat(plain.nameParts()).containsExactly(plain.name());
    }

    @Test
    void withoutWordsServicesComeByName() {
        assertThat(names("carol", null)).containsExactly("card-vault", "fraud-scoring", "invoice-archive",
                "legacy-payments-gateway", "payments-ledger");
    }

    @Test
    void facetsCountWhatMatchesAndNarrowTheSearch() {
        CatalogQuery payments = new CatalogQuery("payments", null, owner.teamName(), null);
        CatalogFacets facets = users.as("carol", () -> catalog.facets(payments));
        assertThat(facets.total()).isEqualTo(4);
        assertThat(facets.estimated()).isFalse();
        assertThat(counts(facets.tags())).containsEntry("payments", 2L).containsEntry("ledger", 1L)
                .containsEntry("legacy", 1L).containsEntry("billing", 1L).containsEntry("risk", 1L);
        assertThat(counts(facets.teams())).containsExactly(Map.entry(owner.teamName(), 4L));
        assertThat(counts(facets.regions())).containsEntry("us-east-1", 4L).containsEntry("eu-west-1", 1L);

        assertThat(users.as("carol", () -> catalog.search(payments.withTag("payments"), 0, 10)))
                .extracting(CatalogEntry::name)
                .containsExactlyInAnyOrder("payments-ledger", "legacy-payments-gateway");
        assertThat(users.as("carol", () -> catalog.search(payments.withRegion("eu-west-1"), 0, 10)))
                .extracting(CatalogEntry::name).containsExactly("fraud-scoring");
        assertThat(users.as("carol", () -> catalog.count(payments.withRegion("eu-west-1")).value())).isEqualTo(1);
    }

    @Test
    void aServiceForSelectedTeamsIsInTheirResultsAndCountsOnly() {
        assertThat(names("bob", "hushhush")).containsExactly("hushhush-payments-pilot");
        assertThat(names("carol", "hushhush")).isEmpty();
        assertThat(names("carol", "hushhus")).as("not as a prefix either").isEmpty();
        CatalogQuery payments = new CatalogQuery("payments", null, owner.teamName(), null);
        assertThat(users.as("bob", () -> catalog.count(payments).value())).isEqualTo(5);
        assertThat(users.as("carol", () -> catalog.count(payments).value())).isEqualTo(4);
        assertThat(counts(users.as("bob", () -> catalog.facets(payments)).tags())).containsEntry("payments", 3L);
        assertThat(counts(users.as("carol", () -> catalog.facets(payments)).tags())).containsEntry("payments", 2L);
    }

    @Test
    void changesToNameSummaryTagsAndRegionsAreSearchableAtOnce() {
        java.util.UUID id = seed.listing(owner, Listing.of("mutable-thing", "First words", null, "before"));
        try {
            assertThat(names("carol", "mutable")).containsExactly("mutable-thing");
            jdbc.sql("update service_listing set name = 'renamed-thing', summary = 'Second wording' where id = ?")
                    .param(id).update();
            jdbc.sql("delete from service_listing_tag where listing_id = ?").param(id).update();
            jdbc.sql("insert into service_listing_tag (listing_id, tag) values (?, 'afterwards')").param(id).update();
            jdbc.sql("insert into service_listing_supported_region (listing_id, region) values (?, 'ap-south-1')")
                    .param(id).update();
            assertThat(names("carol", "mutable")).isEmpty();
            assertThat(names("carol", "renamed wording afterwards")).containsExactly("renamed-thing");
            assertThat(names("carol", "before")).isEmpty();
            assertThat(users.as("carol", () -> catalog.search(
                    new CatalogQuery(null, "afterwards", owner.teamName(), "ap-south-1"), 0, 10)))
                    .extracting(CatalogEntry::name).containsExactly("renamed-thing");
        } finally {
            jdbc.sql("delete from service_listing where id = ?").param(id).update();
        }
    }

    @Test
    void textWithoutSearchableWordsFindsNothingRatherThanFailing() {
        assertThat(names("carol", "the")).as("only a stop word").isEmpty();
        assertThat(names("carol", "'):* & !! <-> \\ \"")).isEmpty();
        assertThat(names("carol", "-")).as("a lone minus is no word yet: as for no text").hasSize(5);
        assertThat(names("carol", "x".repeat(500))).isEmpty();
    }

    @Test
    void pastTheCapNameMatchesComeFirstByRankAndTheOthersByNamePageAfterPage() {
        CatalogSearchRepository small = new CatalogSearchRepository(jdbc, new Limits(2, 1_000_000));
        Filter payments = new Filter(Set.of(), small.resolve(SearchText.parse("payments ")), null, owner.teamName(),
                null);
        assertThat(small.count(payments).atLeast()).isTrue();
        assertThat(small.page(payments, 0, 10)).extracting(CatalogSearchRepository.Row::id).hasSize(4);
        List<String> all = small.page(payments, 0, 10).stream().map(r -> plain(r.name()))
                .toList();
        assertThat(all.subList(0, 2)).containsExactlyInAnyOrder("payments-ledger", "legacy-payments-gateway");
        assertThat(all.subList(2, 4)).containsExactly("fraud-scoring", "invoice-archive");
        List<String> pageByPage = new java.util.ArrayList<>();
        for (int offset = 0; offset < 5; offset++) {
            small.page(payments, offset, 1).forEach(r -> pageByPage.add(plain(r.name())));
        }
        assertThat(pageByPage).isEqualTo(all);
        assertThat(small.page(payments, 1, 2)).extracting(r -> plain(r.name()))
                .isEqualTo(all.subList(1, 3));
    }

    @Test
    void nameMatchesBeyondTheCapComeByNameBeforeTheOthers() {
        CatalogSearchRepository tiny = new CatalogSearchRepository(jdbc, new Limits(1, 1_000_000));
        Filter payments = new Filter(Set.of(), tiny.resolve(SearchText.parse("payments ")), null, owner.teamName(),
                null);
        CatalogSearchRepository.Found found = tiny.find(payments, 0, 10);
        assertThat(found.count()).isEqualTo(new CatalogSearchRepository.Count(1, true));
        assertThat(found.rows()).extracting(r -> plain(r.name())).containsExactly("legacy-payments-gateway",
                "payments-ledger", "fraud-scoring", "invoice-archive");
        List<String> pageByPage = new java.util.ArrayList<>();
        for (int offset = 0; offset < 5; offset++) {
            tiny.page(payments, offset, 1).forEach(r -> pageByPage.add(plain(r.name())));
        }
        assertThat(pageByPage).containsExactly("legacy-payments-gateway", "payments-ledger", "fraud-scoring",
                "invoice-archive");
    }

    @Test
    void whereTheStatisticsPromiseManyNothingIsCountedAndTheLastPageTellsTheTruth() {
        CatalogSearchRepository counting = new CatalogSearchRepository(jdbc, new Limits(1000, 1_000_000, 1_000_000));
        CatalogSearchRepository neverCounting = new CatalogSearchRepository(jdbc, new Limits(1000, 1_000_000, -1));
        Filter payments = new Filter(Set.of(), counting.resolve(SearchText.parse("payments")), null, owner.teamName(),
                null);
        CatalogSearchRepository.Found counted = counting.find(payments, 0, 2);
        CatalogSearchRepository.Found estimated = neverCounting.find(payments, 0, 2);
        assertThat(counted.count()).isEqualTo(new CatalogSearchRepository.Count(4, false));
        assertThat(estimated.count()).as("a full page: at least the cap, as the statistics promised")
                .isEqualTo(new CatalogSearchRepository.Count(1000, true));
        assertThat(neverCounting.count(payments)).isEqualTo(new CatalogSearchRepository.Count(1000, true));
        assertThat(estimated.rows()).extracting(r -> plain(r.name()))
                .containsExactlyInAnyOrder("payments-ledger", "legacy-payments-gateway");
        assertThat(neverCounting.find(payments, 2, 10).count()).as("the last page: what there is")
                .isEqualTo(new CatalogSearchRepository.Count(4, false));
        assertThat(neverCounting.find(payments, 0, 10).rows()).extracting(r -> plain(r.name()))
                .containsExactly("legacy-payments-gateway", "payments-ledger", "fraud-scoring", "invoice-archive");

        CatalogSearchRepository.Facets facets = neverCounting.facets(payments, 10);
        assertThat(facets.estimated()).as("a sample of the whole table is all of it here").isFalse();
        assertThat(facets.total()).as("the sample found fewer than the cap: counted after all").isEqualTo(4);
    }

    @Test
    void withoutWordsPagesPastTheCapStillComeByName() {
        CatalogSearchRepository small = new CatalogSearchRepository(jdbc, new Limits(2, 1_000_000));
        Filter all = new Filter(Set.of(), null, null, owner.teamName(), null);
        List<String> byName = List.of("card-vault", "fraud-scoring", "invoice-archive", "legacy-payments-gateway",
                "payments-ledger");
        assertThat(small.find(all, 0, 10).rows()).extracting(CatalogSearchRepository.Row::name).isEqualTo(byName);
        List<String> pageByPage = new java.util.ArrayList<>();
        for (int offset = 0; offset < 6; offset += 2) {
            CatalogSearchRepository.Found page = small.find(all, offset, 2);
            assertThat(page.count()).isEqualTo(new CatalogSearchRepository.Count(2, true));
            page.rows().forEach(r -> pageByPage.add(r.name()));
        }
        assertThat(pageByPage).isEqualTo(byName);
    }

    @Test
    void pastTheCapCountsStopAndFacetsAreEstimatedFromASample() {
        CatalogSearchRepository small = new CatalogSearchRepository(jdbc, new Limits(2, 1_000_000));
        Filter all = new Filter(Set.of(), null, null, owner.teamName(), null);
        assertThat(small.count(all)).isEqualTo(new CatalogSearchRepository.Count(2, true));
        CatalogSearchRepository.Facets facets = small.facets(all, 10);
        assertThat(facets.estimated()).as("a sample of the whole table is all of it here").isFalse();
        assertThat(facets.total()).isEqualTo(5);

        CatalogSearchRepository sampled = new CatalogSearchRepository(jdbc, new Limits(2, 1));
        CatalogSearchRepository.Facets estimate = sampled.facets(all, 10);
        assertThat(estimate.estimated()).isTrue();
        assertThat(estimate.total()).as("never less than was counted").isGreaterThanOrEqualTo(2);
        assertThat(small.resolve(SearchText.parse("zz"))).isNotNull();
    }

    private static String plain(String marked) {
        return marked.replace(String.valueOf(CatalogSearchRepository.MARK_START), "")
                .replace(String.valueOf(CatalogSearchRepository.MARK_END), "");
    }

    private static Map<String, Long> counts(List<FacetCount> values) {
        return values.stream().collect(Collectors.toMap(FacetCount::value, FacetCount::count, (a, b) -> a,
                java.util.LinkedHashMap::new));
    }
}
