package dev.linkport.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkport.audit.service.AuditQueryService;
import dev.linkport.identity.service.AccessPolicy;
import dev.linkport.identity.service.ApiTokenService;
import dev.linkport.identity.service.SingleSignOnService;
import dev.linkport.identity.service.SingleSignOnService.SsoIdentity;
import dev.linkport.identity.service.UserAccountService;
import dev.linkport.identity.service.UserCommands.CreateUser;
import dev.linkport.identity.service.UserService;
import dev.linkport.identity.service.UserService.UserSummary;
import dev.linkport.platform.ConflictException;
import dev.linkport.platform.FieldError;
import dev.linkport.platform.ForbiddenException;
import dev.linkport.platform.InvalidInputException;
import dev.linkport.platform.NotFoundException;
import dev.linkport.platform.security.LinkportPrincipal;
import dev.linkport.support.Ids;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.TestUsers;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

@LinkportIntegrationTest
class UserAccountServiceIT {

    static final String PASSWORD = "first-password-1";

    @Autowired TestUsers users;
    @Autowired UserService userService;
    @Autowired UserAccountService accounts;
    @Autowired ApiTokenService tokens;
    @Autowired AccessPolicy access;
    @Autowired AuthenticationManager signIn;
    @Autowired SingleSignOnService singleSignOn;
    @Autowired AuditQueryService audit;

    UserSummary newUser() {
        String name = Ids.teamName("p");
        return users.as("admin", () -> userService.create(new CreateUser(name, "Person " + name, null, PASSWORD, false)));
    }

    boolean signsInWith(String username, String password) {
        try {
            return signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password))
                    .isAuthenticated();
        } catch (org.springframework.security.core.AuthenticationException e) {
            return false;
        }
    }

    @Test
    void aUserChangesTheirOwnPasswordWithTheCurrentOneAndSignsInWithTheNewOne() {
        UserSummary u = newUser();
        users.run(u.username(), () -> accounts.changeOwnPassword(PASSWORD, "second-password-2"));

        assertThat(signsInWith(u.username(), "second-password-2")).isTrue();
        assertThat(signsInWith(u.username(), PASSWORD)).isFalse();
        assertThat(auditActions(u.id())).contains("USER_PASSWORD_CHANGED");
    }

    @Test
    void changingYourPasswordChecksEachFieldAndSaysWhatIsWrong() {
        UserSummary u = newUser();
        assertThatThrownBy(() -> users.run(u.username(), () -> accounts.changeOwnPassword("wrong-password-9",
                "second-password-2")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("currentPassword", "This is not your current password")));
        assertThatThrownBy(() -> users.run(u.username(), () -> accounts.changeOwnPassword("", "short")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("currentPassword", "Enter your current password"),
                        new FieldError("newPassword", "12 to 72 characters")));
        assertThatThrownBy(() -> users.run(u.username(), () -> accounts.changeOwnPassword(PASSWORD, PASSWORD)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("newPassword", "Choose a password different from the current one")));
        assertThat(signsInWith(u.username(), PASSWORD)).as("nothing changed").isTrue();
    }

    @Test
    void aSingleSignOnUserHasNoLinkportPasswordToChangeOrReset() {
        String subject = UUID.randomUUID().toString();
        LinkportPrincipal sso = singleSignOn.signIn(new SsoIdentity("https://idp.example", subject,
                Map.of("preferred_username", "pw-" + subject.substring(0, 8))));
        assertThatThrownBy(() -> SingleSignOnServiceIT.asSsoUser(sso, () -> {
            accounts.changeOwnPassword("anything-at-all", "new-password-123");
            return null;
        })).isInstanceOf(ConflictException.class).hasMessageContaining("identity provider");
        assertThatThrownBy(() -> users.as("admin", () -> accounts.resetPassword(sso.userId(), "new-password-123")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("single sign-on");
    }

    @Test
    void onlyPlatformAdminsResetPasswordsDisableAndEnableUsers() {
        UserSummary u = newUser();
        assertThatThrownBy(() -> users.as("alice", () -> accounts.resetPassword(u.id(), "new-password-123")))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> users.as("alice", () -> accounts.disable(u.id()))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> users.as("alice", () -> accounts.enable(u.id()))).isInstanceOf(ForbiddenException.class);
        assertThat(signsInWith(u.username(), PASSWORD)).as("nothing changed").isTrue();
    }

    @Test
    void anAdminResetsAPasswordWithTheSameRulesAndItIsAudited() {
        UserSummary u = newUser();
        assertThatThrownBy(() -> users.as("admin", () -> accounts.resetPassword(u.id(), "short")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("newPassword", "12 to 72 characters")));
        assertThatThrownBy(() -> users.as("admin", () -> accounts.resetPassword(UUID.randomUUID(), "new-password-123")))
                .isInstanceOf(NotFoundException.class);

        users.run("admin", () -> accounts.resetPassword(u.id(), "reset-password-3"));
        assertThat(signsInWith(u.username(), "reset-password-3")).isTrue();
        assertThat(signsInWith(u.username(), PASSWORD)).isFalse();
        assertThat(auditActions(u.id())).contains("USER_PASSWORD_RESET");
    }

    @Test
    void aDisabledUserCannotSignInOrUseTokensOrServicesUntilEnabledAndTheirTokensStayRevoked() {
        UserSummary u = newUser();
        String secret = users.as(u.username(), () -> tokens.create("ci").secret());
        assertThat(tokens.authenticate(secret)).isPresent();

        UserSummary disabled = users.as("admin", () -> accounts.disable(u.id()));
        assertThat(disabled.enabled()).isFalse();
        assertThat(tokens.authenticate(secret)).as("the token stops working").isEmpty();
        assertThatThrownBy(() -> signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(u.username(),
                PASSWORD))).isInstanceOf(DisabledException.class);
        assertThatThrownBy(() -> signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(u.username(),
                "wrong-password-9"))).as("'disabled' only for who knows the password")
                .isNotInstanceOf(DisabledException.class);
        assertThatThrownBy(() -> users.run(u.username(), access::caller)).isInstanceOf(AccessDeniedException.class);
        assertThat(users.as("admin", () -> accounts.disable(u.id())).enabled()).as("again: no change").isFalse();

        users.run("admin", () -> accounts.enable(u.id()));
        assertThat(signsInWith(u.username(), PASSWORD)).isTrue();
        assertThat(tokens.authenticate(secret)).as("revoked when disabled, for good").isEmpty();
        assertThat(auditActions(u.id())).contains("USER_DISABLED", "USER_ENABLED");
    }

    @Test
    void anAdminCannotDisableThemselves() {
        UUID admin = users.as("admin", () -> userService.me().userId());
        assertThatThrownBy(() -> users.as("admin", () -> accounts.disable(admin))).isInstanceOf(ConflictException.class);
    }

    private java.util.List<String> auditActions(UUID userId) {
        return users.as("admin", () -> audit.forTarget("USER", userId.toString())).stream()
                .map(AuditQueryService.AuditRow::action).toList();
    }
}
