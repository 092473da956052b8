package dev.linkport.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.linkport.aws.AwsTarget;
import dev.linkport.aws.InterfaceEndpoint;
import dev.linkport.aws.InterfaceEndpointRequest;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.consumer.service.SubmitEndpointRequest;
import dev.linkport.support.BrowserTest;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.LoopFixture;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** The provider console in the browser: allowed principals synced to the sandbox, an out-of-band connection accepted. */
@LinkportIntegrationTest
class ProviderConsoleBrowserIT extends BrowserTest {

    static final String PROVIDER = "111111111111";
    static final String CAROL = LoopFixture.CAROL_ACCOUNT;
    static final AwsTarget PROVIDER_TARGET = new AwsTarget(PROVIDER, "us-east-1",
            "arn:aws:iam::" + PROVIDER + ":role/LinkportAccess", "demo-" + PROVIDER, null);
    static final AwsTarget CAROL_TARGET = new AwsTarget(CAROL, "us-east-1",
            "arn:aws:iam::" + CAROL + ":role/LinkportAccess", "demo-" + CAROL, null);

    @Autowired LoopFixture loop;
    @Autowired PrivateLinkGateway gateway;

    @Test
    void aProviderAddsAndRemovesAPrincipalAndSeesItSynced() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.PROVIDER, "payments-api");
        String arn = "arn:aws:iam::444455556666:role/Reporting";

        browser.signIn("alice", "linkport-demo");
        browser.waitForPath("/");
        browser.open("/services/" + service.id());
        By link = By.xpath("//div[@id='manage-links']//a[contains(., 'Allowed principals')]");
        browser.waitFor(link);
        browser.screenshot("principals-0-service-page");
        browser.click(link);
        browser.waitForPath("/services/" + service.id() + "/principals");

        By field = By.cssSelector("#principal-arn input");
        browser.type(field, "arn:aws:iam::12:root", Keys.ENTER);
        browser.until(d -> String.valueOf(browser.waitFor(By.id("principal-arn")).getDomProperty("errorMessage"))
                .contains("account root"));
        browser.screenshot("principals-1-invalid");

        browser.type(field, Keys.chord(Keys.CONTROL, "a"), "*", Keys.ENTER);
        By cancel = By.xpath("//vaadin-confirm-dialog//vaadin-button[contains(., 'Cancel')] "
                + "| //vaadin-confirm-dialog-overlay//vaadin-button[contains(., 'Cancel')]");
        browser.waitFor(cancel);
        browser.screenshot("principals-2-wildcard-warning");
        browser.click(cancel);

        browser.type(field, Keys.chord(Keys.CONTROL, "a"), arn);
        browser.click(By.id("add-principal"));
        browser.until(d -> stateOf(arn).equals("In sync"));
        assertThat(inAws(service)).contains(arn);
        browser.screenshot("principals-3-in-sync");

        browser.click(By.cssSelector(".remove-principal[data-arn='" + arn + "']"));
        By confirm = By.xpath("//vaadin-confirm-dialog//vaadin-button[@slot='confirm-button'] "
                + "| //vaadin-confirm-dialog-overlay//vaadin-button[@slot='confirm-button']");
        browser.waitFor(confirm);
        browser.screenshot("principals-4-remove-warning");
        browser.click(confirm);
        // the grid keeps rendered cells of removed rows around, hidden
        browser.until(d -> browser.all(By.cssSelector(".principal-state[data-arn='" + arn + "']")).stream()
                .noneMatch(WebElement::isDisplayed));
        assertThat(inAws(service)).doesNotContain(arn);
        browser.screenshot("principals-5-removed");
    }

    @Test
    void anEndpointCreatedOutsideLinkportShowsUpInConnectionsAndIsAcceptedFromTheUi() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.PROVIDER, "payments-api");
        gateway.modifyServicePermissions(PROVIDER_TARGET, service.serviceId(), Set.of("arn:aws:iam::" + CAROL + ":root"),
                Set.of());
        SubmitEndpointRequest where = loop.requestFor("carol", CAROL, service);
        String vpce = gateway.createInterfaceEndpoint(CAROL_TARGET, new InterfaceEndpointRequest(
                UUID.randomUUID().toString(), where.vpcId(), service.serviceName(), where.subnetIds(),
                where.securityGroupIds(), false, null)).endpointId();

        browser.signIn("alice", "linkport-demo");
        browser.waitForPath("/");
        browser.open("/services/" + service.id());
        browser.click(By.xpath("//div[@id='manage-links']//a[contains(., 'Connections')]"));
        browser.waitForPath("/services/" + service.id() + "/connections");

        browser.until(d -> connectionState(vpce).equals("pendingAcceptance"));
        assertThat(browser.text(By.id("connections-status"))).contains("made outside Linkport");
        browser.screenshot("connections-1-pending");
        // the filters narrow the list: a text nothing matches empties it, the endpoint's id brings it back
        browser.fill(By.cssSelector("#connections-text-filter input"), "no-such-endpoint");
        browser.until(d -> browser.gridRows("connections-grid").isEmpty());
        browser.fill(By.cssSelector("#connections-text-filter input"), vpce.substring(5));
        browser.until(d -> connectionState(vpce).equals("pendingAcceptance"));

        browser.click(By.id("accept-" + vpce));
        browser.until(d -> connectionState(vpce).equals("available"));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                gateway.describeInterfaceEndpoint(CAROL_TARGET, vpce).map(InterfaceEndpoint::state).orElse(""),
                "available"::equals);
        assertThat(browser.all(By.id("accept-" + vpce))).isEmpty();
        browser.screenshot("connections-2-accepted");
    }

    private String stateOf(String arn) {
        return browser.all(By.cssSelector(".principal-state[data-arn='" + arn + "']")).stream().findFirst()
                .map(WebElement::getText).orElse("");
    }

    private String connectionState(String vpce) {
        return browser.all(By.cssSelector(".connection-state[data-endpoint='" + vpce + "']")).stream().findFirst()
                .map(WebElement::getText).orElse("");
    }

    private java.util.List<String> inAws(ServiceDetail service) {
        return gateway.describeServicePermissions(PROVIDER_TARGET, service.serviceId()).stream()
                .map(dev.linkport.aws.PermittedPrincipal::principal).toList();
    }
}
