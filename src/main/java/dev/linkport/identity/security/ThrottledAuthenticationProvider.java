package dev.linkport.identity.security;

import java.time.Duration;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password sign-in that refuses to check passwords for a user who failed too often too recently. */
class ThrottledAuthenticationProvider extends DaoAuthenticationProvider {

    private final LoginAttempts attempts;

    ThrottledAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder, LoginAttempts attempts) {
        super(users);
        setPasswordEncoder(encoder);
        this.attempts = attempts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = String.valueOf(authentication.getPrincipal());
        Duration wait = attempts.waitBeforeNextAttempt(username);
        if (!wait.isZero()) {
            throw new LoginThrottledException(wait);
        }
        try {
            Authentication result = super.authenticate(authentication);
            attempts.succeeded(username);
            return result;
        } catch (BadCredentialsException e) {
            attempts.failed(username);
            throw e;
        }
    }
}
