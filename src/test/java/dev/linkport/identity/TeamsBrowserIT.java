package dev.linkport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.support.BrowserTest;
import dev.linkport.support.Ids;
import dev.linkport.support.LinkportIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

@LinkportIntegrationTest
class TeamsBrowserIT extends BrowserTest {
    @Test
    void anOwnerRegistersAnAccountFixingAFieldErrorAndGetsTheRolePolicies() {
        browser.signIn("alice", "linkport-demo");
        browser.waitForPath("/");
        browser.open("/teams");
        assertThat(browser.text(By.cssSelector(".team-header h3"))).isEqualTo("Payments (payments)");
        browser.until(d -> browser.waitFor(By.cssSelector(".accounts-grid")).getText().contains("111111111111"));

        browser.click(By.xpath("//vaadin-button[contains(., 'Register AWS account')]"));
        browser.type(input("account-id"), "1234");
        browser.type(input("account-name"), "payments-staging");
        browser.until(d -> errorOf("account-id").contains("exactly 12 digits"));
        browser.screenshot("register-account-error");

        String id = Ids.accountId();
        browser.type(input("account-id"), Keys.chord(Keys.CONTROL, "a"), id);
        browser.until(d -> browser.waitFor(input("account-role-arn")).getAttribute("value")
                .equals("arn:aws:iam::" + id + ":role/LinkportAccess"));
        browser.click(By.xpath("//vaadin-button[contains(., 'Register account')]"));

        String externalId = browser.text(By.id("external-id"));
        assertThat(externalId).startsWith("linkport-");
        assertThat(browser.text(By.id("trust-policy"))).contains(externalId)
                .contains("arn:aws:iam::000000000000:root");
        assertThat(browser.text(By.id("provider-policy"))).contains("ec2:CreateVpcEndpointServiceConfiguration")
                .contains("aws:ResourceTag/linkport:team");
        // the consumer policy follows below, in the dialog's scrolled area
        browser.js("document.getElementById('consumer-policy').scrollIntoView({block: 'center'})");
        assertThat(browser.text(By.id("consumer-policy"))).contains("ec2:CreateVpcEndpoint")
                .contains("aws:RequestTag/linkport:request-id");
        browser.screenshot("register-account-policies");
        browser.click(By.xpath("//vaadin-dialog-overlay//vaadin-button[contains(., 'Close')] | //vaadin-dialog//vaadin-button[contains(., 'Close')]"));
        browser.until(d -> browser.waitFor(By.cssSelector(".accounts-grid")).getText().contains(id));
    }

    @Test
    void aPlainViewerSeesNoManagementButtonsForATeamTheyDoNotOwn() {
        browser.signIn("admin", "linkport-demo");
        browser.waitForPath("/");
        browser.open("/teams/checkout");
        assertThat(browser.text(By.cssSelector(".team-header h3"))).isEqualTo("Checkout (checkout)");
        // Admins manage every team.
        assertThat(browser.all(By.xpath("//vaadin-button[contains(., 'Register AWS account')]"))).isNotEmpty();
        assertThat(browser.all(By.xpath("//vaadin-button[contains(., 'New team')]"))).isNotEmpty();
        browser.screenshot("teams-admin");
        // the team list filters by name as the admin types
        browser.fill(By.cssSelector("#team-filter input"), "analy");
        browser.until(d -> {
            java.util.List<String> rows = browser.gridRows("team-grid");
            return !rows.isEmpty() && rows.stream().allMatch(r -> r.contains("analytics"));
        });
        browser.clickGridRow("team-grid", "analytics");
        browser.until(d -> browser.text(By.cssSelector(".team-header h3")).equals("Analytics (analytics)"));
        browser.screenshot("teams-admin-filtered");

        browser.signOut();
        browser.signIn("carol", "linkport-demo");
        browser.waitForPath("/");
        browser.open("/teams");
        assertThat(browser.text(By.cssSelector(".team-header h3"))).isEqualTo("Analytics (analytics)");
        assertThat(browser.displayed(By.xpath("//vaadin-button[contains(., 'New team')]"))).isEmpty();
    }

    private static By input(String fieldId) {
        return By.cssSelector("#" + fieldId + " input");
    }

    private String errorOf(String fieldId) {
        return browser.read(By.id(fieldId), field -> field.getAttribute("invalid") == null ? ""
                : String.valueOf(field.getDomProperty("errorMessage")));
    }
}
