package dev.linkport.identity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkport.identity.service.InitialUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Demo users outside sandbox mode: refused while their password is the public one, and nothing is written. */
@ExtendWith(OutputCaptureExtension.class)
class DemoUserGuardTest {

    /** BCrypt, and how often it was asked to compare (each costs a BCrypt round). */
    static final class CountingEncoder implements PasswordEncoder {
        final PasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        int matches;

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            matches++;
            return bcrypt.matches(raw, encoded);
        }
    }

    final CountingEncoder encoder = new CountingEncoder();
    final String demoHash = encoder.encode(InitialUsers.DEMO_PASSWORD);
    final String ownHash = encoder.encode("a-password-of-her-own");
    final List<String> lookedUp = new ArrayList<>();
    final Map<String, String> stored = Map.of("alice", demoHash, "bob", ownHash, "dora", demoHash);

    DemoUserGuard guard(boolean sandbox) {
        return new DemoUserGuard(sandbox, "not in sandbox mode", encoder, username -> {
            lookedUp.add(username);
            return Optional.ofNullable(stored.get(username));
        });
    }

    @Test
    void outsideSandboxModeADemoUserWithTheDemoPasswordIsRefusedWithPasswordAndToken() {
        DemoUserGuard aws = guard(false);

        assertThatThrownBy(() -> aws.checkPasswordSignIn("alice", demoHash))
                .isInstanceOf(DisabledException.class).isInstanceOf(DemoUserRefusedException.class)
                .hasMessage("Demo users can sign in only in sandbox mode");
        assertThatThrownBy(() -> aws.checkPasswordSignIn(" Alice ", demoHash))
                .isInstanceOf(DemoUserRefusedException.class);
        assertThatThrownBy(() -> aws.checkTokenSignIn("alice")).isInstanceOf(DemoUserRefusedException.class);
    }

    @Test
    void aDemoUserWithAPasswordOfItsOwnIsLetIn() {
        DemoUserGuard aws = guard(false);

        assertThatCode(() -> aws.checkPasswordSignIn("bob", ownHash)).doesNotThrowAnyException();
        assertThatCode(() -> aws.checkTokenSignIn("bob")).doesNotThrowAnyException();
    }

    @Test
    void someoneElseWithTheDemoPasswordIsNoDemoUserAndNoOneIsAskedAboutThem() {
        DemoUserGuard aws = guard(false);

        assertThatCode(() -> aws.checkPasswordSignIn("dora", demoHash)).doesNotThrowAnyException();
        assertThatCode(() -> aws.checkTokenSignIn("dora")).doesNotThrowAnyException();
        assertThat(lookedUp).isEmpty();
        assertThat(encoder.matches).isZero();
    }

    @Test
    void inSandboxModeDemoUsersSignInAndNothingIsLookedUp() {
        DemoUserGuard sandbox = guard(true);

        assertThatCode(() -> sandbox.checkPasswordSignIn("alice", demoHash)).doesNotThrowAnyException();
        assertThatCode(() -> sandbox.checkTokenSignIn("alice")).doesNotThrowAnyException();
        assertThat(lookedUp).isEmpty();
        assertThat(encoder.matches).isZero();
    }

    @Test
    void theDemoPasswordIsRecognisedOncePerStoredHashNotOnEveryRequest() {
        DemoUserGuard aws = guard(false);

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> aws.checkTokenSignIn("alice")).isInstanceOf(DemoUserRefusedException.class);
        }

        assertThat(encoder.matches).isOne();
        assertThat(lookedUp).hasSize(5); // a changed password counts at once
    }

    @Test
    void aRefusalIsLoggedOncePerUser(CapturedOutput output) {
        DemoUserGuard aws = guard(false);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> aws.checkPasswordSignIn("alice", demoHash))
                    .isInstanceOf(DemoUserRefusedException.class);
        }

        assertThat(output.getOut().split("Refused a password sign-in of the demo user 'alice'", -1)).hasSize(2);
    }

    @Test
    void theApiAnswersARefusedDemoUserWithTheReason() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/services");
        request.addHeader("Authorization", "Basic YWxpY2U6bGlua3BvcnQtZGVtbw==");
        MockHttpServletResponse response = new MockHttpServletResponse();

        new ProblemJsonEntryPoint("Bearer").commence(request, response, new DemoUserRefusedException());

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentAsString()).contains("\"detail\":\"Demo users can sign in only in sandbox mode\"");
    }
}
