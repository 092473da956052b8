package dev.linkport.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.consumer.service.EndpointRequestRow;
import dev.linkport.consumer.service.EndpointRequestService;
import dev.linkport.consumer.service.FilterChoice;
import dev.linkport.consumer.service.MyEndpointsFilter;
import dev.linkport.consumer.service.RequestFilterChoices;
import dev.linkport.platform.FieldError;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.LoopFixture;
import dev.linkport.support.TestUsers;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * My endpoints' filters (state, service, account, text), alone and together, and that no filter shows
 * a request of another team: bob (checkout) and carol (analytics) both request service A; bob also B.
 */
@LinkportIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MyEndpointsFiltersIT {

    @Autowired TestUsers users;
    @Autowired LoopFixture loop;
    @Autowired EndpointRequestService requests;

    ServiceDetail a;
    ServiceDetail b;
    UUID bobToA;
    UUID bobToACancelled;
    UUID bobToB;
    UUID carolToA;

    @BeforeAll
    void twoServicesAndRequestsOfTwoTeams() {
        a = loop.publishedService(ApprovalPolicy.ADMIN, "payments-api");
        b = loop.publishedService(ApprovalPolicy.ADMIN, "payments-api");
        bobToA = submit("bob", LoopFixture.BOB_ACCOUNT, a);
        bobToACancelled = submit("bob", LoopFixture.BOB_ACCOUNT, a);
        users.run("bob", () -> requests.delete(bobToACancelled));
        bobToB = submit("bob", LoopFixture.BOB_ACCOUNT, b);
        carolToA = submit("carol", LoopFixture.CAROL_ACCOUNT, a);
    }

    @Test
    void theServiceFilterShowsOnlyTheCallersTeamsRequestsToIt() {
        assertThat(ids("bob", new MyEndpointsFilter(null, a.id(), null, null)))
                .containsExactlyInAnyOrder(bobToA, bobToACancelled);
        assertThat(ids("carol", new MyEndpointsFilter(null, a.id(), null, null))).containsExactly(carolToA);
        assertThat(ids("admin", new MyEndpointsFilter(null, a.id(), null, null)))
                .containsExactlyInAnyOrder(bobToA, bobToACancelled, carolToA);
        assertThat(users.as("bob", () -> requests.countMine(new MyEndpointsFilter(null, a.id(), null, null)))).isEqualTo(2);
    }

    @Test
    void stateAndServiceFiltersWorkTogether() {
        assertThat(ids("bob", new MyEndpointsFilter(Set.of(EndpointState.CANCELLED), a.id(), null, null)))
                .containsExactly(bobToACancelled);
        assertThat(ids("bob", new MyEndpointsFilter(Set.of(EndpointState.SUBMITTED), a.id(), null, null)))
                .containsExactly(bobToA);
        assertThat(ids("bob", new MyEndpointsFilter(Set.of(EndpointState.SUBMITTED, EndpointState.CANCELLED), a.id(),
                null, null))).containsExactlyInAnyOrder(bobToA, bobToACancelled);
        assertThat(ids("bob", new MyEndpointsFilter(Set.of(EndpointState.AVAILABLE), a.id(), null, null))).isEmpty();
    }

    @Test
    void theTextMatchesTheServicesNameTheVpcTheAccountAndTheRequester() {
        assertThat(ids("bob", new MyEndpointsFilter(null, null, null, a.name().toUpperCase())))
                .containsExactlyInAnyOrder(bobToA, bobToACancelled);
        String bobsVpc = users.as("bob", () -> requests.detail(bobToB)).vpcId();
        assertThat(ids("bob", new MyEndpointsFilter(null, b.id(), null, bobsVpc))).containsExactly(bobToB);
        assertThat(ids("bob", new MyEndpointsFilter(null, a.id(), null, LoopFixture.BOB_ACCOUNT.substring(3, 9))))
                .containsExactlyInAnyOrder(bobToA, bobToACancelled);
        assertThat(ids("admin", new MyEndpointsFilter(null, a.id(), null, "caro"))).containsExactly(carolToA);
        assertThat(ids("bob", new MyEndpointsFilter(null, a.id(), null, "no-such-thing-anywhere"))).isEmpty();
    }

    @Test
    void noFilterShowsAnotherTeamsRequests() {
        // carol looks for bob's requests by service name, by bob's account and by bob's name: nothing
        assertThat(ids("carol", new MyEndpointsFilter(null, null, null, a.name()))).containsExactly(carolToA);
        assertThat(ids("carol", new MyEndpointsFilter(null, null, LoopFixture.BOB_ACCOUNT, null))).isEmpty();
        assertThat(ids("carol", new MyEndpointsFilter(null, null, null, LoopFixture.BOB_ACCOUNT))).isEmpty();
        assertThat(ids("carol", new MyEndpointsFilter(null, null, null, "bob"))).isEmpty();
        assertThat(ids("carol", new MyEndpointsFilter(null, b.id(), null, null))).isEmpty();
        assertThat(users.as("carol", () -> requests.countMine(new MyEndpointsFilter(null, b.id(), null, null)))).isZero();
    }

    @Test
    void theAccountFilterTakesATwelveDigitAccountOfTheCallersTeams() {
        assertThat(ids("bob", new MyEndpointsFilter(null, a.id(), LoopFixture.BOB_ACCOUNT, null)))
                .containsExactlyInAnyOrder(bobToA, bobToACancelled);
        assertThat(ids("admin", new MyEndpointsFilter(null, a.id(), LoopFixture.CAROL_ACCOUNT, null)))
                .containsExactly(carolToA);
        assertThat(ids("bob", new MyEndpointsFilter(null, null, "999999999999", null))).isEmpty();
    }

    @Test
    void badFilterValuesAreRefusedFieldByField() {
        assertThatThrownBy(() -> users.as("bob", () -> requests.mine(new MyEndpointsFilter(null, null, "12", "x".repeat(101)), 0, 10)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("account", "q"));
    }

    @Test
    void theFiltersOfferTheServicesAndAccountsOfTheCallersOwnRequests() {
        RequestFilterChoices bobs = users.as("bob", () -> requests.myFilterChoices());
        assertThat(bobs.services()).extracting(FilterChoice::id).contains(a.id(), b.id());
        assertThat(bobs.accounts()).extracting(FilterChoice::code).containsExactly(LoopFixture.BOB_ACCOUNT);
        RequestFilterChoices carols = users.as("carol", () -> requests.myFilterChoices());
        assertThat(carols.services()).extracting(FilterChoice::id).contains(a.id()).doesNotContain(b.id());
        assertThat(carols.accounts()).extracting(FilterChoice::code).doesNotContain(LoopFixture.BOB_ACCOUNT);
    }

    @Test
    void listRowsCarryNoTimelineButTheDetailsOfOneDo() {
        List<EndpointRequestRow> rows = users.as("bob", () -> requests.mine(new MyEndpointsFilter(null, b.id(), null,
                null), 0, 10));
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.serviceName()).isEqualTo(b.name());
            assertThat(r.accountId()).isEqualTo(LoopFixture.BOB_ACCOUNT);
            assertThat(r.requester()).isEqualTo("bob");
            assertThat(r.subnetCount()).isPositive();
            assertThat(r.state()).isEqualTo(EndpointState.SUBMITTED);
        });
        assertThat(users.as("bob", () -> requests.detail(bobToB)).timeline()).isNotEmpty();
    }

    private List<UUID> ids(String user, MyEndpointsFilter filter) {
        return users.as(user, () -> requests.mine(filter, 0, 100)).stream().map(EndpointRequestRow::id).toList();
    }

    private UUID submit(String user, String account, ServiceDetail service) {
        return users.as(user, () -> requests.submit(loop.requestFor(user, account, service))).id();
    }
}
