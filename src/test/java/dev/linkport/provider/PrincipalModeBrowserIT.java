package dev.linkport.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.aws.PermittedPrincipal;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.PrincipalMode;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.catalog.service.ServiceEditService;
import dev.linkport.support.BrowserTest;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.LoopFixture;
import dev.linkport.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The owners switch a service to allowing one role; the consumer's request form then asks for the role, with the
 * format checked as they type and the account checked on submit, and the endpoint shows the role it is allowed as.
 */
@LinkportIntegrationTest
class PrincipalModeBrowserIT extends BrowserTest {

    static final String BOB_LINKPORT_ROLE = "arn:aws:iam::" + LoopFixture.BOB_ACCOUNT + ":role/LinkportAccess";

    @Autowired LoopFixture loop;
    @Autowired TestUsers users;
    @Autowired ServiceEditService settings;
    @Autowired PrivateLinkGateway gateway;

    @Test
    void ownersChooseRoleModeAndTheConsumerNamesARoleOfTheirAccountWithFieldErrorsForOthers() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.AUTO, "payments-api");

        browser.signIn("alice", "linkport-demo");
        browser.waitForPath("/");
        browser.open("/services/" + service.id() + "/settings");
        browser.click(By.xpath("//*[@id='edit-principal-mode']//vaadin-radio-button[contains(., 'One IAM role')]/label"));
        browser.click(By.id("save-settings"));
        browser.until(d -> d.getPageSource().contains("Saved " + service.name()));
        assertThat(users.as("alice", () -> settings.settings(service.id())).principalMode())
                .isEqualTo(PrincipalMode.ROLE);
        browser.screenshot("principal-mode-1-settings");

        browser.signOut();
        browser.signIn("bob", "linkport-demo");
        browser.waitForPath("/");
        browser.open("/services/" + service.id());
        browser.until(d -> browser.text(By.id("service-principal-mode")).contains("One IAM role of your account"));
        browser.open("/services/" + service.id() + "/request");
        browser.click(By.xpath("//*[@id='request-subnets']//vaadin-checkbox[contains(., 'use1-az1')]/label"));
        browser.type(By.cssSelector("#request-justification textarea"), "Checkout's app role only");

        browser.type(By.cssSelector("#request-principal-role input"), "checkout-app", Keys.TAB);
        browser.until(d -> errorOf("request-principal-role").contains("An IAM role ARN looks like"));

        browser.fill(By.cssSelector("#request-principal-role input"), "arn:aws:iam::444455556666:role/checkout-app");
        browser.click(By.id("request-submit"));
        browser.until(d -> errorOf("request-principal-role").contains("Name a role of account "
                + LoopFixture.BOB_ACCOUNT));
        browser.screenshot("principal-mode-2-request-refused");

        browser.fill(By.cssSelector("#request-principal-role input"), BOB_LINKPORT_ROLE);
        browser.click(By.id("request-submit"));
        browser.until(d -> browser.path().startsWith("/my-endpoints/"));
        browser.until(d -> browser.text(By.id("endpoint-state")).equals("AVAILABLE"));
        browser.until(d -> d.getPageSource().contains(BOB_LINKPORT_ROLE)
                && !d.getPageSource().contains("once provisioning begins"));
        browser.screenshot("principal-mode-3-endpoint");
        assertThat(gateway.describeServicePermissions(PrincipalsIT.PROVIDER_TARGET, service.serviceId()).stream()
                .map(PermittedPrincipal::principal)).containsExactly(BOB_LINKPORT_ROLE);
    }

    private String errorOf(String fieldId) {
        return browser.read(By.id(fieldId), field -> field.getAttribute("invalid") == null ? ""
                : String.valueOf(field.getDomProperty("errorMessage")));
    }
}
