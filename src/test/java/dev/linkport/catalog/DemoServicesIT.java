package dev.linkport.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.linkport.aws.AwsProperties;
import dev.linkport.aws.EndpointService;
import dev.linkport.aws.NetworkLoadBalancer;
import dev.linkport.aws.PrivateLinkGateway;
import dev.linkport.catalog.domain.ServiceListingRepository;
import dev.linkport.catalog.service.CatalogService;
import dev.linkport.catalog.service.CatalogService.CatalogEntry;
import dev.linkport.catalog.service.CatalogService.CatalogQuery;
import dev.linkport.catalog.service.DemoServices;
import dev.linkport.catalog.service.DemoServicesProperties;
import dev.linkport.catalog.service.ListingService;
import dev.linkport.catalog.service.ServiceDetail;
import dev.linkport.identity.service.AccountDirectory;
import dev.linkport.identity.service.AccountResources;
import dev.linkport.identity.service.AccountService;
import dev.linkport.identity.service.TeamDirectory;
import dev.linkport.identity.service.TeamService;
import dev.linkport.identity.service.UserDirectory;
import dev.linkport.identity.service.UserService;
import dev.linkport.sandbox.SandboxControl;
import dev.linkport.sandbox.SandboxLifecycle;
import dev.linkport.support.CatalogSeed;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.ProviderTeamSeed;
import dev.linkport.support.ProviderTeamSeed.ProviderTeam;
import dev.linkport.support.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Sandbox mode's demo services: published through Linkport's own path by the teams owning the accounts, so they are
 * endpoint services in the sandbox's AWS and listings in the catalog alike; never on a catalog that has services,
 * and not at all with the setting off (as in every test).
 */
@LinkportIntegrationTest
class DemoServicesIT {

    @Autowired DemoServices demoServices;
    @Autowired TestUsers users;
    @Autowired UserService userService;
    @Autowired TeamService teamService;
    @Autowired AccountService accountService;
    @Autowired AccountResources resources;
    @Autowired AccountDirectory accounts;
    @Autowired ListingService listings;
    @Autowired CatalogService catalog;
    @Autowired PrivateLinkGateway gateway;
    @Autowired SandboxLifecycle sandbox;
    @Autowired CatalogSeed seed;
    @Autowired ServiceListingRepository repository;
    @Autowired TeamDirectory teams;
    @Autowired UserDirectory userDirectory;
    @Autowired UserDetailsService userDetails;
    @Autowired AwsProperties aws;

    @Test
    void theDemoServicesArePublishedByTheirTeamsAndExistInTheSandboxAndTheCatalog() {
        SandboxControl control = sandbox.control();
        ProviderTeamSeed teamSeed = new ProviderTeamSeed(users, userService, teamService, accountService, control);
        ProviderTeam payments = teamSeed.create("demo-payments");
        ProviderTeam analytics = teamSeed.create("demo-analytics");
        control.createLoadBalancer(payments.accountId(), "us-east-1", "payments-api", List.of("a", "b"));
        control.createLoadBalancer(payments.accountId(), "us-east-1", "payments-ledger", List.of("a", "b", "c"));
        String warehouse = control.createLoadBalancer(analytics.accountId(), "us-east-1", "warehouse-onprem",
                List.of("a", "b"));
        control.createTargetGroup(warehouse, "warehouse-dc", "ip", 5433, List.of("192.168.200.21", "192.168.200.22"));

        List<ServiceDetail> published = demoServices.publish(
                DemoServices.catalog(payments.accountId(), analytics.accountId()));

        assertThat(published).extracting(ServiceDetail::name, ServiceDetail::ownerTeam, ServiceDetail::providerAccountId)
                .containsExactly(tuple("payments-api", payments.team().name(), payments.accountId()),
                        tuple("payments-ledger", payments.team().name(), payments.accountId()),
                        tuple("warehouse-sql", analytics.team().name(), analytics.accountId()));
        Map<String, ServiceDetail> available = published.stream().collect(Collectors.toMap(ServiceDetail::name,
                s -> awaitAvailable(s.ownerTeam().equals(payments.team().name()) ? payments.owner() : analytics.owner(),
                        s)));

        // in the sandbox's AWS: an endpoint service behind each one's load balancer, in the owning account
        ServiceDetail sql = available.get("warehouse-sql");
        EndpointService inAws = gateway.describeEndpointService(target(analytics), sql.serviceId()).orElseThrow();
        assertThat(inAws.networkLoadBalancerArns()).containsExactly(warehouse);
        assertThat(inAws.serviceName()).isEqualTo(sql.serviceName());
        NetworkLoadBalancer onPremises = users.as(analytics.owner(),
                () -> resources.loadBalancers(analytics.accountId(), "us-east-1")).getFirst();
        assertThat(onPremises.reachesOutsideVpc()).isTrue();
        for (String name : List.of("payments-api", "payments-ledger")) {
            ServiceDetail service = available.get(name);
            assertThat(gateway.describeEndpointService(target(payments), service.serviceId())).get()
                    .extracting(EndpointService::networkLoadBalancerArns).isEqualTo(service.loadBalancerArns());
        }

        // in the catalog, as another team finds them: real descriptions and tags, one of them on premises
        List<CatalogEntry> found = users.as(payments.owner(),
                () -> catalog.search(CatalogQuery.all().withTag("on-premises").withTeam(analytics.team().name()), 0, 10));
        assertThat(found).extracting(CatalogEntry::name).containsExactly("warehouse-sql");
        assertThat(sql.description()).contains("Direct Connect");
        assertThat(available.get("payments-ledger").approvalPolicy()).isEqualTo(ApprovalPolicy.ADMIN);
        assertThat(available.values()).allSatisfy(s -> assertThat(s.tags()).isNotEmpty());
    }

    @Test
    void nothingIsPublishedWithTheSettingOffOrWhenTheCatalogAlreadyHasServices() {
        seed.listing(seed.owner(dev.linkport.support.Ids.teamName("demo-existing")),
                CatalogSeed.Listing.of("existing-service", "Already here", null));
        long before = repository.count();

        demoServices.run(null); // the tests' setting: linkport.sandbox.demo-services=false
        new DemoServices(listings, repository, accounts, resources, teams, userDirectory, userDetails, aws,
                new DemoServicesProperties(true)).run(null); // on, but the catalog is not empty

        assertThat(repository.count()).isEqualTo(before);
    }

    private ServiceDetail awaitAvailable(String owner, ServiceDetail service) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> users.as(owner, () -> listings.detail(service.id())).state(),
                        s -> s != ListingState.PUBLISHING);
        ServiceDetail detail = users.as(owner, () -> listings.detail(service.id()));
        assertThat(detail.state()).as(String.valueOf(detail.failureReason())).isEqualTo(ListingState.AVAILABLE);
        return detail;
    }

    private dev.linkport.aws.AwsTarget target(ProviderTeam team) {
        return accounts.byAccountId(team.accountId()).orElseThrow().target("us-east-1", null);
    }
}
