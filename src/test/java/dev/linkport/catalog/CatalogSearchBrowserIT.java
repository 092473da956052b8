package dev.linkport.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.support.BrowserTest;
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
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;

/** Searching the catalog in a browser: a typo still finds the service, first, with the word marked; a facet narrows. */
@LinkportIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogSearchBrowserIT extends BrowserTest {

    @Autowired CatalogSeed seed;

    Owner owner;
    Owner other;

    @BeforeAll
    void servicesWithUnusualWords() {
        owner = seed.owner(Ids.teamName("browse"));
        seed.listings(owner, List.of(
                Listing.of("quillfeather-relay", "Relays quill events", "Forwards **events**.", "quillfeather", "events"),
                Listing.of("inkwell-store", "Stores what quillfeather relays", null, "storage", "events",
                        "<img src=x onerror=window.xss=1>")));
        other = seed.owner(Ids.teamName("elsewhere"));
        seed.listings(other, List.of(Listing.of("unrelated-ledger", "Keeps another team's books", null, "ledger")));
    }

    @AfterAll
    void removeThem() {
        seed.remove(owner);
        seed.remove(other);
    }

    @Test
    void aTypoFindsTheServiceFirstWithTheMatchedWordMarked() {
        browser.signIn("carol", "linkport-demo");
        browser.waitForPath("/");
        browser.type(By.id("catalog-search"), "quilfeathr");
        browser.until(d -> {
            List<String> rows = browser.gridRows("catalog-grid");
            return rows.size() == 2 && rows.getFirst().contains("quillfeather-relay");
        });
        assertThat(browser.text(By.id("catalog-corrections"))).contains("quillfeather").contains("quilfeathr");
        assertThat(browser.text(By.cssSelector("#catalog-grid vaadin-grid-cell-content mark"))).isEqualTo("quillfeather");
        assertThat(browser.text(By.id("catalog-count"))).isEqualTo("2 services");
        assertThat(browser.text(By.id("facet-tag"))).as("a tag is text, never markup").contains("<img src=x");
        assertThat(browser.js("return document.querySelector('#catalog-facets img') === null && window.xss === undefined"))
                .isEqualTo(true);
        browser.screenshot("catalog-typo");

        browser.click(By.cssSelector("#facet-tag button[data-value='storage']"));
        browser.until(d -> {
            List<String> rows = browser.gridRows("catalog-grid");
            return rows.size() == 1 && rows.getFirst().contains("inkwell-store");
        });
        assertThat(browser.text(By.id("catalog-count"))).isEqualTo("1 service");
        browser.click(By.cssSelector("#facet-tag .facet-selected"));
        browser.until(d -> browser.gridRows("catalog-grid").size() == 2);

        // the owner team picker loads names from the server as you type, not every team at once
        browser.type(By.id("catalog-search"), Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        browser.until(d -> browser.gridRows("catalog-grid").stream().anyMatch(r -> r.contains("unrelated-ledger")));
        browser.type(By.id("catalog-team"), owner.teamName());
        browser.click(By.xpath("//vaadin-combo-box-item[normalize-space(.)='" + owner.teamName() + "']"));
        browser.until(d -> {
            List<String> rows = browser.gridRows("catalog-grid");
            return rows.size() == 2 && rows.stream().anyMatch(r -> r.contains("quillfeather-relay"))
                    && rows.stream().anyMatch(r -> r.contains("inkwell-store"));
        });
    }
}
