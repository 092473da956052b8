package dev.linkport.identity.security;

import java.time.Duration;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password sign-in (the UI's form and the API's HTTP Basic) that refuses to check passwords for a
 * user who failed too often too recently, and refuses demo users outside sandbox mode once their
 * password is checked ({@link DemoUserGuard}). A disabled user is told so only after the password was right.
 */
class ThrottledAuthenticationProvider extends DaoAuthenticationProvider {

    private final LoginAttempts attempts;
    private final DemoUserGuard demoUsers;

    ThrottledAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder, LoginAttempts attempts,
                                    DemoUserGuard demoUsers) {
        super(users);
        setPasswordEncoder(encoder);
        // "disabled" is said only to someone who knows the password (see additionalAuthenticationChecks)
        setPreAuthenticationChecks(user -> { });
        this.attempts = attempts;
        this.demoUsers = demoUsers;
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

    @Override
    protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken authentication)
            throws AuthenticationException {
        super.additionalAuthenticationChecks(user, authentication); // the password
        if (!user.isEnabled()) {
            throw new DisabledException("This user is disabled");
        }
        demoUsers.checkPasswordSignIn(user.getUsername(), user.getPassword());
    }
}
