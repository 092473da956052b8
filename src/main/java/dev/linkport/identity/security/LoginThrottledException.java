package dev.linkport.identity.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins for one user name; the next attempt must wait. */
public class LoginThrottledException extends AuthenticationException {

    private final Duration wait;

    public LoginThrottledException(Duration wait) {
        super("Too many failed sign-ins for this user. Wait " + Math.max(1, wait.toSeconds()) + " s and try again.");
        this.wait = wait;
    }

    public Duration getWait() {
        return wait;
    }
}
