package dev.linkport.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.service.EndpointRequestDetails;
import dev.linkport.consumer.service.EndpointRequestService;
import dev.linkport.support.BrowserTest;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.LoopFixture;
import dev.linkport.support.TestUsers;
import dev.linkport.worker.service.OperationsActivity;
import dev.linkport.worker.service.OperationsActivity.Last24Hours;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;

/** The Operations page's charts of the last 24 hours, drawn on the server as SVG, in a real browser. */
@LinkportIntegrationTest
class OperationsChartsBrowserIT extends BrowserTest {

    static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    @Autowired LoopFixture loop;
    @Autowired TestUsers users;
    @Autowired EndpointRequestService requests;
    @Autowired OperationsActivity activity;

    @Test
    void anAdminSeesRequestsByOutcomeTimeToDecisionAndThrottlesPerHourAsCharts() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.AUTO, "payments-api");
        EndpointRequestDetails request = users.as("bob",
                () -> requests.submit(loop.requestFor("bob", LoopFixture.BOB_ACCOUNT, service)));
        loop.awaitState("bob", request.id(), EndpointState.AVAILABLE, Duration.ofSeconds(60));
        Last24Hours shown = users.as("admin", activity::last24Hours);
        String hour = HOUR.format(shown.hours().getLast());

        browser.signIn("admin", "linkport-demo");
        browser.waitForPath("/");
        browser.open("/operations");
        browser.click(By.xpath("//vaadin-tab[contains(., 'Last 24 hours')]"));

        browser.waitFor(By.cssSelector("#requests-chart"));
        assertThat(browser.attribute(By.cssSelector("#requests-chart"), "role")).isEqualTo("img");
        assertThat(browser.text(By.cssSelector(".chart-card"))).contains("Approved").contains("Available")
                .contains("Hour (UTC)");
        long availableThisHour = shown.outcomes().getLast().available();
        assertThat(availableThisHour).isPositive();
        assertThat(browser.attribute(By.cssSelector(
                "#requests-chart rect.bar[data-series='available'][data-hour='" + hour + "']"), "data-value"))
                .isEqualTo(String.valueOf(availableThisHour));
        assertThat(browser.all(By.cssSelector("#requests-chart rect.bar[data-series='approved']"))).isNotEmpty();
        // the automatic approval was decided this hour: the line has a point there
        assertThat(browser.all(By.cssSelector("#decision-chart circle.point[data-hour='" + hour + "']"))).hasSize(1);
        // throttles: bars if AWS throttled anything in these hours (other tests may have made it), else the empty state
        if (shown.noThrottles()) {
            assertThat(browser.text(By.cssSelector("#throttles-chart .chart-empty")))
                    .isEqualTo("AWS throttled nothing in the last 24 hours");
        } else {
            assertThat(browser.all(By.cssSelector("#throttles-chart rect.bar"))).isNotEmpty();
        }
        browser.driver().manage().window().setSize(new Dimension(1400, 1200)); // all three charts in the picture
        browser.waitForServer();
        browser.waitFor(By.cssSelector("#throttles-chart"));
        browser.screenshot("operations-charts");
        browser.driver().manage().window().setSize(new Dimension(1400, 900));
    }

    @Test
    void theChartsAreForPlatformAdminsOnly() {
        browser.signIn("bob", "linkport-demo");
        browser.waitForPath("/");
        browser.open("/operations");
        browser.until(d -> browser.path().startsWith("/operations"));
        browser.waitForServer();

        assertThat(browser.all(By.cssSelector(".activity-charts"))).isEmpty();
        assertThat(browser.all(By.cssSelector("#requests-chart"))).isEmpty();
    }
}
