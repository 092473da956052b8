package dev.linkport.identity.security;

import dev.linkport.identity.service.EnabledUsers;
import dev.linkport.platform.security.CurrentActor;
import dev.linkport.platform.security.LinkportPrincipal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends the browser session of a user who was disabled, or whose platform-admin flag changed since sign-in, on their
 * next request to any instance (the database says, {@link EnabledUsers}): the session's {@code ROLE_ADMIN}, which guards
 * the admin views, never outlives the database's flag. The session is invalidated and the request goes on unauthenticated, so a page load leads to
 * the sign-in page and a Vaadin UI request finds its session expired and reloads into it.
 */
class DisabledUserSessionFilter extends OncePerRequestFilter {

    private final CurrentActor actor;
    private final EnabledUsers enabledUsers;

    DisabledUserSessionFilter(CurrentActor actor, EnabledUsers enabledUsers) {
        this.actor = actor;
        this.enabledUsers = enabledUsers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<LinkportPrincipal> principal = actor.principal();
        if (principal.isPresent() && !enabledUsers.isCurrent(principal.get().userId(), principal.get().admin())) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            // looked up per request: Vaadin installs its own strategy after this filter is built
            SecurityContextHolder.getContextHolderStrategy().clearContext();
        }
        chain.doFilter(request, response);
    }
}
