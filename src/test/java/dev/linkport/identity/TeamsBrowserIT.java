package dev.linkport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.support.BrowserTest;
import dev.linkport.support.Ids;
import dev.linkport.support.LinkportIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

@LinkportIntegrationTest
class TeamsBrowserIT extends BrowserTest {
    @Test
    void anOwnerRegistersAnAccountFixingAFieldErrorAndGetsTheRolePolicies() {
        browser.signIn("alice", "linkport-demo");
        browser.waitForPath("/");
        browser.open("/teams");
        assertThat(browser.waitFor(By.cssSelector(".team-header h3")).getText()).isEqualTo("Payments (payments)");
        browser.until(d -> browser.waitFor(By.cssSelector(".accounts-grid")).getText().contains("111111111111"));

        browser.waitFor(By.xpath("//vaadin-button[contains(., 'Register AWS account')]")).click();
        WebElement accountId = input("account-id");
        accountId.sendKeys("1234");
        input("account-name").sendKeys("payments-staging");
        browser.until(d -> errorOf("account-id").contains("exactly 12 digits"));
        browser.screenshot("register-account-error");

        String id = Ids.accountId();
        accountId.sendKeys(Keys.chord(Keys.CONTROL, "a"), id);
        browser.until(d -> input("account-role-arn").getAttribute("value")
                .equals("arn:aws:iam::" + id + ":role/LinkportAccess"));
        browser.waitFor(By.xpath("//vaadin-button[contains(., 'Register account')]")).click();

        WebElement externalId = browser.waitFor(By.id("external-id"));
        assertThat(externalId.getText()).startsWith("linkport-");
        assertThat(browser.waitFor(By.id("trust-policy")).getText()).contains(externalId.getText())
                .contains("arn:aws:iam::000000000000:root");
        assertThat(browser.waitFor(By.id("permission-policy")).getText()).contains("ec2:CreateVpcEndpoint");
        browser.screenshot("register-account-policies");
        browser.waitFor(By.xpath("//vaadin-dialog-overlay//vaadin-button[contains(., 'Close')] | //vaadin-dialog//vaadin-button[contains(., 'Close')]")).click();
        browser.until(d -> browser.waitFor(By.cssSelector(".accounts-grid")).getText().contains(id));
    }

    @Test
    void aPlainViewerSeesNoManagementButtonsForATeamTheyDoNotOwn() {
        browser.signIn("admin", "linkport-demo");
        browser.waitForPath("/");
        browser.open("/teams/checkout");
        assertThat(browser.waitFor(By.cssSelector(".team-header h3")).getText()).isEqualTo("Checkout (checkout)");
        // Admins manage every team.
        assertThat(browser.all(By.xpath("//vaadin-button[contains(., 'Register AWS account')]"))).isNotEmpty();
        assertThat(browser.all(By.xpath("//vaadin-button[contains(., 'New team')]"))).isNotEmpty();
        browser.screenshot("teams-admin");

        browser.signOut();
        browser.signIn("carol", "linkport-demo");
        browser.waitForPath("/");
        browser.open("/teams");
        assertThat(browser.waitFor(By.cssSelector(".team-header h3")).getText()).isEqualTo("Analytics (analytics)");
        assertThat(browser.all(By.xpath("//vaadin-button[contains(., 'New team')]")).stream().filter(WebElement::isDisplayed))
                .isEmpty();
    }

    private WebElement input(String fieldId) {
        return browser.waitFor(By.cssSelector("#" + fieldId + " input"));
    }

    private String errorOf(String fieldId) {
        WebElement field = browser.waitFor(By.id(fieldId));
        return field.getAttribute("invalid") == null ? "" : String.valueOf(field.getDomProperty("errorMessage"));
    }
}
