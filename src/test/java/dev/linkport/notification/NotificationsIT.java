package dev.linkport.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.service.EndpointRequestDetails;
import dev.linkport.consumer.service.EndpointRequestService;
import dev.linkport.notification.NotificationKind;
import dev.linkport.notification.service.NotificationRow;
import dev.linkport.notification.service.NotificationService;
import dev.linkport.platform.NotFoundException;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.LoopFixture;
import dev.linkport.support.ModuleEvents;
import dev.linkport.support.TestUsers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Who is told what, from request state changes. */
@LinkportIntegrationTest
class NotificationsIT {

    @Autowired TestUsers users;
    @Autowired LoopFixture loop;
    @Autowired EndpointRequestService requests;
    @Autowired NotificationService notifications;
    @Autowired ModuleEvents events;

    @Test
    void bobIsToldWhenHisRequestBecomesAvailableAndCanMarkItRead() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.AUTO, "payments-api");
        EndpointRequestDetails request = users.as("bob",
                () -> requests.submit(loop.requestFor("bob", LoopFixture.BOB_ACCOUNT, service)));
        loop.awaitState("bob", request.id(), EndpointState.AVAILABLE, Duration.ofSeconds(60));
        events.awaitDelivered(); // notifications are written after the change commits

        NotificationRow available = mine("bob").stream()
                .filter(n -> n.kind() == NotificationKind.ENDPOINT_AVAILABLE && n.title().contains(service.name()))
                .findFirst().orElseThrow();
        assertThat(available.unread()).isTrue();
        assertThat(available.link()).isEqualTo("my-endpoints/" + request.id());
        assertThat(mine("bob")).extracting(NotificationRow::kind).contains(NotificationKind.REQUEST_APPROVED);

        long unread = users.as("bob", notifications::unreadCount);
        users.run("bob", () -> notifications.markRead(available.id()));
        assertThat(users.as("bob", notifications::unreadCount)).isEqualTo(unread - 1);
        // nobody marks or sees anyone else's
        assertThatThrownBy(() -> users.run("carol", () -> notifications.markRead(available.id())))
                .isInstanceOf(NotFoundException.class);
        assertThat(mine("carol")).noneMatch(n -> n.id().equals(available.id()));
    }

    @Test
    void aliceIsToldOfANewRequestToDecideOnHerProviderPolicyService() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.PROVIDER, "payments-ledger");
        users.as("bob", () -> requests.submit(loop.requestFor("bob", LoopFixture.BOB_ACCOUNT, service)));
        events.awaitDelivered();

        assertThat(mine("alice")).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.REQUEST_TO_DECIDE);
            assertThat(n.title()).contains(service.name()).contains(LoopFixture.BOB_ACCOUNT);
            assertThat(n.link()).startsWith("approvals/");
            assertThat(n.unread()).isTrue();
        });
        assertThat(mine("bob")).noneMatch(n -> n.kind() == NotificationKind.REQUEST_TO_DECIDE && n.title().contains(service.name()));
    }

    @Test
    void anAdminPolicyRequestDoesNotBotherTheProviderTeam() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.ADMIN, "payments-ledger");
        users.as("bob", () -> requests.submit(loop.requestFor("bob", LoopFixture.BOB_ACCOUNT, service)));
        events.awaitDelivered();

        assertThat(mine("alice")).noneMatch(n -> n.title().contains(service.name()));
    }

    private List<NotificationRow> mine(String user) {
        return users.as(user, () -> notifications.mine(0, 500));
    }
}
