package dev.linkport.identity.service;

import dev.linkport.identity.domain.AppUserRepository;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users' names, for other modules that show who did something. It does not authorize. */
@Service
@Transactional(readOnly = true)
public class UserDirectory {

    /** A user as others see them. */
    public record UserRef(UUID id, String username, String displayName) {
    }

    private final AppUserRepository users;

    UserDirectory(AppUserRepository users) {
        this.users = users;
    }

    /** The users by id; unknown ids are left out. */
    public Map<UUID, UserRef> get(Collection<UUID> ids) {
        Map<UUID, UserRef> out = new HashMap<>();
        if (!ids.isEmpty()) {
            users.findAllById(ids).forEach(u -> out.put(u.getId(), new UserRef(u.getId(), u.getUsername(),
                    u.getDisplayName())));
        }
        return out;
    }

    /** One user by id. */
    public UserRef get(UUID id) {
        UserRef user = get(java.util.List.of(id)).get(id);
        if (user == null) {
            throw new IllegalArgumentException("No user " + id);
        }
        return user;
    }

    /** The enabled platform admins, for telling them of what only they decide. */
    public java.util.Set<UUID> adminIds() {
        return new java.util.LinkedHashSet<>(users.findEnabledAdminIds());
    }

    /** The e-mail addresses of these users, for those enabled and with one; others are left out. */
    public Map<UUID, String> emails(Collection<UUID> ids) {
        Map<UUID, String> out = new HashMap<>();
        if (!ids.isEmpty()) {
            users.findAllById(ids).forEach(u -> {
                if (u.isEnabled() && u.getEmail() != null && !u.getEmail().isBlank()) {
                    out.put(u.getId(), u.getEmail());
                }
            });
        }
        return out;
    }
}
