package dev.linkport.identity.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code linkport.sign-in.*}: how {@link LoginAttempts} slows down password guessing.
 *
 * @param baseDelay the wait after the free failures; each further failure doubles it, up to
 *                  {@link LoginAttempts#MAX_DELAY}
 */
@ConfigurationProperties("linkport.sign-in")
public record SignInThrottleProperties(@DefaultValue("1s") Duration baseDelay) {

    public SignInThrottleProperties {
        if (baseDelay == null || baseDelay.isNegative() || baseDelay.isZero()) {
            throw new IllegalArgumentException("linkport.sign-in.base-delay must be positive, not " + baseDelay);
        }
    }
}
