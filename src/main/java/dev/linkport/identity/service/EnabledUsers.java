package dev.linkport.identity.service;

import dev.linkport.identity.domain.AppUserRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a signed-in user may still be signed in: asked on every request of a browser session, so that a disabled
 * user's sessions end on their next request on any instance, and so does a session whose platform-admin flag (its
 * {@code ROLE_ADMIN}, which guards the admin views) no longer matches the database's. The answer comes from the database and is remembered
 * for {@link #REMEMBER_FOR} per user, so a busy session costs one primary-key query every few seconds; on the instance
 * that disabled the user it is forgotten at once.
 */
@Service
@Transactional(readOnly = true)
public class EnabledUsers {

    static final Duration REMEMBER_FOR = Duration.ofSeconds(5);
    private static final int MAX_REMEMBERED = 10_000;

    /** {@code admin} is null when the user does not exist or is disabled. */
    private record Answer(Boolean admin, Instant until) {
    }

    private final AppUserRepository users;
    private final Clock clock;
    private final Map<UUID, Answer> answers = new ConcurrentHashMap<>();

    EnabledUsers(AppUserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    /** Whether the user exists and is enabled, as of at most {@link #REMEMBER_FOR} ago. */
    public boolean isEnabled(UUID userId) {
        return answer(userId).admin() != null;
    }

    /**
     * Whether a session that signed the user in with this platform-admin flag may go on: the user exists, is enabled
     * and has the same flag in the database, as of at most {@link #REMEMBER_FOR} ago.
     */
    public boolean isCurrent(UUID userId, boolean sessionAdmin) {
        Boolean admin = answer(userId).admin();
        return admin != null && admin == sessionAdmin;
    }

    private Answer answer(UUID userId) {
        Instant now = clock.instant();
        Answer answer = answers.get(userId);
        if (answer == null || !answer.until().isAfter(now)) {
            if (answers.size() > MAX_REMEMBERED) {
                answers.clear();
            }
            answer = new Answer(users.findAdminFlagOfEnabled(userId).orElse(null), now.plus(REMEMBER_FOR));
            answers.put(userId, answer);
        }
        return answer;
    }

    /** Asks the database again next time (after the user was disabled or enabled here). */
    void forget(UUID userId) {
        answers.remove(userId);
    }

    /** Asks the database again once the current transaction has committed (it changed the user's flags). */
    void forgetAfterCommit(UUID userId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            forget(userId);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                forget(userId);
            }
        });
    }
}
