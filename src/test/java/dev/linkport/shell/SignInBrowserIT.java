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
            "admin;Catalog,My services,My endpoints,Approvals,Operations,Audit,Teams & accounts",
            "alice;Catalog,My services,My endpoints,Approvals,Teams & accounts",
            "bob;Catalog,My services,My endpoints,Teams & accounts",
            "carol;Catalog,My services,My endpoints,Teams & accounts"})
    void eachDemoUserSignsInAndSeesExactlyTheirNavigation(String user, String expectedNavigation) {
        browser.signIn(user, "linkport-demo");
        browser.waitForPath("/");
        browser.waitFor(By.cssSelector("vaadin-side-nav-item"));

        List<String> navigation = browser.all(By.cssSelector("vaadin-side-nav-item")).stream()
                .map(WebElement::getText).map(String::trim).toList();
        assertThat(navigation).containsExactly(expectedNavigation.split(","));
        assertThat(browser.waitFor(By.cssSelector(".sandbox-badge")).getText()).isEqualTo("Sandbox AWS — no real resources");
        assertThat(browser.waitFor(By.cssSelector(".view-header h2")).getText()).isEqualTo("Catalog");
        browser.screenshot("catalog-" + user);
    }

    @Test
    void theHeaderShowsTheUserAndTheirTeams() {
        browser.signIn("bob", "linkport-demo");
        assertThat(browser.waitFor(By.cssSelector(".header-teams")).getText()).isEqualTo("checkout (owner)");
        assertThat(browser.waitFor(By.cssSelector(".user-menu")).getText()).contains("Bob (checkout)");
    }

    @Test
    void aWrongPasswordShowsTheErrorAndStaysOnSignIn() {
        browser.signIn("alice", "not-the-password");
        browser.until(d -> browser.path().startsWith("/login?error"));
        WebElement form = browser.waitFor(By.cssSelector("vaadin-login-form"));
        browser.until(d -> form.getAttribute("error") != null);
        assertThat(errorTitle()).isEqualTo("Wrong user name or password");
        browser.screenshot("login-error");
    }

    @Test
    void repeatedFailuresForOneUserAreSlowedDown() {
        String name = Ids.teamName("victim");
        users.run("admin", () -> userService.create(new CreateUser(name, "Victim", null, "the-right-password", false)));
        for (int i = 0; i < 4; i++) {
            browser.signIn(name, "wrong-" + i);
            browser.until(d -> browser.path().startsWith("/login?error"));
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
        assertThat(browser.waitFor(By.cssSelector(".team-header h3")).getText()).isEqualTo("Checkout (checkout)");
    }

    @Test
    void aUserWhoIsNotAnApproverCannotOpenApprovalsOrAdminViews() {
        browser.signIn("bob", "linkport-demo");
        browser.waitForPath("/");
        for (String path : List.of("/approvals", "/operations", "/audit")) {
            browser.open(path);
            assertThat(browser.waitFor(By.cssSelector(".access-denied h2")).getText()).isEqualTo("This page is not for you");
            assertThat(browser.all(By.cssSelector("vaadin-side-nav-item"))).isNotEmpty();
            assertThat(browser.driver().getPageSource()).doesNotContain("Every decision and change in Linkport")
                    .doesNotContain("The background worker's jobs")
                    .doesNotContain("Endpoint requests to services you decide on");
        }
    }

    @Test
    void signingOutReturnsToSignIn() {
        browser.signIn("carol", "linkport-demo");
        browser.waitFor(By.cssSelector(".user-menu vaadin-menu-bar-button")).click();
        browser.waitFor(By.xpath("//vaadin-menu-bar-item[contains(., 'Sign out')]")).click();
        browser.waitForPath("/login");
        browser.open("/catalog");
        browser.waitForPath("/login");
    }

    private String errorTitle() {
        return (String) browser.js("const f = document.querySelector('vaadin-login-form');"
                + "return f && f.error && f.i18n && f.i18n.errorMessage ? f.i18n.errorMessage.title : null;");
    }
}
