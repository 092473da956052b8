package dev.linkport.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkport.identity.domain.ApiToken;
import dev.linkport.identity.domain.ApiTokenRepository;
import dev.linkport.identity.service.ApiTokenService;
import dev.linkport.identity.service.ApiTokenService.ApiTokenRow;
import dev.linkport.identity.service.ApiTokenService.CreatedApiToken;
import dev.linkport.platform.FieldError;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.NotFoundException;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.TestUsers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@LinkportIntegrationTest
class ApiTokenServiceIT {

    @Autowired TestUsers users;
    @Autowired ApiTokenService tokens;
    @Autowired ApiTokenRepository repository;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aNewTokenIsStoredOnlyAsItsSha256HashAndAShortPrefix() throws Exception {
        CreatedApiToken created = users.as("alice", () -> tokens.create("ci pipeline"));

        assertThat(created.secret()).startsWith("lp_").hasSize(46);
        ApiToken stored = repository.findById(created.token().id()).orElseThrow();
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(created.secret().getBytes(StandardCharsets.UTF_8)));
        assertThat(stored.getTokenHash()).isEqualTo(sha256);
        assertThat(created.secret()).startsWith(stored.getTokenPrefix());
        assertThat(stored.getTokenPrefix()).hasSizeLessThan(16);
        String row = jdbc.queryForList("select * from api_token where id = ?", created.token().id()).toString();
        assertThat(row).doesNotContain(created.secret()).doesNotContain(created.secret().substring(3));
    }

    @Test
    void theSecretAuthenticatesItsOwnerUntilTheTokenIsRevoked() {
        CreatedApiToken created = users.as("bob", () -> tokens.create("laptop"));

        assertThat(tokens.authenticate(created.secret())).map(t -> t.principal().username()).contains("bob");
        assertThat(users.as("bob", () -> tokens.mine())).filteredOn(t -> t.id().equals(created.token().id()))
                .singleElement().satisfies(t -> assertThat(t.lastUsedAt()).isNotNull());

        ApiTokenRow revoked = users.as("bob", () -> tokens.revoke(created.token().id()));

        assertThat(revoked.revoked()).isTrue();
        assertThat(tokens.authenticate(created.secret())).isEmpty();
    }

    @Test
    void unknownOrMalformedSecretsAuthenticateNobody() {
        assertThat(tokens.authenticate("lp_" + "A".repeat(43))).isEmpty();
        assertThat(tokens.authenticate("nonsense")).isEmpty();
        assertThat(tokens.authenticate(null)).isEmpty();
    }

    @Test
    void oneUserCannotSeeOrRevokeAnothersToken() {
        CreatedApiToken alices = users.as("alice", () -> tokens.create("alice's"));

        assertThat(users.as("carol", () -> tokens.mine())).extracting(ApiTokenRow::id)
                .doesNotContain(alices.token().id());
        assertThatThrownBy(() -> users.run("carol", () -> tokens.revoke(alices.token().id())))
                .isInstanceOf(NotFoundException.class);
        assertThat(tokens.authenticate(alices.secret())).isPresent();
    }

    @Test
    void aTokenNeedsAName() {
        assertThatThrownBy(() -> users.run("alice", () -> tokens.create("  ")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("name"));
    }
}
