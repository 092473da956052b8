package dev.linkport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.identity.service.ApiTokenService;
import dev.linkport.identity.service.UserCommands.CreateUser;
import dev.linkport.identity.service.UserService;
import dev.linkport.support.BrowserTest;
import dev.linkport.support.Ids;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.springframework.beans.factory.annotation.Autowired;

@LinkportIntegrationTest
class PeopleBrowserIT extends BrowserTest {

    static final String PASSWORD = "first-password-1";

    @Autowired TestUsers users;
    @Autowired UserService userService;
    @Autowired ApiTokenService tokens;

    String newUser() {
        String name = Ids.teamName("pb");
        users.run("admin", () -> userService.create(new CreateUser(name, "Person " + name, null, PASSWORD, false)));
        return name;
    }

    @Test
    void aUserChangesTheirPasswordFromTheUserMenuAndSignsInWithTheNewOne() {
        String name = newUser();
        browser.signIn(name, PASSWORD);
        browser.waitFor(By.id("teams-menu"));
        browser.click(By.cssSelector(".user-menu vaadin-menu-bar-button"));
        browser.click(By.xpath("//vaadin-menu-bar-item[contains(., 'Change password')]"));

        browser.fill(By.cssSelector("#current-password input"), "not-my-password-0");
        browser.fill(By.cssSelector("#new-password input"), "short");
        browser.type(By.cssSelector("#new-password input"), Keys.TAB); // the value is taken when the field is left
        browser.until(d -> "12 to 72 characters".equals(errorOf("new-password")));
        browser.fill(By.cssSelector("#new-password input"), "second-password-2");
        browser.fill(By.cssSelector("#repeat-password input"), "second-password-2");
        browser.click(By.id("change-password"));
        browser.until(d -> "This is not your current password".equals(errorOf("current-password")));
        browser.screenshot("change-password-wrong-current");

        browser.fill(By.cssSelector("#current-password input"), PASSWORD);
        browser.click(By.id("change-password"));
        browser.until(d -> d.getPageSource().contains("Your password is changed"));

        browser.signOut();
        browser.signIn(name, "second-password-2");
        browser.waitFor(By.id("teams-menu"));
    }

    @Test
    void anAdminDisablesAUserWhoseOpenSessionIsSentToSignInAndWhoseTokenStopsWorking() throws Exception {
        String name = newUser();
        String secret = users.as(name, () -> tokens.create("laptop").secret());
        assertThat(get(secret)).isEqualTo(200);

        // the user's session, on 127.0.0.1 so that the admin's on localhost keeps its own cookie
        String userSite = "http://127.0.0.1:" + port;
        String userTab = browser.driver().getWindowHandle();
        browser.driver().get(userSite + "/login");
        browser.fill(By.cssSelector("vaadin-login-form input[name='username']"), name);
        browser.fill(By.cssSelector("vaadin-login-form input[name='password']"), PASSWORD);
        browser.click(By.cssSelector("vaadin-login-form vaadin-button"));
        browser.waitFor(By.id("teams-menu"));

        browser.driver().switchTo().newWindow(WindowType.TAB);
        String adminTab = browser.driver().getWindowHandle();
        try {
            browser.open("/login");
            browser.signIn("admin", "linkport-demo");
            browser.waitFor(By.id("teams-menu"));
            browser.open("/teams");
            browser.click(By.xpath("//vaadin-tab[contains(., 'Users')]"));
            browser.fill(By.cssSelector("#user-filter input"), name);
            browser.until(d -> browser.gridRows("user-grid").size() == 1); // filtered: the rows are rendered anew
            browser.click(By.xpath("//vaadin-button[@aria-label='Disable " + name + "']"));
            browser.click(By.xpath("//vaadin-confirm-dialog//vaadin-button[contains(., 'Disable')]"));
            browser.until(d -> browser.gridRows("user-grid").stream()
                    .anyMatch(row -> row.contains(name) && row.contains("disabled")));
            browser.screenshot("user-disabled");
        } finally {
            browser.driver().close();
            browser.driver().switchTo().window(userTab);
        }
        assertThat(adminTab).isNotEqualTo(userTab);

        // The user's next interaction with the page they still have open ends at the sign-in page. Coming back to
        // the tab is one already (Vaadin tells the server the page is visible again); else a click is.
        By myEndpoints = By.xpath("//vaadin-side-nav-item[contains(., 'My endpoints')]");
        browser.until(d -> {
            if (d.getCurrentUrl().startsWith(userSite + "/login")) {
                return true;
            }
            d.findElements(myEndpoints).stream().filter(WebElement::isDisplayed).findFirst().ifPresent(item -> {
                try {
                    item.click();
                } catch (WebDriverException notNow) {
                    // replaced or covered while the page goes: the next round looks again
                }
            });
            return false;
        });
        browser.waitFor(By.cssSelector("vaadin-login-form"));
        assertThat(get(secret)).isEqualTo(401);
    }

    private String errorOf(String fieldId) {
        return (String) browser.js("const f = document.getElementById(arguments[0]);"
                + "return f && f.invalid ? f.errorMessage : null;", fieldId);
    }

    private int get(String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/accounts"))
                .header("Authorization", "Bearer " + token).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
