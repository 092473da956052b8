package dev.linkport.platform.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is calling: the signed-in user of the current request or UI session, if any. */
@Component
public class CurrentActor {

    /** The signed-in user, if there is one. */
    public Optional<LinkportPrincipal> principal() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return Optional.empty();
        }
        if (auth.getPrincipal() instanceof LinkportPrincipal p) {
            return Optional.of(p);
        }
        if (auth.getPrincipal() instanceof LinkportPrincipal.Holder holder) {
            return Optional.of(holder.linkportPrincipal()); // signed in through single sign-on
        }
        return Optional.empty();
    }

    /** The signed-in user; services call this and so refuse anonymous callers. */
    public LinkportPrincipal require() {
        return principal().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("Sign in first"));
    }
}
