package dev.linkport.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.service.ListingService;
import dev.linkport.catalog.service.PrivateDnsCommand;
import dev.linkport.catalog.service.PrivateDnsService;
import dev.linkport.catalog.service.PrivateDnsStatus;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.consumer.service.EndpointRequestDetails;
import dev.linkport.consumer.service.EndpointRequestService;
import dev.linkport.consumer.service.SubmitEndpointRequest;
import dev.linkport.platform.ConflictException;
import dev.linkport.platform.ForbiddenException;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.sandbox.SandboxLifecycle;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.LoopFixture;
import dev.linkport.support.TestUsers;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Private DNS of a published service: set the name, publish the TXT record, verify; consumers follow. */
@LinkportIntegrationTest
class PrivateDnsIT {

    @Autowired TestUsers users;
    @Autowired LoopFixture loop;
    @Autowired PrivateDnsService settings;
    @Autowired ListingService listings;
    @Autowired EndpointRequestService requests;
    @Autowired SandboxLifecycle sandbox;

    @Test
    void aNameBecomesVerifiedOnlyOnceItsTxtRecordIsPublished() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.AUTO, "payments-ledger");
        String name = "api-" + UUID.randomUUID().toString().substring(0, 8) + ".payments.example.com";

        PrivateDnsStatus asked = users.as("alice", () -> settings.setPrivateDns(new PrivateDnsCommand(service.id(), name)));
        assertThat(asked.name()).isEqualTo(name);
        PrivateDnsStatus pending = awaitDns(service.id(), s -> s.txtRecordName() != null);
        assertThat(pending.state()).isEqualTo("pendingVerification");
        assertThat(pending.txtRecordName()).startsWith("_").endsWith("." + name);
        assertThat(pending.txtRecordValue()).isNotBlank();
        assertThat(pending.sandboxHelper()).isTrue();

        SubmitEndpointRequest withPrivateDns = privateDns(loop.requestFor("bob", LoopFixture.BOB_ACCOUNT, service));
        assertThatThrownBy(() -> users.as("bob", () -> requests.submit(withPrivateDns)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("verified");

        // without the TXT record AWS does not verify the name
        users.run("alice", () -> settings.verifyPrivateDns(service.id()));
        PrivateDnsStatus failed = awaitDns(service.id(), s -> !"pendingVerification".equals(s.state()));
        assertThat(failed.state()).isEqualTo("failed");
        assertThat(users.as("alice", () -> listings.detail(service.id())).privateDnsState()).isNotEqualTo("verified");

        users.run("alice", () -> settings.publishTxtRecordInSandbox(service.id()));
        assertThat(sandbox.control().txtRecords()).containsKey(pending.txtRecordName().toLowerCase());
        PrivateDnsStatus verifying = users.as("alice", () -> settings.verifyPrivateDns(service.id()));
        assertThat(verifying.state()).isEqualTo("pendingVerification");
        PrivateDnsStatus verified = awaitDns(service.id(), s -> !"pendingVerification".equals(s.state()));
        assertThat(verified.state()).isEqualTo("verified");

        EndpointRequestDetails request = users.as("bob", () -> requests.submit(withPrivateDns));
        assertThat(request.id()).isNotNull();
    }

    @Test
    void onlyOwnersAndAdminsSeeOrChangeTheNameAndItMustBeADnsName() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.AUTO, "payments-ledger");
        UUID id = service.id();
        assertThatThrownBy(() -> users.as("bob", () -> settings.privateDns(id))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> users.as("bob", () -> settings.setPrivateDns(new PrivateDnsCommand(id, "x.example.com"))))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> users.as("carol", () -> settings.verifyPrivateDns(id)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> users.as("carol", () -> settings.publishTxtRecordInSandbox(id)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> users.as("alice", () -> settings.setPrivateDns(new PrivateDnsCommand(id, "Not a name!"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("DNS name");
        assertThatThrownBy(() -> users.as("alice", () -> settings.verifyPrivateDns(id)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("Set a private DNS name");
        assertThat(users.as("admin", () -> settings.setPrivateDns(new PrivateDnsCommand(id,
                "adm-" + UUID.randomUUID().toString().substring(0, 6) + ".payments.example.com"))).name())
                .startsWith("adm-");
    }

    private PrivateDnsStatus awaitDns(UUID id, java.util.function.Predicate<PrivateDnsStatus> done) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> users.as("alice", () -> settings.privateDns(id)), done::test);
        return users.as("alice", () -> settings.privateDns(id));
    }

    private static SubmitEndpointRequest privateDns(SubmitEndpointRequest r) {
        return new SubmitEndpointRequest(r.serviceId(), r.accountId(), r.region(), r.vpcId(), r.subnetIds(),
                r.securityGroupIds(), true, r.justification());
    }
}
