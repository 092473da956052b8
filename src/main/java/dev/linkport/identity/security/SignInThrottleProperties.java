package dev.linkport.identity.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code linkport.sign-in.*}: how {@link LoginAttempts} slows down password guessing.
 *
 * @param baseDelay      the wait after the free failures; each further failure doubles it, up to
 *                       {@link LoginAttempts#MAX_DELAY} for one user from one address
 * @param maxSharedDelay the longest wait that failures counted across addresses (for one user) or across users (from
 *                       one address) can cause: how long others can make the real user wait at most
 */
@ConfigurationProperties("linkport.sign-in")
public record SignInThrottleProperties(@DefaultValue("1s") Duration baseDelay,
                                       @DefaultValue("30s") Duration maxSharedDelay) {

    @ConstructorBinding
    public SignInThrottleProperties {
        if (baseDelay == null || baseDelay.isNegative() || baseDelay.isZero()) {
            throw new IllegalArgumentException("linkport.sign-in.base-delay must be positive, not " + baseDelay);
        }
        if (maxSharedDelay == null) {
            maxSharedDelay = Duration.ofSeconds(30);
        }
        if (maxSharedDelay.isNegative() || maxSharedDelay.isZero() || maxSharedDelay.compareTo(LoginAttempts.MAX_DELAY) > 0) {
            throw new IllegalArgumentException("linkport.sign-in.max-shared-delay must be positive and at most "
                    + LoginAttempts.MAX_DELAY.toMinutes() + " minutes, not " + maxSharedDelay);
        }
    }

    /** The base delay, with the other settings at their defaults. */
    public SignInThrottleProperties(Duration baseDelay) {
        this(baseDelay, Duration.ofSeconds(30));
    }
}
