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
import dev.linkport.sandbox.SandboxFault;
import dev.linkport.sandbox.SandboxLifecycle;
import dev.linkport.support.BrowserTest;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;

/** The publish form: Enter submits, and the server's field errors land on the fields. */
@LinkportIntegrationTest
class PublishServiceBrowserIT extends BrowserTest {

    @Autowired TestUsers users;
    @Autowired ListingService listings;
    @Autowired AccountResources resources;
    @Autowired SandboxLifecycle sandbox;

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
        browser.until(d -> browser.all(By.cssSelector("#publish-nlbs vaadin-checkbox")).size() == 2);

        browser.type(By.cssSelector("#publish-ports input"), Keys.chord(Keys.CONTROL, "a"), "443, https");
        browser.type(By.cssSelector("#publish-name input"), "x", Keys.BACK_SPACE, Keys.ENTER);

        browser.until(d -> errorOf("publish-summary").contains("Say in one line"));
        assertThat(errorOf("publish-name")).contains("Enter the service's name");
        assertThat(errorOf("publish-nlbs")).contains("at least one network load balancer");
        assertThat(errorOf("publish-ports")).contains("Port numbers separated by commas");
        assertThat(browser.path()).isEqualTo("/my-services/new");
        browser.screenshot("publish-1-field-errors");
    }

    private String errorOf(String fieldId) {
        return browser.read(By.id(fieldId), field -> field.getAttribute("invalid") == null ? ""
                : String.valueOf(field.getDomProperty("errorMessage")));
    }
}
