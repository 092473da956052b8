package dev.linkport.identity.security;

import dev.linkport.identity.domain.AppUser;
import dev.linkport.identity.domain.AppUserRepository;
import dev.linkport.identity.service.DemoUserPolicy;
import dev.linkport.identity.service.InitialUsers;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Demo users are for sandbox mode on loopback alone ({@link DemoUserPolicy}): their password is printed on the
 * sign-in page. Outside sandbox mode, or when Linkport listens beyond loopback, a demo user
 * ({@link InitialUsers#DEMO_USERS}) whose stored password is still {@link InitialUsers#DEMO_PASSWORD} is refused,
 * with a password and with an API token alike.
 *
 * <p>Refused, not disabled: several instances may share one database, a sandbox-mode one among
 * them, where the demo users must keep working. So nothing is written; each instance decides by its
 * own mode. Giving such a user a password of its own ends the refusal.
 */
@Component
public class DemoUserGuard {

    private static final Logger log = LoggerFactory.getLogger(DemoUserGuard.class);
    private static final int MAX_REMEMBERED_HASHES = 100;

    private final boolean demoAllowed;
    private final String whyNot;
    private final PasswordEncoder passwords;
    private final Function<String, Optional<String>> passwordHashOf;
    /** Password hash → whether it is the demo password's: a hash check costs a BCrypt round, every API call asks. */
    private final Map<String, Boolean> demoHashes = new ConcurrentHashMap<>();
    private final Set<String> refusedOnce = ConcurrentHashMap.newKeySet();

    @Autowired
    public DemoUserGuard(DemoUserPolicy policy, PasswordEncoder passwords, AppUserRepository users) {
        this(policy.allowed(), policy.whyNot(), passwords,
                username -> users.findByUsername(username).map(AppUser::getPasswordHash));
    }

    /**
     * @param demoAllowed    whether demo users may sign in with the demo password ({@link DemoUserPolicy#allowed()})
     * @param passwordHashOf a user's stored password hash, by user name (empty: none, or no such user)
     */
    DemoUserGuard(boolean demoAllowed, String whyNot, PasswordEncoder passwords,
                  Function<String, Optional<String>> passwordHashOf) {
        this.demoAllowed = demoAllowed;
        this.whyNot = whyNot;
        this.passwords = passwords;
        this.passwordHashOf = passwordHashOf;
    }

    /**
     * After a successful password check: refuses the user if a demo user still with the demo password
     * where demo users are not allowed.
     */
    void checkPasswordSignIn(String username, String passwordHash) {
        if (refused(username, () -> Optional.ofNullable(passwordHash))) {
            throw refusal("a password sign-in", username);
        }
    }

    /** After an API token was accepted: refuses its owner if a demo user still with the demo password where demo users are not allowed. */
    void checkTokenSignIn(String username) {
        if (refused(username, () -> passwordHashOf.apply(username))) {
            throw refusal("an API token", username);
        }
    }

    private boolean refused(String username, Supplier<Optional<String>> passwordHash) {
        if (demoAllowed || username == null
                || !InitialUsers.DEMO_USERS.contains(username.trim().toLowerCase(Locale.ROOT))) {
            return false; // the common case asks nothing more
        }
        return passwordHash.get().map(this::isDemoPassword).orElse(false);
    }

    private boolean isDemoPassword(String hash) {
        if (demoHashes.size() > MAX_REMEMBERED_HASHES) {
            demoHashes.clear();
        }
        return demoHashes.computeIfAbsent(hash, h -> passwords.matches(InitialUsers.DEMO_PASSWORD, h));
    }

    private DemoUserRefusedException refusal(String how, String username) {
        if (refusedOnce.add(username.trim().toLowerCase(Locale.ROOT))) {
            log.warn("Refused {} of the demo user '{}', who still has the public demo password: {}. Give the user "
                    + "a password of its own to let it in.", how, username, whyNot);
        }
        return new DemoUserRefusedException();
    }
}
