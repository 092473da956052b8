package dev.linkport.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.support.BrowserTest;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.LoopFixture;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;

/** A provider sets a private DNS name and gets it verified from the browser, in the sandbox. */
@LinkportIntegrationTest
class PrivateDnsBrowserIT extends BrowserTest {

    @Autowired LoopFixture loop;

    @Test
    void privateDnsGoesFromPendingVerificationToVerifiedWithoutReloading() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.AUTO, "payments-ledger");
        String name = "api-" + UUID.randomUUID().toString().substring(0, 8) + ".payments.example.com";
        browser.signIn("alice", "linkport-demo");
        browser.waitForPath("/");
        browser.open("/services/" + service.id());
        browser.waitFor(By.cssSelector("#manage-links a[href$='/dns']"));
        browser.screenshot("private-dns-service-page-links");
        browser.click(By.cssSelector("#manage-links a[href$='/dns']"));
        browser.waitForPath("/services/" + service.id() + "/dns");
        assertThat(browser.text(By.id("private-dns-state"))).isEqualTo("NOT SET");
        browser.screenshot("private-dns-0-empty");

        browser.type(By.cssSelector("#private-dns-name input"), name, Keys.TAB);
        browser.click(By.id("save-private-dns"));
        browser.until(d -> d.findElements(By.id("txt-name")).size() == 1);
        browser.until(d -> browser.js("return document.getElementById('txt-name').textContent;") != null);
        assertThat((String) browser.js("return document.getElementById('txt-name').textContent;")).endsWith("." + name);
        assertThat((String) browser.js("return document.getElementById('txt-value').textContent;")).isNotBlank();
        browser.until(d -> "PENDING VERIFICATION".equals(stateText()));
        browser.js("window.__samePage = true;");
        browser.screenshot("private-dns-1-pending");

        browser.click(By.id("publish-txt-sandbox"));
        browser.click(By.id("verify-private-dns"));
        browser.until(d -> "VERIFIED".equals(stateText()));
        assertThat(browser.js("return window.__samePage === true;")).as("no reload").isEqualTo(true);
        assertThat(browser.all(By.id("verify-private-dns"))).isEmpty();
        browser.screenshot("private-dns-2-verified");

        browser.open("/services/" + service.id() + "/settings");
        browser.waitFor(By.id("save-settings"));
        browser.type(By.cssSelector("#edit-ports input"), ", 8443x", Keys.TAB);
        browser.until(d -> "true".equals(d.findElement(By.id("edit-ports")).getAttribute("invalid")));
        browser.screenshot("service-settings-0-form");
        browser.type(By.cssSelector("#edit-ports input"), Keys.BACK_SPACE, Keys.TAB);
        browser.click(By.id("save-settings"));
        browser.until(d -> d.getPageSource().contains("Saved " + service.name()));
        browser.click(By.id("show-dependents"));
        browser.until(d -> d.findElement(By.id("dependents")).getText().contains("Nobody depends"));
        browser.screenshot("service-settings-1-dependents");
    }

    private static String stateText() {
        Object text = browser.js("var e = document.getElementById('private-dns-state'); return e ? e.textContent : null;");
        return text == null ? null : text.toString().trim().toUpperCase();
    }
}
