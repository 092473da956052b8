package dev.linkport.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.consumer.service.EndpointRequestDetails;
import dev.linkport.consumer.service.EndpointRequestService;
import dev.linkport.notification.service.NotificationSettings;
import dev.linkport.notification.service.NotificationSettingsService;
import dev.linkport.notification.service.TeamWebhookService;
import dev.linkport.notification.service.WebhookRow;
import dev.linkport.support.BrowserTest;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.LoopFixture;
import dev.linkport.support.TestUsers;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** The notification settings page, and the page a notification's link opens, in a real browser. */
@LinkportIntegrationTest
class NotificationSettingsBrowserIT extends BrowserTest {

    @Autowired TestUsers users;
    @Autowired LoopFixture loop;
    @Autowired EndpointRequestService requests;
    @Autowired NotificationSettingsService settings;
    @Autowired TeamWebhookService webhooks;
    @Autowired dev.linkport.support.ModuleEvents events;

    @Test
    void aPersonChoosesEmailForAnEventAndAnOwnerIsToldWhatIsWrongWithAWebhookUrlBeforeAddingOne() {
        UUID payments = users.as("alice", () -> webhooks.manageableTeams("payments")).getFirst().id();
        String name = "chat-" + UUID.randomUUID().toString().substring(0, 6);
        try {
            browser.signIn("alice", "linkport-demo");
            browser.waitForPath("/");
            // reachable from the bell
            browser.click(By.id("notification-bell"));
            browser.click(By.id("notification-settings-link"));
            browser.waitForPath("/notification-settings");

            By availableByEmail = By.id("pref-endpoint-available-email");
            assertThat(browser.attribute(availableByEmail, "checked")).isNull(); // off by default
            browser.screenshot("notification-settings");
            browser.click(availableByEmail);
            browser.click(By.id("save-preferences"));
            browser.until(d -> d.getPageSource().contains("Notification choices saved"));
            assertThat(choice(NotificationKind.ENDPOINT_AVAILABLE).email()).isTrue();
            assertThat(choice(NotificationKind.ENDPOINT_AVAILABLE).inApp()).isTrue();

            browser.fill(By.cssSelector("#webhook-name input"), name);
            browser.fill(By.cssSelector("#webhook-url input"), "ftp://files.example.com/hook");
            browser.click(By.id("add-webhook"));
            browser.until(d -> "".equals(browser.attribute(By.id("webhook-url"), "invalid"))
                    || "true".equals(browser.attribute(By.id("webhook-url"), "invalid")));
            assertThat(browser.text(By.id("webhook-url"))).contains("Enter an http:// or https:// URL");
            assertThat(hooks(payments)).noneMatch(w -> w.name().equals(name));
            browser.screenshot("notification-settings-invalid-webhook");

            browser.fill(By.cssSelector("#webhook-url input"), "https://chat.example.invalid/hooks/payments");
            browser.click(By.id("add-webhook"));
            String secret = browser.until(d -> {
                String value = browser.waitFor(By.cssSelector("#webhook-secret input")).getDomProperty("value");
                return value != null && value.startsWith("whsec_") ? value : null;
            });
            assertThat(secret).hasSizeGreaterThan(40);
            browser.click(By.id("webhook-secret-done"));
            browser.waitForGridRow("webhook-grid", name);
            browser.screenshot("notification-settings-webhooks");
        } finally {
            users.run("alice", () -> settings.save(Arrays.stream(NotificationKind.values())
                    .map(k -> new NotificationSettings.Choice(k, true, k.emailByDefault())).toList()));
            hooks(payments).stream().filter(w -> w.name().equals(name))
                    .forEach(w -> users.run("alice", () -> webhooks.remove(w.id())));
        }
    }

    @Test
    void theLinkOfARequestToDecideOpensTheApprovalsPageWithThatRequestSelected() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.PROVIDER, "payments-api");
        EndpointRequestDetails request = users.as("bob",
                () -> requests.submit(loop.requestFor("bob", LoopFixture.BOB_ACCOUNT, service)));

        browser.signIn("alice", "linkport-demo");
        browser.waitForPath("/");
        browser.open("/approvals/" + request.id());
        browser.waitForGridRow("approvals-grid", service.name());
        browser.until(d -> browser.text(By.id("approve-selected")).equals("Approve selected (1)"));
        assertThat(browser.gridRows("approvals-grid")).allMatch(row -> row.contains(service.name()));
    }

    @Test
    void adminsSeeTheDeliveryLogNewestFirstAndOthersAreTurnedAway() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.PROVIDER, "payments-api");
        dev.linkport.support.TestSmtp.server();
        users.as("bob", () -> requests.submit(loop.requestFor("bob", LoopFixture.BOB_ACCOUNT, service)));
        events.awaitDelivered(); // the e-mail to alice is in the log once the request's event was handled

        browser.signIn("admin", "linkport-demo");
        browser.waitForPath("/");
        browser.open("/notification-deliveries");
        browser.waitForGridRow("delivery-grid", service.name());
        assertThat(browser.gridRows("delivery-grid")).filteredOn(row -> row.contains(service.name()))
                .anyMatch(row -> row.contains("alice@example.com") && row.contains("email"));
        browser.screenshot("notification-deliveries");

        browser.signOut();
        browser.signIn("alice", "linkport-demo");
        browser.waitForPath("/");
        browser.open("/notification-deliveries");
        browser.until(d -> d.getPageSource().toLowerCase().contains("access")
                || d.getPageSource().contains("not found") || !browser.all(By.cssSelector(".delivery-log-view")).isEmpty());
        assertThat(browser.all(By.cssSelector(".delivery-log-view"))).isEmpty();
    }

    private NotificationSettings.Choice choice(NotificationKind kind) {
        return users.as("alice", () -> settings.mine()).choices().stream().filter(c -> c.kind() == kind)
                .findFirst().orElseThrow();
    }

    private List<WebhookRow> hooks(UUID team) {
        return users.as("alice", () -> webhooks.webhooks(team));
    }
}
