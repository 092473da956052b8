package dev.linkport.notification.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.linkport.approval.service.ApprovalService;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.service.ListingDirectory;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.consumer.service.EndpointRequestDetails;
import dev.linkport.consumer.service.EndpointRequestService;
import dev.linkport.consumer.service.ServiceRequests;
import dev.linkport.identity.MembershipRole;
import dev.linkport.identity.service.TeamCommands.AddMember;
import dev.linkport.identity.service.TeamDirectory;
import dev.linkport.identity.service.TeamService;
import dev.linkport.identity.service.UserCommands.CreateUser;
import dev.linkport.identity.service.UserService;
import dev.linkport.identity.service.UserDirectory;
import dev.linkport.notification.NotificationKind;
import dev.linkport.notification.NotificationProperties;
import dev.linkport.notification.domain.ReminderLog;
import dev.linkport.support.Ids;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.LoopFixture;
import dev.linkport.support.ModuleEvents;
import dev.linkport.support.MutableClock;
import dev.linkport.support.TestSmtp;
import dev.linkport.support.TestUsers;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Requests waiting too long for a decision remind their deciders, then escalate to the admins, each once. The
 * reminders here run on a clock of their own that the test moves a day and then three days ahead; the application's
 * clock, which every other test shares, never moves.
 */
@LinkportIntegrationTest
class RemindersIT {

    @Autowired TestUsers users;
    @Autowired LoopFixture loop;
    @Autowired EndpointRequestService requests;
    @Autowired NotificationService notifications;
    @Autowired ModuleEvents events;
    @Autowired ServiceRequests serviceRequests;
    @Autowired ListingDirectory listings;
    @Autowired TeamDirectory teams;
    @Autowired UserDirectory userDirectory;
    @Autowired ReminderLog reminderLog;
    @Autowired NotificationDispatch dispatch;
    @Autowired TransactionTemplate tx;
    @Autowired NotificationProperties properties;
    @Autowired Clock applicationClock;
    @Autowired UserService userService;
    @Autowired TeamService teamService;
    @Autowired ApprovalService approvals;

    @BeforeAll
    static void startSmtp() {
        TestSmtp.server();
    }

    Reminders remindersAt(MutableClock clock) {
        return new Reminders(serviceRequests, listings, teams, userDirectory, reminderLog, dispatch, tx, properties,
                clock);
    }

