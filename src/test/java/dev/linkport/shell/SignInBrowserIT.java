package dev.linkport.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.identity.service.UserCommands.CreateUser;
import dev.linkport.identity.service.UserService;
import dev.linkport.support.BrowserTest;
import dev.linkport.support.Ids;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.TestUsers;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

@LinkportIntegrationTest
class SignInBrowserIT extends BrowserTest {
    @Autowired TestUsers users;
    @Autowired UserService userService;

    @ParameterizedTest(name = "{0} sees {1}")
    @CsvSource(delimiter = ';', value = {
            "admin;Catalog,My services,My endpoints,Approvals,Operations,Audit,Deliveries,Teams & accounts",
            "alice;Catalog,My services,My endpoints,Approvals,Teams & accounts",
            "bob;Catalog,My services,My endpoints,Teams & accounts",
            "carol;Catalog,My services,My endpoints,Teams & accounts"})
    void eachDemoUserSignsInAndSeesExactlyTheirNavigation(String user, String expectedNavigation) {
        browser.signIn(user, "linkport-demo");
        browser.waitForPath("/");
        browser.waitFor(By.cssSelector("vaadin-side-nav-item"));

        List<String> navigation = browser.until(d -> d.findElements(By.cssSelector("vaadin-side-nav-item")).stream()
                .map(WebElement::getText).map(String::trim).toList());
        assertThat(navigation).containsExactly(expectedNavigation.split(","));
        assertThat(browser.text(By.cssSelector(".sandbox-badge"))).isEqualTo("Sandbox AWS — no real resources");
        assertThat(browser.text(By.cssSelector(".view-header h2"))).isEqualTo("Catalog");
        browser.screenshot("catalog-" + user);
    }

    @Test
    void theHeaderShowsTheUserAndTheirTeams() {
        browser.signIn("bob", "linkport-demo");
        assertThat(browser.text(By.id("teams-menu"))).isEqualTo("checkout (owner)");
        assertThat(browser.text(By.cssSelector(".user-menu"))).contains("Bob (checkout)");
    }

    @Test
    void aWrongPasswordShowsTheErrorAndStaysOnSignIn() {
        browser.signIn("alice", "not-the-password");
        browser.until(d -> browser.path().startsWith("/login?error"));
        browser.until(d -> browser.attribute(By.cssSelector("vaadin-login-form"), "error") != null);
        assertThat(errorTitle()).isEqualTo("Wrong user name or password");
        browser.screenshot("login-error");
    }

    /**
     * The test profile sets {@code linkport.sign-in.base-delay} to minutes, so the user is still
     * made to wait when the next attempt comes, however slow the machine: with the default of 1 s,
     * a slow sign-in outlasted the wait and the right password got in.
     */
    @Test
    void repeatedFailuresForOneUserAreSlowedDown() {
        String name = Ids.teamName("victim");
        users.run("admin", () -> userService.create(new CreateUser(name, "Victim", null, "the-right-password", false)));
        for (int i = 0; i < 4; i++) {
            browser.signIn(name, "wrong-" + i);
            browser.until(d -> browser.path().startsWith("/login?error"));
            // the first failures cost nothing; after them, the password is not even checked
            String expected = i < 3 ? "Wrong user name or password" : "Too many failed sign-ins";
            browser.until(d -> expected.equals(errorTitle()));
            browser.open("/login");
        }
        // Even the right password is not checked while the user must wait.
        browser.signIn(name, "the-right-password");
        browser.until(d -> browser.path().startsWith("/login?error"));
        browser.until(d -> "Too many failed sign-ins".equals(errorTitle()));
    }

    @Test
    void anAnonymousDeepLinkLandsOnSignInAndThenOnThatPage() {
        browser.open("/teams/checkout");
        browser.waitForPath("/login");
        browser.signIn("bob", "linkport-demo");
        browser.waitForPath("/teams/checkout");
        assertThat(browser.text(By.cssSelector(".team-header h3"))).isEqualTo("Checkout (checkout)");
    }

    @Test
    void aUserWhoIsNotAnApproverCannotOpenApprovalsOrAdminViews() {
        browser.signIn("bob", "linkport-demo");
        browser.waitForPath("/");
        for (String path : List.of("/approvals", "/operations", "/audit")) {
            browser.open(path);
            assertThat(browser.text(By.cssSelector(".access-denied h2"))).isEqualTo("This page is not for you");
            assertThat(browser.all(By.cssSelector("vaadin-side-nav-item"))).isNotEmpty();
            assertThat(browser.driver().getPageSource()).doesNotContain("Every decision and change in Linkport")
                    .doesNotContain("The background worker's jobs")
                    .doesNotContain("Endpoint requests to services you decide on");
        }
    }

    @Test
    void signingOutReturnsToSignIn() {
        browser.signIn("carol", "linkport-demo");
        browser.click(By.cssSelector(".user-menu vaadin-menu-bar-button"));
        browser.click(By.xpath("//vaadin-menu-bar-item[contains(., 'Sign out')]"));
        browser.waitForPath("/login");
        browser.open("/catalog");
        browser.waitForPath("/login");
    }

    private String errorTitle() {
        return (String) browser.js("const f = document.querySelector('vaadin-login-form');"
                + "return f && f.error && f.i18n && f.i18n.errorMessage ? f.i18n.errorMessage.title : null;");
    }
}
