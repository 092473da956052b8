package dev.linkport.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.consumer.service.EndpointRequestDetails;
import dev.linkport.consumer.service.EndpointRequestService;
import dev.linkport.identity.MembershipRole;
import dev.linkport.identity.service.TeamCommands.AddMember;
import dev.linkport.identity.service.TeamCommands.CreateTeam;
import dev.linkport.identity.service.TeamService;
import dev.linkport.identity.service.UserCommands.CreateUser;
import dev.linkport.identity.service.UserService;
import dev.linkport.notification.domain.DeliveryChannel;
import dev.linkport.notification.domain.DeliveryStatus;
import dev.linkport.notification.domain.WebhookFormat;
import dev.linkport.notification.service.AddWebhook;
import dev.linkport.notification.service.CreatedWebhook;
import dev.linkport.notification.service.DeliveryLogService;
import dev.linkport.notification.service.DeliveryRow;
import dev.linkport.notification.service.NotificationRow;
import dev.linkport.notification.service.NotificationService;
import dev.linkport.notification.service.TeamWebhookService;
import dev.linkport.platform.FieldError;
import dev.linkport.platform.ForbiddenException;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.LoopFixture;
import dev.linkport.support.ModuleEvents;
import dev.linkport.support.TestSmtp;
import dev.linkport.support.TestUsers;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Notifications that leave Linkport: e-mail to a real SMTP server, signed webhooks to a real HTTP server. */
@LinkportIntegrationTest
class NotificationDeliveryIT {

    static final String PUBLIC_URL = "http://linkport.test:8080/";

    @Autowired TestUsers users;
    @Autowired LoopFixture loop;
    @Autowired EndpointRequestService requests;
    @Autowired NotificationService notifications;
    @Autowired TeamWebhookService webhooks;
    @Autowired DeliveryLogService deliveryLog;
    @Autowired TeamService teams;
    @Autowired UserService userService;
    @Autowired ModuleEvents events;

    @BeforeAll
    static void startSmtp() {
        TestSmtp.server();
    }

    @Test
    void theProviderTeamIsEmailedOfANewRequestWithALinkToItInTheApprovalsPage() throws Exception {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.PROVIDER, "payments-api");
        EndpointRequestDetails request = users.as("bob",
                () -> requests.submit(loop.requestFor("bob", LoopFixture.BOB_ACCOUNT, service)));

