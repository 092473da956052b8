package dev.linkport.catalog.service;

import dev.linkport.aws.AwsProperties;
import dev.linkport.aws.NetworkLoadBalancer;
import dev.linkport.catalog.ApprovalPolicy;
import dev.linkport.catalog.Visibility;
import dev.linkport.catalog.domain.ServiceListingRepository;
import dev.linkport.identity.service.AccountDirectory;
import dev.linkport.identity.service.AccountRef;
import dev.linkport.identity.service.AccountResources;
import dev.linkport.identity.service.TeamDirectory;
import dev.linkport.identity.service.UserDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Sandbox mode's first look at the catalog is not empty: on a start in sandbox mode whose catalog has no service yet
 * (a fresh database), the demo teams publish a few services from the sandbox's seeded load balancers — through
 * {@link ListingService#publish}, as a provider team would, so each exists as an endpoint service in the sandbox's
 * AWS (created by the publish job) and as a listing in the catalog, on its timeline and in the audit log. One of them
 * is the on-premises pattern (an NLB with IP targets in the data centre).
 *
 * <p>Runs after {@code InitialUsers} has seeded the demo teams and accounts. Once any service exists it does nothing,
 * so a restart publishes nothing twice; {@code linkport.sandbox.demo-services=false} turns it off (tests do).
 */
@Component
@Order(10)
public class DemoServices implements ApplicationRunner {

    /** The sandbox's seeded accounts of the demo teams payments and analytics. */
    public static final String PAYMENTS_ACCOUNT = "111111111111";
    public static final String ANALYTICS_ACCOUNT = "333333333333";
    private static final String REGION = "us-east-1";

    private static final Logger log = LoggerFactory.getLogger(DemoServices.class);

    /**
     * A demo service: published by the team that owns {@code accountId} from its load balancer named
     * {@code loadBalancerName} in {@code region}.
     */
    public record DemoService(String accountId, String region, String loadBalancerName, String name, String summary,
                              String description, Set<String> tags, String ports, String supportContact,
                              String documentationUrl, ApprovalPolicy approvalPolicy) {
    }

    private final ListingService listings;
    private final ServiceListingRepository repository;
    private final AccountDirectory accounts;
    private final AccountResources resources;
    private final TeamDirectory teams;
    private final UserDirectory users;
    private final UserDetailsService userDetails;
    private final AwsProperties aws;
    private final DemoServicesProperties properties;

    public DemoServices(ListingService listings, ServiceListingRepository repository, AccountDirectory accounts,
                        AccountResources resources, TeamDirectory teams, UserDirectory users,
                        UserDetailsService userDetails, AwsProperties aws, DemoServicesProperties properties) {
        this.listings = listings;
        this.repository = repository;
        this.accounts = accounts;
        this.resources = resources;
        this.teams = teams;
        this.users = users;
        this.userDetails = userDetails;
        this.aws = aws;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!aws.sandbox() || !properties.demoServices() || repository.count() > 0) {
            return;
        }
        if (accounts.byAccountId(PAYMENTS_ACCOUNT).isEmpty() || accounts.byAccountId(ANALYTICS_ACCOUNT).isEmpty()) {
            log.info("Sandbox mode: no demo services, the demo accounts {} and {} are not registered",
                    PAYMENTS_ACCOUNT, ANALYTICS_ACCOUNT);
            return;
        }
        try {
            List<ServiceDetail> published = publish(catalog(PAYMENTS_ACCOUNT, ANALYTICS_ACCOUNT));
            log.info("Sandbox mode: published {} demo services ({}); linkport.sandbox.demo-services=false turns "
                    + "this off", published.size(), published.stream().map(ServiceDetail::name).toList());
        } catch (RuntimeException e) {
            log.warn("Sandbox mode: the demo services could not be published ({}); the catalog starts empty", e.toString());
        }
    }

    /**
     * The demo services of the given accounts, which hold the sandbox's seeded load balancers: the payments API and
     * ledger from the payments account, and the on-premises data warehouse from the analytics account.
     */
    public static List<DemoService> catalog(String paymentsAccountId, String analyticsAccountId) {
        return List.of(
                new DemoService(paymentsAccountId, REGION, "payments-api", "payments-api",
                        "Card payments, refunds and payouts over a REST API",
                        """
                        The payments API takes card payments, refunds and payouts for every shop and app.

                        - `POST /v2/payments` authorizes and captures; send an `Idempotency-Key`
                        - `POST /v2/refunds` refunds a capture, fully or in part
                        - webhooks tell you when a payment settles

                        Requests need a client certificate from the payments team (ask in #payments).""",
                        Set.of("payments", "pci", "rest"), "443", "#payments", "https://wiki.example.com/payments-api",
                        ApprovalPolicy.PROVIDER),
                new DemoService(paymentsAccountId, REGION, "payments-ledger", "payments-ledger",
                        "Double-entry ledger: journal entries and balances over gRPC",
                        """
                        The ledger records every money movement as a double-entry journal and answers balance queries.

                        - gRPC on port 9443, TLS only
                        - read access for reporting, write access only for settlement services

                        Access is reviewed by the platform admins because the ledger holds financial records.""",
                        Set.of("payments", "ledger", "grpc"), "9443", "#payments-ledger",
                        "https://wiki.example.com/ledger", ApprovalPolicy.ADMIN),
                new DemoService(analyticsAccountId, REGION, "warehouse-onprem", "warehouse-sql",
                        "The on-premises data warehouse's SQL endpoint, reached over Direct Connect",
                        """
                        The data warehouse still runs in our data centre. Its SQL endpoint is published here through a
                        network load balancer in AWS whose targets are the warehouse's on-premises addresses
                        (10.200.10.21 and 10.200.10.22, reached over Direct Connect).

                        - PostgreSQL wire protocol on port 5433
                        - read-only reporting roles; ask the analytics team for one

                        Your VPC needs no route to the data centre: the endpoint is all you need.""",
                        Set.of("analytics", "sql", "on-premises"), "5433", "#analytics",
                        "https://wiki.example.com/warehouse", ApprovalPolicy.PROVIDER));
    }

    /**
     * Publishes the demo services, each as a member of the team that owns its account (a platform admin when the team
     * has none). A service whose load balancer the account does not have (a sandbox world saved before it was
     * seeded) is left out with a warning.
     *
     * @return the services published, each now {@code PUBLISHING} with its publish job scheduled
     */
    public List<ServiceDetail> publish(List<DemoService> services) {
        List<ServiceDetail> published = new ArrayList<>();
        for (DemoService service : services) {
            AccountRef account = accounts.byAccountId(service.accountId()).orElseThrow(
                    () -> new IllegalArgumentException("Account " + service.accountId() + " is not registered"));
            String publisher = publisherOf(account.teamId());
            Optional<String> nlb = as(publisher, () -> resources.loadBalancers(account.accountId(), service.region()))
                    .stream().filter(l -> l.name().equals(service.loadBalancerName()))
                    .map(NetworkLoadBalancer::arn).findFirst();
            if (nlb.isEmpty()) {
                log.warn("Demo service {} left out: account {} has no load balancer {} in {} (reset the sandbox to "
                        + "get its seeded world)", service.name(), account.accountId(), service.loadBalancerName(),
                        service.region());
                continue;
            }
            published.add(as(publisher, () -> listings.publish(new PublishServiceCommand(service.name(),
                    service.summary(), service.description(), service.tags(), service.documentationUrl(),
                    service.supportContact(), service.ports(), account.accountId(), service.region(),
                    List.of(nlb.get()), true, service.approvalPolicy(), null, Set.of(), Visibility.ALL_TEAMS,
                    Set.of()))));
        }
        return published;
    }

    /** A member of the team who may sign in, else an enabled platform admin. */
    private String publisherOf(UUID teamId) {
        List<UUID> candidates = new ArrayList<>(teams.memberIds(teamId));
        candidates.addAll(users.adminIds());
        Map<UUID, UserDirectory.UserRef> known = users.get(candidates);
        for (UUID id : candidates) {
            UserDirectory.UserRef user = known.get(id);
            if (user != null && enabled(user.username())) {
                return user.username();
            }
        }
        throw new IllegalStateException("Nobody may publish for team " + teamId + ": no member and no admin");
    }

    private boolean enabled(String username) {
        try {
            return userDetails.loadUserByUsername(username).isEnabled();
        } catch (UsernameNotFoundException e) {
            return false;
        }
    }

    /** Runs {@code work} signed in as {@code username}, as after a real sign-in. */
    private <T> T as(String username, Supplier<T> work) {
        UserDetails user = userDetails.loadUserByUsername(username);
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
