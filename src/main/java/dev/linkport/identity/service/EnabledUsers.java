package dev.linkport.identity.service;

import dev.linkport.identity.domain.AppUserRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a signed-in user may still be signed in: asked on every request of a browser session, so that a disabled
 * user's sessions end on their next request on any instance. The answer comes from the database and is remembered
 * for {@link #REMEMBER_FOR} per user, so a busy session costs one primary-key query every few seconds; on the instance
 * that disabled the user it is forgotten at once.
 */
@Service
@Transactional(readOnly = true)
public class EnabledUsers {

    static final Duration REMEMBER_FOR = Duration.ofSeconds(5);
    private static final int MAX_REMEMBERED = 10_000;

    private record Answer(boolean enabled, Instant until) {
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
        Instant now = clock.instant();
        Answer answer = answers.get(userId);
        if (answer == null || !answer.until().isAfter(now)) {
            if (answers.size() > MAX_REMEMBERED) {
                answers.clear();
            }
            answer = new Answer(users.isEnabled(userId), now.plus(REMEMBER_FOR));
            answers.put(userId, answer);
        }
        return answer.enabled();
    }

    /** Asks the database again next time (after the user was disabled or enabled here). */
    void forget(UUID userId) {
        answers.remove(userId);
    }
}
