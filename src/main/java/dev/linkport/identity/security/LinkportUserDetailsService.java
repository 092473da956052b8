package dev.linkport.identity.security;

import dev.linkport.identity.domain.AppUser;
import dev.linkport.identity.domain.AppUserRepository;
import dev.linkport.platform.security.LinkportPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads local users (BCrypt password hashes) for password sign-in. */
@Service
@Transactional(readOnly = true)
public class LinkportUserDetailsService implements UserDetailsService {

    private final AppUserRepository users;

    public LinkportUserDetailsService(AppUserRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        AppUser user = users.findByUsername(username.trim())
                .filter(u -> u.getPasswordHash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("No local user " + username));
        return new LinkportPrincipal(user.getId(), user.getUsername(), user.getDisplayName(), user.getPasswordHash(),
                user.isPlatformAdmin(), user.isEnabled());
    }
}
