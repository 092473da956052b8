package dev.linkport.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.linkport.aws.AvailabilityZone;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.service.ListingService;
import dev.linkport.catalog.service.PrivateDnsCommand;
import dev.linkport.catalog.service.PrivateDnsService;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.identity.service.AccountResources;
import dev.linkport.provider.service.LoadBalancerChange;
import dev.linkport.provider.service.LoadBalancerChanges;
import dev.linkport.sandbox.SandboxLifecycle;
import dev.linkport.support.BrowserTest;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.LoopFixture;
import dev.linkport.support.TestUsers;
import dev.linkport.worker.Reconciler;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** A provider changes a live service's load balancers after reading the zone warning, and sees lost private DNS. */
@LinkportIntegrationTest
class ServiceChangesBrowserIT extends BrowserTest {

    @Autowired LoopFixture loop;
    @Autowired ListingService listings;
    @Autowired TestUsers users;
    @Autowired LoadBalancerChanges loadBalancers;
    @Autowired PrivateDnsService privateDns;
    @Autowired AccountResources resources;
    @Autowired PrivateLinkGateway gateway;
    @Autowired SandboxLifecycle sandbox;
    @Autowired Reconciler reconciler;

    @Test
    void theProviderReadsWhichZoneARemovalLeavesBeforeApplyingItAndSeesAPrivateDnsNameThatLostItsVerification() {
        // a load balancer of its own, in three zones, so nothing another test does to the seeded ones matters
        String wideName = "ui-wide-" + UUID.randomUUID().toString().substring(0, 8);
        sandbox.control().createLoadBalancer("111111111111", "us-east-1", wideName, List.of("a", "b", "c"));
        ServiceDetail service = loop.publishedService(ApprovalPolicy.AUTO, wideName);
        // first the private DNS name, set and verified ...
        String name = "ui-" + UUID.randomUUID().toString().substring(0, 8) + ".payments.example.com";
        users.run("alice", () -> privateDns.setPrivateDns(new PrivateDnsCommand(service.id(), name)));
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            // a change AWS refused ends the wait with AWS's answer rather than a time-out
            assertThat(users.as("alice", () -> listings.detail(service.id())).failureReason()).isNull();
            return users.as("alice", () -> privateDns.privateDns(service.id())).txtRecordName() != null;
        });
        users.run("alice", () -> {
            privateDns.publishTxtRecordInSandbox(service.id());
            privateDns.verifyPrivateDns(service.id());
        });
        await().atMost(Duration.ofSeconds(120)).until(
                () -> users.as("alice", () -> privateDns.privateDns(service.id())).verified());
        // ... then a second load balancer in two of its zones, applied in AWS
        String narrower = sandbox.control().createLoadBalancer("111111111111", "us-east-1",
                "ui-" + UUID.randomUUID().toString().substring(0, 8), List.of("a", "b"));
        users.run("alice", () -> loadBalancers.change(
                new LoadBalancerChange(service.id(), null, List.of(narrower), List.of(), false)));
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            assertThat(users.as("alice", () -> listings.detail(service.id())).failureReason()).isNull();
            return gateway.describeEndpointService(ServiceChangesIT.PROVIDER, service.serviceId()).orElseThrow()
                    .networkLoadBalancerArns().contains(narrower);
        });
        Set<String> lost = new TreeSet<>(service.availabilityZoneIds());
        users.as("alice", () -> resources.loadBalancers("111111111111", "us-east-1")).stream()
                .filter(b -> b.arn().equals(narrower)).findFirst().orElseThrow().availabilityZones().stream()
                .map(AvailabilityZone::id).forEach(lost::remove);
        String zone = lost.iterator().next();
        sandbox.control().privateDnsState(service.serviceId(), "failed");
        reconciler.reconcile();

        browser.signIn("alice", "linkport-demo");
        browser.waitForPath("/");
        browser.open("/services/" + service.id() + "/settings");
        // the account's load balancers arrive from AWS in the background, labelled with their zones
        browser.click("the " + wideName + " checkbox", d -> d.findElements(By.cssSelector(
                "#edit-load-balancers vaadin-checkbox")).stream()
                .filter(e -> e.getText().startsWith(wideName + " (")).findFirst().orElse(null));
        browser.click(By.id("check-load-balancers"));
        browser.until(d -> !d.findElements(By.id("load-balancer-warning")).isEmpty());
        assertThat(browser.text(By.id("load-balancer-warning"))).contains(zone).contains("would no longer be offered");
        assertThat(browser.text(By.id("apply-load-balancers"))).contains(zone);
        browser.screenshot("service-changes-0-load-balancer-warning");

        browser.open("/services/" + service.id() + "/dns");
        browser.waitFor(By.id("private-dns-warning"));
        assertThat(browser.text(By.id("private-dns-warning"))).contains(name).contains("failed");
        assertThat(browser.all(By.id("remove-private-dns"))).hasSize(1);
        browser.screenshot("service-changes-1-private-dns-lost");
    }
}
