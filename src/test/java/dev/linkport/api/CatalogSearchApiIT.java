package dev.linkport.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.api.ApiClient.Response;
import dev.linkport.support.CatalogSeed;
import dev.linkport.support.CatalogSeed.Listing;
import dev.linkport.support.CatalogSeed.Owner;
import dev.linkport.support.Ids;
import dev.linkport.support.LinkportIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The catalog search of the REST API: the same ranking, typo tolerance and facets as the UI's. */
@LinkportIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogSearchApiIT {

    @LocalServerPort int port;
    @Autowired CatalogSeed seed;

    Owner owner;

    @BeforeAll
    void aTeamWithServices() {
        owner = seed.owner(Ids.teamName("search-api"));
        seed.listings(owner, List.of(
                Listing.of("payments-ledger", "Double-entry ledger for card payments", null, "payments", "ledger"),
                Listing.of("invoice-archive", "Stores invoices and settles payments nightly", null, "billing"),
                Listing.of("legacy-payments-gateway", "The old gateway", null, "payments", "legacy"),
                Listing.of("fraud-scoring", "Scores transactions", "Mentions payments in passing.", "risk")));
    }

    @AfterAll
    void removeThem() {
        seed.remove(owner);
    }

    @Test
    void theRestApiSearchesRanksAndCountsTheSameWay() {
        ApiClient carol = ApiClient.basic(port, "carol", "linkport-demo");
        Response found = carol.get("/api/v1/services?q=paymnts&team=" + owner.teamName() + "&size=10");
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        JsonNode body = found.json();
        assertThat(body.get("total").asLong()).isEqualTo(4);
        assertThat(body.get("totalIsLowerBound").asBoolean()).isFalse();
        assertThat(body.get("corrections").get("paymnts").get(0).asString()).isEqualTo("payments");
        assertThat(body.get("items").get(0).get("name").asString()).contains("payments");
        assertThat(body.get("items").get(0).get("highlight").get("name").get(1).asString()).isEqualTo("payments");

        JsonNode facets = carol.get("/api/v1/services/facets?q=payments&team=" + owner.teamName()).json();
        assertThat(facets.get("total").asLong()).isEqualTo(4);
        assertThat(facets.get("tags").get(0).get("value").asString()).isEqualTo("payments");
        assertThat(facets.get("tags").get(0).get("count").asLong()).isEqualTo(2);

        Response bad = carol.get("/api/v1/services?region=moon-1&q=" + "a".repeat(201));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).contains("region", "q");
    }

}
