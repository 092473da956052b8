package dev.linkport.platform.security;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as Spring Security holds it. Team memberships are deliberately not cached
 * here: services read them from the database on every call, so a change takes effect at once.
 */
public record LinkportPrincipal(UUID userId, String username, String displayName, String passwordHash,
                                boolean admin, boolean enabled) implements UserDetails, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * A principal of another kind that stands for a Linkport user, e.g. an OpenID Connect user after single
     * sign-on: {@link CurrentActor} gives services the Linkport user it holds, so it looks like any other.
     */
    public interface Holder {

        LinkportPrincipal linkportPrincipal();
    }

    public static final String ROLE_ADMIN = "ADMIN";
    public static final String ROLE_USER = "USER";

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return admin
                ? List.of(new SimpleGrantedAuthority("ROLE_" + ROLE_USER), new SimpleGrantedAuthority("ROLE_" + ROLE_ADMIN))
                : List.of(new SimpleGrantedAuthority("ROLE_" + ROLE_USER));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** A copy without the password hash, kept in the session after sign-in. */
    public LinkportPrincipal withoutPassword() {
        return new LinkportPrincipal(userId, username, displayName, null, admin, enabled);
    }
}
