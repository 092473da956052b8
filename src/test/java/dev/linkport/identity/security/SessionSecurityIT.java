package dev.linkport.identity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkport.audit.service.AuditQueryService;
import dev.linkport.audit.service.AuditQueryService.AuditFilter;
import dev.linkport.identity.domain.AppUserRepository;
import dev.linkport.identity.service.EnabledUsers;
import dev.linkport.identity.service.InitialUsers;
import dev.linkport.platform.security.CurrentActor;
import dev.linkport.platform.security.LinkportPrincipal;
import dev.linkport.support.LinkportIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * What a browser session holds and what it is trusted with: no password hash, and never its own idea of who is an
 * admin — the audit log and the admin views follow the database.
 */
@LinkportIntegrationTest
class SessionSecurityIT {

    @Autowired AuthenticationManager signIn;
    @Autowired AuditQueryService audit;
    @Autowired AppUserRepository users;
    @Autowired CurrentActor actor;
    @Autowired EnabledUsers enabledUsers;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theSecurityContextASessionKeepsAfterPasswordSignInHoldsNoPasswordHashNorPassword() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("192.0.2.44");
        UsernamePasswordAuthenticationToken attempt =
                UsernamePasswordAuthenticationToken.unauthenticated("bob", InitialUsers.DEMO_PASSWORD);
        attempt.setDetails(new WebAuthenticationDetails(request));

        Authentication signedIn = signIn.authenticate(attempt);

        LinkportPrincipal principal = (LinkportPrincipal) signedIn.getPrincipal();
        assertThat(principal.getUsername()).isEqualTo("bob");
        assertThat(principal.getPassword()).isNull();
        assertThat(signedIn.getCredentials()).isNull();
        // what Tomcat writes when it persists or replicates the session
        String serialized = serialized(new SecurityContextImpl(signedIn));
        String storedHash = users.findByUsername("bob").orElseThrow().getPasswordHash();
        assertThat(serialized).doesNotContain(storedHash).doesNotContain("$2a$").doesNotContain("$2b$")
                .doesNotContain(InitialUsers.DEMO_PASSWORD);
    }

    @Test
    void theAuditLogAsksTheDatabaseNotTheSessionWhetherTheCallerIsAnAdmin() {
        signInWithSessionFlag("alice", true); // a session claiming admin for a user who is none

        assertThatThrownBy(() -> audit.count(AuditFilter.none())).isInstanceOf(AccessDeniedException.class);

        signInWithSessionFlag("admin", false); // an admin whose session forgot it still reads the log
        assertThat(audit.count(AuditFilter.none())).isPositive();
    }

    @Test
    void aSessionWhoseAdminFlagNoLongerMatchesTheDatabaseEndsOnItsNextRequest() throws Exception {
        DisabledUserSessionFilter filter = new DisabledUserSessionFilter(actor, enabledUsers);

        MockHttpSession stale = requestAs("alice", true, filter);
        MockHttpSession current = requestAs("alice", false, filter);

        assertThat(stale.isInvalid()).as("admin in the session, not in the database").isTrue();
        assertThat(current.isInvalid()).isFalse();
    }

    private MockHttpSession requestAs(String username, boolean sessionAdmin, DisabledUserSessionFilter filter)
            throws Exception {
        signInWithSessionFlag(username, sessionAdmin);
        MockHttpSession session = new MockHttpSession();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setSession(session);
        filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
        return session;
    }

    private void signInWithSessionFlag(String username, boolean admin) {
        var user = users.findByUsername(username).orElseThrow();
        LinkportPrincipal principal = new LinkportPrincipal(user.getId(), user.getUsername(), user.getDisplayName(),
                null, admin, true);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }

    private static String serialized(Object object) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }
}
