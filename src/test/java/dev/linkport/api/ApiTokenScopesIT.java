package dev.linkport.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkport.api.ApiClient.Response;
import dev.linkport.audit.service.AuditLog;
import dev.linkport.identity.ApiScope;
import dev.linkport.identity.domain.ApiTokenRepository;
import dev.linkport.identity.service.AccessPolicy;
import dev.linkport.identity.service.ApiTokenProperties;
import dev.linkport.identity.service.ApiTokenService;
import dev.linkport.identity.service.ApiTokenService.NewApiToken;
import dev.linkport.platform.FieldError;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.MutableClock;
import dev.linkport.support.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** API tokens expire and carry scopes; scopes narrow what a token's user may do and never widen it. */
@LinkportIntegrationTest
class ApiTokenScopesIT {

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired ApiTokenService tokens;
    @Autowired ApiTokenRepository repository;
    @Autowired AccessPolicy access;
    @Autowired AuditLog audit;
    @Autowired PlatformTransactionManager transactions;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    /** Tokens created at {@code ago} before now by a service whose clock stands there; the application checks them. */
    ApiClient tokenCreated(Duration ago) {
        MutableClock then = new MutableClock(Instant.now().minus(ago));
        ApiTokenService past = new ApiTokenService(repository, access, audit, then, new ApiTokenProperties(
                Duration.ofDays(90)));
        return ApiClient.bearer(port, users.as("bob", () -> new TransactionTemplate(transactions)
                .execute(status -> past.create("from-the-past"))).secret());
    }

    @Test
    void aTokenWorksUntilItsLifetimeEndsThenGets401SayingItExpired() {
        assertThat(tokenCreated(Duration.ofDays(89)).get("/api/v1/accounts").status()).isEqualTo(200);

        Response expired = tokenCreated(Duration.ofDays(91)).get("/api/v1/accounts");

        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.contentType()).startsWith("application/problem+json");
        assertThat(expired.text("detail")).contains("expired");
    }

    @Test
    void aNewTokenExpiresAfterTheConfiguredLifetimeOrTheShorterOneItsCreatorChose() {
        Instant before = Instant.now();
        var longest = users.as("bob", () -> tokens.create(new NewApiToken("longest", Set.of(ApiScope.READ), null)));
        var week = users.as("bob", () -> tokens.create(new NewApiToken("week", Set.of(ApiScope.READ),
                Duration.ofDays(7))));

        assertThat(longest.token().expiresAt()).isBetween(before.plus(Duration.ofDays(90)),
                Instant.now().plus(Duration.ofDays(90)));
        assertThat(week.token().expiresAt()).isBefore(Instant.now().plus(Duration.ofDays(7)).plusSeconds(1));
        assertThat(week.token().scopes()).containsExactly(ApiScope.READ);
        assertThatThrownBy(() -> users.run("bob", () -> tokens.create(new NewApiToken("too-long", Set.of(ApiScope.READ),
                Duration.ofDays(91)))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("lifetime"));
        assertThatThrownBy(() -> users.run("bob", () -> tokens.create(new NewApiToken("none", Set.of(), null))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("scopes"));
    }

    @Test
    void aReadOnlyTokenReadsButCannotPostAndIsToldWhichScopeIsMissing() {
        ApiClient readOnly = ApiClient.token(port, users, tokens, "alice", ApiScope.READ);
        assertThat(readOnly.get("/api/v1/services").status()).isEqualTo(200);

        Response publish = readOnly.post("/api/v1/services", Map.of("name", "nope"));

        assertThat(publish.status()).as(publish.toString()).isEqualTo(403);
        assertThat(publish.contentType()).startsWith("application/problem+json");
        assertThat(publish.text("requiredScope")).isEqualTo("provide");
        assertThat(publish.text("detail")).contains("lacks the scope 'provide'");
    }

    @Test
    void aTokenWithoutReadCannotGetAndTheAdminScopeDoesNotMakeSomeoneAnAdmin() {
        ApiClient requestOnly = ApiClient.token(port, users, tokens, "bob", ApiScope.REQUEST);
        assertThat(requestOnly.get("/api/v1/accounts").text("requiredScope")).isEqualTo("read");

        Response notWidened = ApiClient.token(port, users, tokens, "bob", ApiScope.ADMIN)
                .post("/api/v1/teams", Map.of("name", ApiSteps.uniqueName("team"), "displayName", "Bob's"));
        assertThat(notWidened.status()).as(notWidened.toString()).isEqualTo(403);
        assertThat(notWidened.text("requiredScope")).isNull();
    }

    @Test
    void httpBasicInTheSandboxActsWithEveryScope() {
        Response created = ApiClient.basic(port, "admin", ApiJourneyIT.PASSWORD)
                .post("/api/v1/teams", Map.of("name", ApiSteps.uniqueName("basic"), "displayName", "Basic"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    @Test
    void everyApiOperationThatIsNotAGetNamesTheScopeItNeeds() {
        assertThat(mappings.getHandlerMethods()).isNotEmpty();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (!method.getBeanType().getPackageName().equals(ApiScopes.class.getPackageName())) {
                return;
            }
            Set<RequestMethod> verbs = info.getMethodsCondition().getMethods();
            boolean onlyGets = !verbs.isEmpty() && verbs.stream().allMatch(v -> v == RequestMethod.GET);
            if (!onlyGets) {
                assertThat(method.getMethodAnnotation(NeedsScope.class)).as(method.toString()).isNotNull();
            }
        });
    }
}
