package dev.linkport.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.linkport.aws.NetworkLoadBalancer;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.ListingState;
import dev.linkport.catalog.service.ListingService;
import dev.linkport.catalog.service.PublishServiceCommand;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.identity.service.AccountResources;
import dev.linkport.identity.service.AccountService;
import dev.linkport.identity.service.TeamService;
import dev.linkport.identity.service.UserService;
import dev.linkport.sandbox.SandboxFault;
import dev.linkport.sandbox.SandboxLifecycle;
import dev.linkport.support.BrowserTest;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.ProviderTeamSeed;
import dev.linkport.support.ProviderTeamSeed.ProviderTeam;
import dev.linkport.support.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The publish form: Enter submits, the server's field errors land on the fields, the
 * description is Markdown, previewed while typing and rendered safely on the service page, and each
 * load balancer shows its target type, with guidance for one whose targets are on premises.
 */
@LinkportIntegrationTest
class PublishServiceBrowserIT extends BrowserTest {

    @Autowired TestUsers users;
    @Autowired ListingService listings;
    @Autowired AccountResources resources;
    @Autowired SandboxLifecycle sandbox;
    @Autowired UserService userService;
    @Autowired TeamService teamService;
    @Autowired AccountService accountService;

    @Test
    void anOwnerSeesWhyAwsRefusedTheServiceAndRetriesItOnItsPage() {
        String nlb = users.as("alice", () -> resources.loadBalancers("111111111111", "us-east-1")).stream()
                .filter(l -> l.name().equals("payments-api")).map(NetworkLoadBalancer::arn).findFirst().orElseThrow();
        sandbox.control().injectFault(new SandboxFault("CreateVpcEndpointServiceConfiguration", "111111111111",
                "InvalidParameterValue", 400, 1.0, Duration.ZERO, 1));
        ServiceDetail published = users.as("alice", () -> listings.publish(new PublishServiceCommand(
                "flaky-" + UUID.randomUUID().toString().substring(0, 8), "Fails once", null, Set.of(), null, null, "443",
                "111111111111", "us-east-1", List.of(nlb), true, ApprovalPolicy.PROVIDER, null, Set.of(), null, Set.of())));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> users.as("alice", () -> listings.detail(published.id())).state(), s -> s == ListingState.FAILED);

