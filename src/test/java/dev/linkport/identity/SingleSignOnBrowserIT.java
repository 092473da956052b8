package dev.linkport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.identity.service.TeamCommands.CreateTeam;
import dev.linkport.identity.service.TeamService;
import dev.linkport.support.BrowserTest;
import dev.linkport.support.Ids;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.TestIdentityProvider;
import dev.linkport.support.TestUsers;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Single sign-on end to end: a real browser, Linkport, and a real OpenID Connect provider (Spring Authorization
 * Server, {@link TestIdentityProvider}). Linkport is opened as 127.0.0.1 and the provider as localhost, so each keeps
 * its own session cookie.
 */
@LinkportIntegrationTest
class SingleSignOnBrowserIT extends BrowserTest {

    private static final By SSO_BUTTON = By.xpath("//a[vaadin-button[contains(., 'Sign in with Test IdP')]]");
    private static TestIdentityProvider idp;

    @Autowired TestUsers users;
    @Autowired TeamService teams;

    @BeforeEach
    void startTheIdentityProviderOnce() {
        if (idp == null) {
            idp = TestIdentityProvider.start(port, "sso-ada");
        }
    }

    @AfterAll
    static void stopTheIdentityProvider() {
        if (idp != null) {
            idp.close();
            idp = null;
        }
    }

    @Test
    void aPersonSignsInAtTheProviderGetsTheTeamsOfTheirGroupsAndSignsOutThereToo() {
        String team = Ids.teamName("sso");
        users.run("admin", () -> teams.createTeam(new CreateTeam(team, "Single sign-on team", null, true)));
        idp.setGroups("sso-ada", List.of("linkport-" + team + "-owners", "linkport-admins", "everyone"));
        String linkport = "http://127.0.0.1:" + port;

        browser.driver().get(linkport + "/login");
        browser.waitFor(SSO_BUTTON);
        assertThat(browser.all(By.cssSelector("vaadin-login-form"))).as("the password form stays").hasSize(1);
        browser.waitForServer();
        browser.screenshot("login-with-single-sign-on");

        signInAtTheProvider(linkport);
        assertThat(browser.text(By.id("teams-menu"))).isEqualTo(team + " (owner)");
        assertThat(browser.text(By.cssSelector(".user-menu vaadin-menu-bar-button"))).contains("SSO sso-ada · admin");
        browser.waitFor(By.xpath("//vaadin-side-nav-item[contains(., 'Operations')]"));
        browser.screenshot("signed-in-with-single-sign-on");

        browser.click(By.cssSelector(".user-menu vaadin-menu-bar-button"));
        assertThat(browser.all(By.xpath("//vaadin-menu-bar-item[contains(., 'Change password')]")))
                .as("single sign-on users have no Linkport password").isEmpty();
        browser.click(By.xpath("//vaadin-menu-bar-item[contains(., 'Sign out')]"));
        browser.until(d -> d.getCurrentUrl().equals(linkport + "/login"));
        browser.driver().get(linkport + "/catalog");
        browser.until(d -> d.getCurrentUrl().startsWith(linkport + "/login"));

        // the provider's session ended as well: signing in again asks for the password, and the groups now differ
        idp.setGroups("sso-ada", List.of("linkport-" + team + "-members"));
        signInAtTheProvider(linkport);
        assertThat(browser.text(By.id("teams-menu"))).isEqualTo(team);
        assertThat(browser.text(By.cssSelector(".user-menu vaadin-menu-bar-button"))).doesNotContain("admin");
        assertThat(browser.all(By.xpath("//vaadin-side-nav-item[contains(., 'Operations')]"))).isEmpty();
    }

    private void signInAtTheProvider(String linkport) {
        browser.click(SSO_BUTTON);
        browser.fill(By.id("username"), "sso-ada");
        browser.fill(By.id("password"), TestIdentityProvider.PASSWORD);
        browser.click(By.cssSelector("button[type='submit']"));
        browser.until(d -> d.getCurrentUrl().startsWith(linkport) && !d.getCurrentUrl().contains("/login"));
        browser.waitFor(By.id("teams-menu"));
    }
}
