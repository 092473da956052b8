package dev.linkport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.sandbox.SandboxLifecycle;
import dev.linkport.support.BrowserTest;
import dev.linkport.support.Ids;
import dev.linkport.support.LinkportIntegrationTest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** "Test access" in a real browser: offered after registration, explained when the role is wrong, shown in the list. */
@LinkportIntegrationTest
class AccessCheckBrowserIT extends BrowserTest {

    @Autowired SandboxLifecycle sandbox;

    @Test
    void anOwnerTestsANewAccountSeesWhatIsWrongFixesItAndSeesTheResultInTheList() {
        browser.signIn("alice", "linkport-demo");
        browser.waitForPath("/");
        browser.open("/teams");
        browser.until(d -> browser.waitFor(By.cssSelector(".accounts-grid")).getText().contains("111111111111"));

        String id = Ids.accountId();
        browser.click(By.xpath("//vaadin-button[contains(., 'Register AWS account')]"));
        browser.type(By.cssSelector("#account-id input"), id);
        browser.type(By.cssSelector("#account-name input"), "payments-" + id.substring(8));
        browser.until(d -> browser.waitFor(By.cssSelector("#account-role-arn input")).getAttribute("value")
                .equals("arn:aws:iam::" + id + ":role/LinkportAccess"));
        browser.click(By.xpath("//vaadin-button[contains(., 'Register account')]"));
        String externalId = browser.text(By.id("external-id"));

        // right after registration: the role is not set up yet, so AWS refuses AssumeRole
        browser.click(By.id("policies-test-access"));
        browser.until(d -> browser.text(By.id("access-summary")).contains("cannot assume the role"));
        assertThat(browser.text(By.id("access-steps")))
                .contains("the ExternalId does not match — the trust policy must require " + externalId)
                .contains("AWS said: AccessDenied");
        assertThat(browser.text(By.id("access-trust-policy"))).contains(externalId);
        browser.screenshot("access-check-wrong-external-id");

        // the team creates the role, but forgets one permission
        sandbox.control().createAccount(id, "payments-new", List.of("us-east-1"), externalId);
        sandbox.control().configureRole(id, null, List.of("ec2:DescribeVpcEndpoints"));
        browser.click(By.xpath("//vaadin-button[contains(., 'Test again')]"));
        browser.until(d -> browser.text(By.id("access-summary")).contains("Missing permission ec2:DescribeVpcEndpoints"));
        assertThat(browser.text(By.id("access-steps")))
                .contains("Missing permission ec2:DescribeVpcEndpoints — attach the permissions policy shown below");
        assertThat(browser.text(By.id("access-provider-policy"))).contains("\"ec2:DescribeVpcEndpointConnections\"");
        // the consumer policy follows below, in the dialog's scrolled area
        browser.js("document.getElementById('access-consumer-policy').scrollIntoView({block: 'center'})");
        assertThat(browser.text(By.id("access-consumer-policy"))).contains("\"ec2:DescribeVpcEndpoints\"");
        browser.screenshot("access-check-missing-permission");
        browser.click(By.xpath("//vaadin-dialog-overlay//vaadin-button[contains(., 'Close')] | //vaadin-dialog//vaadin-button[contains(., 'Close')]"));
        browser.until(d -> rowText(id).contains("FAILED") && rowText(id).contains("Missing permission"));

        // with the permission attached, the account's own "Test access" passes, and the list says so
        sandbox.control().configureRole(id, null, List.of());
        browser.click(By.cssSelector("vaadin-button[aria-label='Test access to " + id + "']"));
        browser.until(d -> browser.text(By.id("access-summary")).contains("Linkport can assume"));
        browser.screenshot("access-check-ok");
        browser.click(By.xpath("//vaadin-dialog-overlay//vaadin-button[contains(., 'Close')] | //vaadin-dialog//vaadin-button[contains(., 'Close')]"));
        browser.until(d -> rowText(id).contains("OK") && rowText(id).contains("just now"));
        browser.screenshot("access-check-accounts-list");
    }

    /** The text of the account's row in the accounts grid: from its id to the next account's id. */
    private String rowText(String accountId) {
        String grid = browser.text(By.cssSelector(".accounts-grid"));
        int at = grid.indexOf(accountId);
        if (at < 0) {
            return "";
        }
        Matcher next = NEXT_ACCOUNT.matcher(grid);
        int end = grid.length();
        for (int from = at + accountId.length(); next.find(from); from = next.end()) {
            if (!next.group(1).equals(accountId)) {
                end = next.start();
                break;
            }
        }
        return grid.substring(at, end);
    }

    /** A 12-digit account id that starts a row (not the one inside a role ARN, which follows "::"). */
    private static final Pattern NEXT_ACCOUNT = Pattern.compile("(?<!:)\\b(\\d{12})\\b");

}