        MimeMessage mail = await().atMost(Duration.ofSeconds(30))
                .until(() -> TestSmtp.to("alice@example.com", service.name()), found -> !found.isEmpty()).getFirst();
        assertThat(mail.getSubject()).startsWith("[Linkport] New request to decide: " + service.name());
        String text = TestSmtp.text(mail);
        assertThat(text).contains("asks: Needed for tests")
                .contains("Open in Linkport: " + PUBLIC_URL + "approvals/" + request.id());
        // the requester decides nothing and hears nothing of it
        assertThat(TestSmtp.to("bob@example.com", "New request to decide: " + service.name())).isEmpty();
    }

    @Test
    void anAdminPolicyRequestTellsThePlatformAdminsInTheAppAndByEmail() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.ADMIN, "payments-api");
        EndpointRequestDetails request = users.as("bob",
                () -> requests.submit(loop.requestFor("bob", LoopFixture.BOB_ACCOUNT, service)));
        events.awaitDelivered();

        List<NotificationRow> adminsBell = users.as("admin", () -> notifications.mine(0, 500));
        assertThat(adminsBell).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.REQUEST_TO_DECIDE);
            assertThat(n.title()).contains(service.name());
            assertThat(n.link()).isEqualTo("approvals/" + request.id());
        });
        MimeMessage mail = await().atMost(Duration.ofSeconds(30))
                .until(() -> TestSmtp.to("admin@example.com", service.name()), found -> !found.isEmpty()).getFirst();
        assertThat(TestSmtp.text(mail)).contains(PUBLIC_URL + "approvals/" + request.id());
        // the provider team does not decide ADMIN-policy requests
        assertThat(TestSmtp.to("alice@example.com", service.name())).isEmpty();
    }

    @Test
    void aSignedWebhookIsRetriedAfterA500AndTheDeliveryLogShowsBothAttemptsAndTheSuccess() throws Exception {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.PROVIDER, "payments-api");
        List<Call> calls = new CopyOnWriteArrayList<>();
        AtomicBoolean failedOnce = new AtomicBoolean();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(new Call(body, exchange.getRequestHeaders().getFirst("X-Linkport-Signature"),
                    exchange.getRequestHeaders().getFirst("X-Linkport-Event")));
            // the first call about this test's service fails as a busy server would
            int status = body.contains(service.name()) && failedOnce.compareAndSet(false, true) ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        CreatedWebhook webhook = users.as("alice", () -> webhooks.add(new AddWebhook(service.ownerTeamId(),
                "payments-automation", url, WebhookFormat.JSON)));
        try {
            Instant before = Instant.now();
            EndpointRequestDetails request = users.as("bob",
                    () -> requests.submit(loop.requestFor("bob", LoopFixture.BOB_ACCOUNT, service)));

            await().atMost(Duration.ofSeconds(30)).until(() -> about(calls, service).size() >= 2);
            List<Call> mine = about(calls, service);
            assertThat(mine).hasSize(2);
            assertThat(mine.getFirst().body()).isEqualTo(mine.get(1).body()); // the same event, sent again

            Call delivered = mine.get(1);
            JsonNode event = JsonMapper.builder().build().readTree(delivered.body());
            assertThat(event.get("kind").asString()).isEqualTo("REQUEST_TO_DECIDE");
            assertThat(event.get("requestId").asString()).isEqualTo(request.id().toString());
            assertThat(event.get("serviceId").asString()).isEqualTo(service.id().toString());
            assertThat(event.get("link").asString()).isEqualTo(PUBLIC_URL + "approvals/" + request.id());
            assertThat(delivered.event()).isEqualTo("REQUEST_TO_DECIDE");

            // the signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>"> with the secret shown once
            Map<String, String> signature = parts(delivered.signature());
            long t = Long.parseLong(signature.get("t"));
            assertThat(t).isBetween(before.getEpochSecond() - 5, Instant.now().getEpochSecond() + 5);
            assertThat(signature.get("v1")).isEqualTo(hmac(webhook.secret(), t + "." + delivered.body()));
            assertThat(signature.get("v1")).isNotEqualTo(hmac("another-secret", t + "." + delivered.body()));

            DeliveryRow logged = await().atMost(Duration.ofSeconds(10)).until(() -> users.as("admin",
                            () -> deliveryLog.newest(0, 500)).stream()
                    .filter(d -> d.target().equals(url) && d.title().contains(service.name())).findFirst().orElse(null),
                    d -> d != null && d.status() == DeliveryStatus.DELIVERED);
            assertThat(logged.channel()).isEqualTo(DeliveryChannel.WEBHOOK);
            assertThat(logged.attempts()).isEqualTo(2);
            assertThat(logged.lastStatus()).isEqualTo("HTTP 200");
            assertThat(logged.deliveredAt()).isNotNull();
        } finally {
            users.run("alice", () -> webhooks.remove(webhook.webhook().id()));
            server.stop(0);
        }
    }

    @Test
    void aWebhookThatAnswers404IsGivenUpAtOnce() throws Exception {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.PROVIDER, "payments-api");
        List<Call> calls = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            calls.add(new Call(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), null, null));
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/gone";
        CreatedWebhook webhook = users.as("alice", () -> webhooks.add(new AddWebhook(service.ownerTeamId(),
                "old chat", url, WebhookFormat.SLACK)));
        try {
            users.as("bob", () -> requests.submit(loop.requestFor("bob", LoopFixture.BOB_ACCOUNT, service)));
            DeliveryRow logged = await().atMost(Duration.ofSeconds(30)).until(() -> users.as("admin",
                            () -> deliveryLog.newest(0, 500)).stream()
                    .filter(d -> d.target().equals(url) && d.title().contains(service.name())).findFirst().orElse(null),
                    d -> d != null && d.status() == DeliveryStatus.FAILED);
            assertThat(logged.attempts()).isEqualTo(1);
            assertThat(logged.lastStatus()).isEqualTo("HTTP 404");
            assertThat(logged.lastError()).contains("404");
            // Slack-compatible: a text with the link in Slack's own notation
            assertThat(about(calls, service).getFirst().body()).startsWith("{").contains("\"text\":")
                    .contains("|Open in Linkport>");
        } finally {
            users.run("alice", () -> webhooks.remove(webhook.webhook().id()));
            server.stop(0);
        }
    }

    @Test
    void onlyTheTeamsOwnersAndAdminsManageItsWebhooksAndOnlyAdminsSeeTheDeliveryLog() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        var team = users.as("admin", () -> teams.createTeam(new CreateTeam("hooks-" + suffix, "Hooks " + suffix,
                null, false)));
        String member = "member-" + suffix;
        users.run("admin", () -> {
            userService.create(new CreateUser(member, "Plain member", member + "@example.com",
                    "a-long-enough-password", false));
            teams.addMember(new AddMember(team.id(), member, MembershipRole.MEMBER));
        });
        AddWebhook add = new AddWebhook(team.id(), "chat", "https://chat.example.com/hook", WebhookFormat.SLACK);

        assertThatThrownBy(() -> users.as(member, () -> webhooks.add(add))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> users.as("bob", () -> webhooks.webhooks(team.id())))
                .isInstanceOf(ForbiddenException.class);
        assertThat(users.as(member, () -> webhooks.manageableTeams(""))).isEmpty();

        CreatedWebhook created = users.as("admin", () -> webhooks.add(add));
        assertThat(created.secret()).startsWith("whsec_").hasSizeGreaterThan(40);
        assertThatThrownBy(() -> users.run(member, () -> webhooks.remove(created.webhook().id())))
                .isInstanceOf(ForbiddenException.class);
        assertThat(users.as("admin", () -> webhooks.webhooks(team.id()))).extracting(w -> w.url())
                .containsExactly("https://chat.example.com/hook");
        users.run("admin", () -> webhooks.remove(created.webhook().id()));
        assertThat(users.as("admin", () -> webhooks.webhooks(team.id()))).isEmpty();

        assertThatThrownBy(() -> users.as("alice", () -> deliveryLog.newest(0, 10)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> users.as(member, () -> deliveryLog.count())).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aWebhookNeedsAnHttpOrHttpsUrlAndANameAndSaysWhichFieldIsWrong() {
        ServiceDetail service = loop.publishedService(ApprovalPolicy.PROVIDER, "payments-api");
        assertThatThrownBy(() -> users.as("alice", () -> webhooks.add(new AddWebhook(service.ownerTeamId(), " ",
                "ftp://files.example.com/hook", WebhookFormat.JSON))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("name", "url"));
        assertThatThrownBy(() -> users.as("alice", () -> webhooks.add(new AddWebhook(service.ownerTeamId(), "chat",
                "https://hooks example.com/x", WebhookFormat.JSON))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("url"));
    }

    record Call(String body, String signature, String event) {
    }

    private static List<Call> about(List<Call> calls, ServiceDetail service) {
        return calls.stream().filter(c -> c.body().contains(service.name())).toList();
    }

    private static Map<String, String> parts(String header) {
        assertThat(header).matches("t=\\d+,v1=[0-9a-f]{64}");
        String[] p = header.split(",");
        return Map.of("t", p[0].substring(2), "v1", p[1].substring(3));
    }

    private static String hmac(String secret, String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