        browser.signIn("alice", "linkport-demo");
        browser.waitForPath("/");
        browser.open("/services/" + published.id());
        assertThat(browser.text(By.id("service-state"))).isEqualTo("FAILED");
        assertThat(browser.text(By.id("service-failure"))).contains("InvalidParameterValue");
        browser.screenshot("publish-2-failed");
        browser.click(By.id("retry-publish"));
        browser.until(d -> d.findElements(By.id("service-name")).stream()
                .anyMatch(e -> e.getText().startsWith("com.amazonaws.vpce.us-east-1.vpce-svc-")));
        assertThat(browser.text(By.id("service-state"))).isEqualTo("AVAILABLE");
        browser.screenshot("publish-3-retried");
    }

    @Test
    void pressingEnterInAnIncompleteFormShowsWhatIsMissingOnTheFields() {
        browser.signIn("alice", "linkport-demo");
        browser.waitForPath("/");
        browser.open("/my-services");
        browser.waitFor(By.id("publish-service"));
        browser.screenshot("publish-0-my-services");
        browser.click(By.id("publish-service"));
        browser.waitForPath("/my-services/new");
        // the load balancers of the default account and region arrive from AWS in the background
        // (at least the two the sandbox seeds; tests that change live services add more to the demo account)
        browser.until(d -> browser.all(By.cssSelector("#publish-nlbs vaadin-checkbox")).size() >= 2);

        browser.type(By.cssSelector("#publish-ports input"), Keys.chord(Keys.CONTROL, "a"), "443, https");
        browser.type(By.cssSelector("#publish-name input"), "x", Keys.BACK_SPACE, Keys.ENTER);

        browser.until(d -> errorOf("publish-summary").contains("Say in one line"));
        assertThat(errorOf("publish-name")).contains("Enter the service's name");
        assertThat(errorOf("publish-nlbs")).contains("at least one network load balancer");
        assertThat(errorOf("publish-ports")).contains("Port numbers separated by commas");
        assertThat(browser.path()).isEqualTo("/my-services/new");
        browser.screenshot("publish-1-field-errors");
    }

    @Test
    void aMarkdownDescriptionIsPreviewedWhileTypingAndFormattedOnTheServicePageWithNothingRunnable() {
        String name = "md-" + UUID.randomUUID().toString().substring(0, 8);
        browser.signIn("alice", "linkport-demo");
        browser.waitForPath("/");
        browser.open("/my-services/new");
        // (at least the two the sandbox seeds; tests that change live services add more to the demo account)
        browser.until(d -> browser.all(By.cssSelector("#publish-nlbs vaadin-checkbox")).size() >= 2);
        browser.type(By.cssSelector("#publish-name input"), name);
        browser.type(By.cssSelector("#publish-summary input"), "A ledger with documentation");
        browser.type(By.cssSelector("#publish-description textarea"), """
                # Ledger

                - **Double-entry** bookkeeping
                - retries with `Idempotency-Key`

                Read the [runbook](https://wiki.example.com/ledger) or [this](javascript:window.xss=1).
                ![Ledger diagram](https://example.com/ledger.png)

                ```
                curl https://ledger.internal/health
                ```

                <script>window.xss=1</script> <img src=x onerror="window.xss=1">""");

        // The preview follows the typing without leaving the field.
        By preview = By.cssSelector("#publish-description-preview .markdown-text");
        browser.until(d -> browser.all(By.cssSelector("#publish-description-preview .markdown-text h4")).size() == 1
                && browser.text(preview).contains("<img src=x"));
        assertDocumentation("#publish-description-preview .markdown-text");
        browser.screenshot("publish-markdown-1-preview");

        browser.click(By.xpath("//*[@id='publish-nlbs']//vaadin-checkbox[contains(., 'payments-ledger')]/label"));
        browser.click(By.id("publish-submit"));
        browser.until(d -> browser.path().startsWith("/services/"));
        String serviceId = browser.path().substring("/services/".length());
        browser.until(d -> browser.text(By.id("service-state")).equals("AVAILABLE"));
        assertDocumentation("#service-description");
        browser.screenshot("publish-markdown-2-service-page");

        // Settings: the preview shows the stored text at once, and follows an edit.
        browser.open("/services/" + serviceId + "/settings");
        By settingsPreview = By.cssSelector("#edit-description-preview .markdown-text");
        assertThat(browser.text(By.cssSelector("#edit-description-preview .markdown-text h4"))).isEqualTo("Ledger");
        browser.fill(By.cssSelector("#edit-description textarea"), "## Changed\n\n1. first\n2. second <b>bold</b>");
        browser.until(d -> browser.all(By.cssSelector("#edit-description-preview .markdown-text h5")).size() == 1);
        assertThat(browser.all(By.cssSelector("#edit-description-preview ol li"))).hasSize(2);
        assertThat(browser.text(settingsPreview)).contains("second <b>bold</b>");
        assertThat(browser.all(By.cssSelector("#edit-description-preview b"))).isEmpty();
        browser.screenshot("publish-markdown-3-settings-preview");
        browser.click(By.id("save-settings"));
        browser.waitForServer();
        browser.open("/services/" + serviceId);
        assertThat(browser.text(By.cssSelector("#service-description h5"))).isEqualTo("Changed");
        assertThat(browser.all(By.cssSelector("#service-description ol li"))).hasSize(2);
    }

    @Test
    void eachLoadBalancerShowsItsTargetTypeAndOneWithTargetsOnPremisesOpensTheOnPremisesGuidance() {
        ProviderTeam team = new ProviderTeamSeed(users, userService, teamService, accountService, sandbox.control())
                .create("onprem");
        String web = sandbox.control().createLoadBalancer(team.accountId(), "us-east-1", "web-nlb", List.of("a", "b"));
        sandbox.control().createTargetGroup(web, "web-instances", "instance", 443,
                List.of("i-0aaaaaaaaaaaaaaa1", "i-0aaaaaaaaaaaaaaa2"));
        String mainframe = sandbox.control().createLoadBalancer(team.accountId(), "us-east-1", "mainframe-nlb",
                List.of("a", "b"));
        sandbox.control().createTargetGroup(mainframe, "mainframe-dc", "ip", 443,
                List.of("192.168.50.10", "192.168.50.11"));

        browser.signIn(team.owner(), ProviderTeamSeed.PASSWORD);
        browser.waitForPath("/");
        browser.open("/my-services/new");
        browser.until(d -> browser.all(By.cssSelector("#publish-nlbs vaadin-checkbox")).size() == 2);

        assertThat(browser.text(nlbOption("mainframe-nlb")))
                .contains("target type ip (2 addresses outside the VPC: on premises)");
        assertThat(browser.text(nlbOption("web-nlb"))).contains("target type instance")
                .doesNotContain("on premises");
        assertThat(browser.text(By.id("publish-onprem-found")))
                .startsWith("mainframe-nlb sends traffic to IP targets outside its VPC");
        assertThat(browser.attribute(By.id("publish-onprem-help"), "opened")).isNotNull();
        assertThat(browser.text(By.id("publish-onprem-help"))).contains("Direct Connect or Site-to-Site VPN")
                .contains("Availability Zone \"all\"").contains("Health checks").contains("Cross-zone load balancing");
        browser.js("document.getElementById('publish-nlbs').scrollIntoView()");
        browser.screenshot("publish-onprem-guidance");
    }

    private static By nlbOption(String name) {
        return By.xpath("//*[@id='publish-nlbs']//vaadin-checkbox[contains(., '" + name + "')]");
    }

    /**
     * Formatted as Markdown, the image as a link; the script, the inline image's handler and the script
     * link never reached the DOM.
     */
    private void assertDocumentation(String root) {
        assertThat(browser.text(By.cssSelector(root + " h4"))).isEqualTo("Ledger");
        assertThat(browser.text(By.cssSelector(root + " li strong"))).isEqualTo("Double-entry");
        assertThat(browser.text(By.cssSelector(root + " li code"))).isEqualTo("Idempotency-Key");
        By runbook = By.cssSelector(root + " a[href='https://wiki.example.com/ledger']");
        assertThat(browser.text(runbook)).isEqualTo("runbook");
        assertThat(browser.attribute(runbook, "rel")).isEqualTo("noopener noreferrer");
        assertThat(browser.attribute(runbook, "target")).isEqualTo("_blank");
        By diagram = By.cssSelector(root + " a.markdown-image[href='https://example.com/ledger.png']");
        assertThat(browser.text(diagram)).isEqualTo("Ledger diagram");
        assertThat(browser.text(By.cssSelector(root + " pre code"))).isEqualTo("curl https://ledger.internal/health");
        assertThat(browser.text(By.cssSelector(root))).contains("or this.")
                .contains("<script>window.xss=1</script> <img src=x onerror=\"window.xss=1\">");
        Object unsafe = browser.js("const r = document.querySelector(arguments[0]);"
                + "return r.querySelectorAll('script, img, iframe, [onerror], [onclick], [onload]').length"
                + " + Array.from(r.querySelectorAll('a')).filter(a => !/^https?:/.test(a.href)).length;", root);
        assertThat(unsafe).isEqualTo(0L);
        assertThat(browser.all(By.cssSelector(root + " a"))).hasSize(2);
        assertThat(browser.js("return window.xss === undefined")).isEqualTo(true);
    }

    private String errorOf(String fieldId) {
        return browser.read(By.id(fieldId), field -> field.getAttribute("invalid") == null ? ""
                : String.valueOf(field.getDomProperty("errorMessage")));
    }
}
