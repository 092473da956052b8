package dev.linkport.identity.service;

import dev.linkport.audit.service.AuditEntry;
import dev.linkport.audit.service.AuditLog;
import dev.linkport.aws.AwsProperties;
import dev.linkport.identity.MembershipRole;
import dev.linkport.identity.domain.AppUser;
import dev.linkport.identity.domain.AppUserRepository;
import dev.linkport.identity.domain.AwsAccount;
import dev.linkport.identity.domain.AwsAccountRepository;
import dev.linkport.identity.domain.Team;
import dev.linkport.identity.domain.TeamMembership;
import dev.linkport.identity.domain.TeamMembershipRepository;
import dev.linkport.identity.domain.TeamRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes sure someone can sign in on first start. In sandbox mode it seeds the demo teams, users
 * and accounts (matching the AWS sandbox's world) once, when there are no users yet — the demo users
 * only while Linkport listens on loopback alone ({@link DemoUserPolicy}); otherwise the demo teams and
 * accounts without members, and the platform admin as in aws mode. In aws mode
 * it creates a single admin, with {@code LINKPORT_ADMIN_PASSWORD} or a random password printed
 * once in the log. It never touches a database that already has users: where a sandbox-mode
 * instance seeded the demo users, instances in aws mode refuse them at sign-in instead
 * ({@code DemoUserGuard}), so that they keep working in the sandbox-mode ones.
 */
@Component
@Order(0)
public class InitialUsers implements ApplicationRunner {

    public static final String DEMO_PASSWORD = "linkport-demo";
    /** The demo users' names (they sign in only in sandbox mode, and only while their password is the demo one). */
    public static final List<String> DEMO_USERS = List.of("admin", "alice", "bob", "carol");

    private static final Logger log = LoggerFactory.getLogger(InitialUsers.class);

    private final AppUserRepository users;
    private final TeamRepository teams;
    private final TeamMembershipRepository memberships;
    private final AwsAccountRepository accounts;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final AwsProperties aws;
    private final DemoUserPolicy demoUsers;
    private final Clock clock;
    private final String adminPassword;

    public InitialUsers(AppUserRepository users, TeamRepository teams, TeamMembershipRepository memberships,
                        AwsAccountRepository accounts, PasswordEncoder passwords, AuditLog audit, AwsProperties aws,
                        DemoUserPolicy demoUsers, Clock clock, @Value("${LINKPORT_ADMIN_PASSWORD:}") String adminPassword) {
        this.users = users;
        this.teams = teams;
        this.memberships = memberships;
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
        this.aws = aws;
        this.demoUsers = demoUsers;
        this.clock = clock;
        this.adminPassword = adminPassword;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        if (demoUsers.allowed()) {
            seedDemo();
            return;
        }
        if (aws.sandbox()) {
            log.warn("Sandbox mode without demo users: {}. Created the platform admin 'admin' instead; the demo "
                    + "teams and accounts have no members until the admin adds some.", demoUsers.whyNot());
            seedDemoTeamsAndAccounts();
        }
        createFirstAdmin();
    }

    private void createFirstAdmin() {
        boolean generated = adminPassword == null || adminPassword.isBlank();
        String password = generated ? randomPassword() : adminPassword;
        AppUser admin = users.save(new AppUser("admin", "Platform admin", null, passwords.encode(password), true,
                clock.instant()));
        audit.recordSystem(AuditEntry.of("USER_CREATED", "USER", admin.getId(), "admin", null)
                .change(null, "platform admin").because("first start with no users"));
        if (generated) {
            log.warn("""

                    ============================================================
                     First start: created the platform admin 'admin'.
                     Password (shown only now): {}
                     Keep it safe. To choose it yourself, start the first time with
                     LINKPORT_ADMIN_PASSWORD set.
                    ============================================================""", password);
        } else {
            log.info("First start: created the platform admin 'admin' with LINKPORT_ADMIN_PASSWORD");
        }
    }

    private void seedDemo() {
        String hash = passwords.encode(DEMO_PASSWORD);
        user("admin", "Ada Admin", true, hash);
        AppUser alice = user("alice", "Alice (payments)", false, hash);
        AppUser bob = user("bob", "Bob (checkout)", false, hash);
        AppUser carol = user("carol", "Carol (analytics)", false, hash);
        List<Team> teams = seedDemoTeamsAndAccounts();
        member(teams.get(0), alice);
        member(teams.get(1), bob);
        member(teams.get(2), carol);
        log.info("Sandbox mode: seeded demo users admin, alice, bob, carol (password '{}')", DEMO_PASSWORD);
    }

    /** The sandbox world's teams and accounts: payments, checkout, analytics, in this order. */
    private List<Team> seedDemoTeamsAndAccounts() {
        Team payments = team("payments", "Payments", "Card payments and refunds; provides the payments API.", true);
        Team checkout = team("checkout", "Checkout", "The web shop's checkout; consumes payments.", false);
        Team analytics = team("analytics", "Analytics", "Reporting and data pipelines.", false);

        account(payments, "111111111111", "payments-prod", Set.of("us-east-1"));
        account(checkout, "222222222222", "checkout-prod", Set.of("us-east-1", "eu-west-1"));
        account(analytics, "333333333333", "analytics-prod", Set.of("us-east-1"));

        audit.recordSystem(AuditEntry.of("DEMO_DATA_SEEDED", "SYSTEM", "demo", "Sandbox demo data", null)
                .because("sandbox mode, first start"));
        return List.of(payments, checkout, analytics);
    }

    private AppUser user(String username, String name, boolean admin, String hash) {
        return users.save(new AppUser(username, name, username + "@example.com", hash, admin, clock.instant()));
    }

    private Team team(String name, String displayName, String description, boolean provider) {
        return teams.save(new Team(name, displayName, description, provider, clock.instant()));
    }

    private void member(Team team, AppUser user) {
        memberships.save(new TeamMembership(team, user, MembershipRole.OWNER, clock.instant()));
    }

    private void account(Team team, String accountId, String name, Set<String> regions) {
        accounts.save(new AwsAccount(team, accountId, name, "arn:aws:iam::" + accountId + ":role/LinkportAccess",
                "demo-" + accountId, regions, clock.instant()));
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
