package dev.linkport.identity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkport.identity.domain.AppUserRepository;
import dev.linkport.identity.service.ApiTokenService;
import dev.linkport.identity.service.ApiTokenService.CreatedApiToken;
import dev.linkport.identity.service.InitialUsers;
import dev.linkport.identity.service.UserCommands.CreateUser;
import dev.linkport.identity.service.UserService;
import dev.linkport.platform.security.LinkportPrincipal;
import dev.linkport.support.Ids;
import dev.linkport.support.LinkportIntegrationTest;
import dev.linkport.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * An instance in aws mode on a database that a sandbox-mode instance seeded (the shared test database, in sandbox
 * mode): the sign-in providers as an aws-mode instance builds them refuse the demo users, and the database keeps
 * them as they are, so this sandbox-mode instance still lets them in.
 */
@LinkportIntegrationTest
class DemoUserSignInIT {

    @Autowired UserDetailsService userDetails;
    @Autowired PasswordEncoder passwords;
    @Autowired LoginAttempts attempts;
    @Autowired AppUserRepository appUsers;
    @Autowired ApiTokenService tokens;
    @Autowired UserService userService;
    @Autowired TestUsers users;

    DemoUserGuard guard(boolean sandbox) {
        return new DemoUserGuard(sandbox, "not in sandbox mode", passwords,
                name -> appUsers.findByUsername(name).map(u -> u.getPasswordHash()));
    }

    ThrottledAuthenticationProvider passwordSignIn(boolean sandbox) {
        return new ThrottledAuthenticationProvider(userDetails, passwords, attempts, guard(sandbox));
    }

    static Authentication password(String username, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
    }

    @Test
    void inAwsModeADemoUserIsRefusedWithTheDemoPasswordAndStaysEnabledForSandboxInstances() {
        assertThatThrownBy(() -> passwordSignIn(false).authenticate(password("carol", InitialUsers.DEMO_PASSWORD)))
                .isInstanceOf(DemoUserRefusedException.class)
                .hasMessage("Demo users can sign in only in sandbox mode");

        assertThat(appUsers.findByUsername("carol").orElseThrow().isEnabled()).isTrue();
        Authentication inSandbox = passwordSignIn(true).authenticate(password("carol", InitialUsers.DEMO_PASSWORD));
        assertThat(((LinkportPrincipal) inSandbox.getPrincipal()).getUsername()).isEqualTo("carol");
    }

    @Test
    void inAwsModeAWrongPasswordOfADemoUserIsJustAWrongPassword() {
        try {
            assertThatThrownBy(() -> passwordSignIn(false).authenticate(password("carol", "not-the-password")))
                    .isInstanceOf(BadCredentialsException.class);
        } finally {
            attempts.succeeded("carol", null); // the failure counted; other tests sign in as carol
        }
    }

    @Test
    void inAwsModeSomeoneWhoIsNoDemoUserSignsInEvenWithTheDemoPassword() {
        String name = Ids.teamName("dana");
        users.run("admin", () -> userService.create(
                new CreateUser(name, "Dana", null, InitialUsers.DEMO_PASSWORD, false)));

        Authentication signedIn = passwordSignIn(false).authenticate(password(name, InitialUsers.DEMO_PASSWORD));

        assertThat(((LinkportPrincipal) signedIn.getPrincipal()).getUsername()).isEqualTo(name);
    }

    @Test
    void inAwsModeADemoUsersApiTokenIsRefusedAndInSandboxModeItIsAccepted() {
        CreatedApiToken created = users.as("bob", () -> tokens.create("demo-guard-test"));
        try {
            var bearer = new ApiTokenAuthenticationProvider.BearerToken(created.secret());

            assertThatThrownBy(() -> new ApiTokenAuthenticationProvider(tokens, guard(false)).authenticate(bearer))
                    .isInstanceOf(DemoUserRefusedException.class);
            Authentication inSandbox = new ApiTokenAuthenticationProvider(tokens, guard(true)).authenticate(bearer);
            assertThat(((LinkportPrincipal) inSandbox.getPrincipal()).getUsername()).isEqualTo("bob");
        } finally {
            users.run("bob", () -> tokens.revoke(created.token().id()));
        }
    }
}
