package dev.linkport.platform.events;

import java.util.Set;
import java.util.UUID;

/**
 * The teams or listings whose changes a view shows, as the service behind it says at the moment the
 * view opens: a view refreshes only for {@link Changed} events inside its scope.
 *
 * @param everything all of them (platform admins)
 * @param ids        otherwise, these
 */
public record ChangeScope(boolean everything, Set<UUID> ids) {

    public ChangeScope {
        ids = ids == null ? Set.of() : Set.copyOf(ids);
    }

    public static ChangeScope all() {
        return new ChangeScope(true, Set.of());
    }

    public static ChangeScope of(Set<UUID> ids) {
        return new ChangeScope(false, ids);
    }

    /** Whether a change about this id concerns the view; an unknown ({@code null}) id always does. */
    public boolean covers(UUID id) {
        return everything || id == null || ids.contains(id);
    }
}
