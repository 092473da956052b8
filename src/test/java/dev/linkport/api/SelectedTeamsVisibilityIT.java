package dev.linkport.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkport.api.ApiClient.Response;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.Visibility;
import dev.linkport.catalog.service.CatalogService;
import dev.linkport.catalog.service.CatalogService.CatalogEntry;
import dev.linkport.catalog.service.CatalogService.CatalogQuery;
import dev.linkport.catalog.service.ListingService;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.consumer.EndpointState;
import dev.linkport.consumer.service.EndpointRequestDetails;
import dev.linkport.consumer.service.EndpointRequestRow;
import dev.linkport.consumer.service.EndpointRequestService;
import dev.linkport.consumer.service.SubmitEndpointRequest;
import dev.linkport.identity.MembershipRole;
import dev.linkport.identity.service.TeamCommands.AddMember;
import dev.linkport.identity.service.TeamDirectory;
import dev.linkport.identity.service.TeamService;
import dev.linkport.identity.service.UserCommands.CreateUser;
import dev.linkport.identity.service.UserService;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.NotFoundException;
import dev.linkport.support.Ids;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.LoopFixture;
import dev.linkport.support.TestUsers;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A service visible to selected teams only: the checkout team sees it in the catalog, on its page
 * and in the REST API; the analytics team does not, not even by id. A request decides by the team
 * that owns the account the endpoint goes into — not by every team of the person asking.
 */
@LinkportIntegrationTest
class SelectedTeamsVisibilityIT {

    static final String PASSWORD = "a-long-enough-password";

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired LoopFixture loop;
    @Autowired CatalogService catalog;
    @Autowired ListingService listings;
    @Autowired EndpointRequestService requests;
    @Autowired UserService userService;
    @Autowired TeamService teamService;
    @Autowired TeamDirectory teams;

    ServiceDetail service;

    @BeforeEach
    void aServiceOnlyCheckoutMaySee() {
        service = loop.publishedService(ApprovalPolicy.AUTO, "payments-api", Visibility.SELECTED_TEAMS,
                Set.of("checkout"));
    }

    @Test
    void onlyTheSelectedTeamsAndTheOwnersFindItInTheCatalogAndOnItsPage() {
        CatalogQuery byName = new CatalogQuery(service.name(), null, null, null);
        assertThat(users.as("bob", () -> catalog.search(byName, 0, 10))).extracting(CatalogEntry::id)
                .containsExactly(service.id());
        assertThat(users.as("bob", () -> catalog.count(byName).value())).isEqualTo(1);
        assertThat(users.as("bob", () -> catalog.facets(byName).total())).isEqualTo(1);
        assertThat(users.as("alice", () -> catalog.search(byName, 0, 10))).extracting(CatalogEntry::id)
                .containsExactly(service.id());
        assertThat(users.as("carol", () -> catalog.search(byName, 0, 10))).isEmpty();
        assertThat(users.as("carol", () -> catalog.count(byName).value())).isZero();
        assertThat(users.as("carol", () -> catalog.facets(byName).total())).isZero();
        assertThat(users.as("carol", () -> catalog.search(CatalogQuery.all(), 0, 1000))).extracting(CatalogEntry::id)
                .doesNotContain(service.id());

        ServiceDetail seenByBob = users.as("bob", () -> listings.detail(service.id()));
        assertThat(seenByBob.visibility()).isEqualTo(Visibility.SELECTED_TEAMS);
        assertThat(seenByBob.canRequest()).isTrue();
        assertThatThrownBy(() -> users.as("carol", () -> listings.detail(service.id())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theRestApiShowsItToTheSelectedTeamsOnly() {
        ApiClient bob = ApiClient.basic(port, "bob", "linkport-demo");
        ApiClient carol = ApiClient.basic(port, "carol", "linkport-demo");

        Response found = bob.get("/api/v1/services?q=" + service.name());
        assertThat(found.json().get("total").asLong()).as(found.toString()).isEqualTo(1);
        assertThat(bob.get("/api/v1/services/" + service.id()).status()).isEqualTo(200);

        Response hidden = carol.get("/api/v1/services?q=" + service.name());
        assertThat(hidden.json().get("total").asLong()).as(hidden.toString()).isZero();
        assertThat(carol.get("/api/v1/services/" + service.id()).status()).isEqualTo(404);
    }

    @Test
    void aMemberOfBothTeamsMayRequestItIntoTheSelectedTeamsAccountButNotIntoTheOtherTeamsAccount() {
        String dana = Ids.teamName("dana");
        users.run("admin", () -> {
            userService.create(new CreateUser(dana, "Dana", null, PASSWORD, false));
            teamService.addMember(new AddMember(teams.idByName("checkout").orElseThrow(), dana, MembershipRole.MEMBER));
            teamService.addMember(new AddMember(teams.idByName("analytics").orElseThrow(), dana, MembershipRole.MEMBER));
        });

        // into analytics' account: analytics may not see the service, whoever asks
        SubmitEndpointRequest intoAnalytics = loop.requestFor(dana, LoopFixture.CAROL_ACCOUNT, service);
        assertThatThrownBy(() -> users.as(dana, () -> requests.submit(intoAnalytics)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .anySatisfy(error -> assertThat(error.field()).isEqualTo("serviceId")));
        Response refused = ApiClient.basic(port, dana, PASSWORD).post("/api/v1/endpoint-requests",
                body(intoAnalytics));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.errorFields()).contains("serviceId");
        assertThat(users.as(dana, () -> requests.mine(0, 100))).extracting(EndpointRequestRow::serviceId)
                .doesNotContain(service.id());

        // into checkout's account: fine, and approved at once (AUTO)
        SubmitEndpointRequest intoCheckout = loop.requestFor(dana, LoopFixture.BOB_ACCOUNT, service);
        EndpointRequestDetails accepted = users.as(dana, () -> requests.submit(intoCheckout));
        assertThat(accepted.consumerTeam()).isEqualTo("checkout");
        loop.awaitState(dana, accepted.id(), EndpointState.AVAILABLE, Duration.ofSeconds(60));
    }

    private static Map<String, Object> body(SubmitEndpointRequest r) {
        return Map.of("serviceId", r.serviceId().toString(), "accountId", r.accountId(), "region", r.region(),
                "vpcId", r.vpcId(), "subnetIds", r.subnetIds(), "securityGroupIds", r.securityGroupIds(),
                "justification", r.justification());
    }
}