    @Test
    void aRequestWaitingADayRemindsTheProviderTeamOnceAndAfterThreeDaysIsEscalatedToTheAdminsOnce() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.PROVIDER, "payments-api");
        EndpointRequestDetails request = users.as("bob",
                () -> requests.submit(loop.requestFor("bob", LoopFixture.BOB_ACCOUNT, service)));
        events.awaitDelivered();
        MutableClock clock = new MutableClock(applicationClock.instant());
        Reminders reminders = remindersAt(clock);

        // not yet a day: nothing
        clock.advance(properties.remindAfter().minusMinutes(1));
        reminders.remindAndEscalate();
        assertThat(about(request, "alice", NotificationKind.REQUEST_REMINDER)).isEmpty();

        clock.advance(Duration.ofMinutes(2));
        reminders.remindAndEscalate();
        reminders.remindAndEscalate(); // another instance, or the next run: no second reminder
        List<NotificationRow> reminded = about(request, "alice", NotificationKind.REQUEST_REMINDER);
        assertThat(reminded).singleElement().satisfies(n -> {
            assertThat(n.title()).startsWith("Still waiting for a decision (24 hours)").contains(service.name());
            assertThat(n.link()).isEqualTo("approvals/" + request.id());
        });
        assertThat(about(request, "admin", NotificationKind.REQUEST_REMINDER)).isEmpty(); // PROVIDER policy
        assertThat(about(request, "admin", NotificationKind.REQUEST_ESCALATED)).isEmpty();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestSmtp.to("alice@example.com", "Still waiting for a decision (24 hours): "
                        + service.name()), found -> found.size() == 1);

        clock.advance(properties.escalateAfter().minus(properties.remindAfter()));
        reminders.remindAndEscalate();
        reminders.remindAndEscalate();
        assertThat(about(request, "admin", NotificationKind.REQUEST_ESCALATED)).singleElement().satisfies(n -> {
            assertThat(n.title()).contains("waited 3 days").contains(service.name());
            assertThat(n.body()).contains("team payments (PROVIDER policy)");
            assertThat(n.link()).isEqualTo("approvals/" + request.id());
        });
        assertThat(about(request, "alice", NotificationKind.REQUEST_REMINDER)).hasSize(1);
        assertThat(about(request, "alice", NotificationKind.REQUEST_ESCALATED)).isEmpty();
    }

    @Test
    void anAdminPolicyRequestRemindsTheAdminsAndADecidedRequestRemindsNobody() {
        ServiceDetail adminDecides = loop.publishedService(ApprovalPolicy.ADMIN, "payments-api");
        EndpointRequestDetails waiting = users.as("bob",
                () -> requests.submit(loop.requestFor("bob", LoopFixture.BOB_ACCOUNT, adminDecides)));
        ServiceDetail providerDecides = loop.publishedService(ApprovalPolicy.PROVIDER, "payments-api");
        EndpointRequestDetails decided = users.as("bob",
                () -> requests.submit(loop.requestFor("bob", LoopFixture.BOB_ACCOUNT, providerDecides)));
        users.as("bob", () -> requests.delete(decided.id())); // cancelled before anyone decided
        events.awaitDelivered();
        MutableClock clock = new MutableClock(applicationClock.instant());
        clock.advance(properties.remindAfter().plusMinutes(1));

        remindersAt(clock).remindAndEscalate();

        assertThat(about(waiting, "admin", NotificationKind.REQUEST_REMINDER)).hasSize(1);
        assertThat(about(waiting, "alice", NotificationKind.REQUEST_REMINDER)).isEmpty();
        assertThat(about(decided, "alice", NotificationKind.REQUEST_REMINDER)).isEmpty();
    }

    @Test
    void theRequesterIsNeverAskedRemindedOrEscalatedToAboutTheirOwnRequestThoughTheyDecideOthers() {
        // jo is in the provider team and a platform admin: a decider of every request but her own (four eyes)
        String jo = Ids.teamName("jo");
        users.run("admin", () -> {
            userService.create(new CreateUser(jo, "Jo", null, "linkport-demo", true));
            teamService.addMember(new AddMember(teams.idByName("payments").orElseThrow(), jo, MembershipRole.MEMBER));
            teamService.addMember(new AddMember(teams.idByName("checkout").orElseThrow(), jo, MembershipRole.MEMBER));
        });
        ServiceDetail service = loop.publishedService(ApprovalPolicy.PROVIDER, "payments-api");
        EndpointRequestDetails own = users.as(jo,
                () -> requests.submit(loop.requestFor(jo, LoopFixture.BOB_ACCOUNT, service)));
        events.awaitDelivered();
        assertThat(about(own, "alice", NotificationKind.REQUEST_TO_DECIDE)).hasSize(1);
        assertThat(about(own, jo, NotificationKind.REQUEST_TO_DECIDE)).isEmpty();
        MutableClock clock = new MutableClock(applicationClock.instant());
        Reminders reminders = remindersAt(clock);

        clock.advance(properties.remindAfter().plusMinutes(1));
        reminders.remindAndEscalate();
        assertThat(about(own, "alice", NotificationKind.REQUEST_REMINDER)).hasSize(1);
        assertThat(about(own, jo, NotificationKind.REQUEST_REMINDER)).isEmpty();

        clock.advance(properties.escalateAfter());
        reminders.remindAndEscalate();
        assertThat(about(own, "admin", NotificationKind.REQUEST_ESCALATED)).hasSize(1);
        assertThat(about(own, jo, NotificationKind.REQUEST_ESCALATED)).isEmpty();
        users.run("alice", () -> approvals.reject(own.id(), "Decided by a second pair of eyes"));
    }

    private List<NotificationRow> about(EndpointRequestDetails request, String user, NotificationKind kind) {
        return users.as(user, () -> notifications.mine(0, 1000)).stream()
                .filter(n -> n.kind() == kind && ("approvals/" + request.id()).equals(n.link())).toList();
    }
}
