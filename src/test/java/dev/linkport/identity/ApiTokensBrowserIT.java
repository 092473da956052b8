package dev.linkport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.support.BrowserTest;
import dev.linkport.support.LinkportIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

@LinkportIntegrationTest
class ApiTokensBrowserIT extends BrowserTest {

    @Test
    void aUserCreatesATokenSeesItsSecretOnceUsesItAndRevokesIt() throws Exception {
        browser.signIn("carol", "linkport-demo");
        browser.waitForPath("/");
        browser.open("/api-tokens");
        browser.click(By.xpath("//vaadin-button[contains(., 'New token')]"));
        String name = "browser-" + UUID.randomUUID().toString().substring(0, 6);
        browser.type(By.cssSelector("#token-name input"), name);
        // only read: uncheck the other scopes
        for (String scope : List.of("request", "provide", "decide", "admin")) {
            browser.click(By.xpath("//vaadin-checkbox-group[@id='token-scopes']//vaadin-checkbox[.//label[normalize-space()='"
                    + scope + "']]"));
        }
        browser.click(By.cssSelector("#token-lifetime"));
        browser.click(By.xpath("//vaadin-select-item[normalize-space()='7 days']"));
        browser.click(By.xpath("//vaadin-button[contains(., 'Create')]"));

        String secret = browser.until(d -> {
            String value = browser.waitFor(By.cssSelector("#token-secret input")).getDomProperty("value");
            return value != null && value.startsWith("lp_") ? value : null;
        });
        assertThat(browser.driver().getPageSource()).contains("cannot show it again");
        browser.screenshot("api-token-created");
        browser.click(By.xpath("//vaadin-button[contains(., 'I have copied it')]"));
        browser.until(d -> browser.driver().getPageSource().contains(name));
        assertThat(get(secret)).isEqualTo(200);
        assertThat(post(secret)).as("a read-only token cannot publish").isEqualTo(403);
        String expires = LocalDate.now(ZoneOffset.UTC).plusDays(7).toString();
        assertThat(browser.gridRows("api-token-list")).anySatisfy(row -> assertThat(row).contains(name)
                .contains("read").doesNotContain("admin").contains(expires));

        browser.click(By.xpath("//vaadin-grid-cell-content[vaadin-button[contains(., 'Revoke')]]/vaadin-button"));
        browser.click(By.xpath("//vaadin-confirm-dialog//vaadin-button[contains(., 'Revoke')] "
                + "| //vaadin-confirm-dialog-overlay//vaadin-button[contains(., 'Revoke')]"));
        browser.until(d -> browser.driver().getPageSource().contains("revoked "));
        assertThat(get(secret)).isEqualTo(401);
    }

    private int post(String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/services"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private int get(String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/accounts"))
                .header("Authorization", "Bearer " + token).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
