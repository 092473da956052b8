package dev.linkport.identity.security;

import dev.linkport.platform.security.LinkportPrincipal;
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
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in (the UI's form and the API's HTTP Basic) that refuses to check passwords for a
 * user who failed too often too recently from the client's address, or while the counts shared across addresses
 * or users say so ({@link LoginAttempts}), and refuses demo users outside sandbox mode once their
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
        String address = clientAddress(authentication);
        Duration wait = attempts.waitBeforeNextAttempt(username, address);
        if (!wait.isZero()) {
            throw new LoginThrottledException(wait);
        }
        try {
            Authentication result = super.authenticate(authentication);
            attempts.succeeded(username, address);
            return result;
        } catch (BadCredentialsException e) {
            attempts.failed(username, address);
            throw e;
        }
    }

    /**
     * The client's address as the sign-in filter recorded it ({@link WebAuthenticationDetails}, the request's remote
     * address: what {@code server.forward-headers-strategy} made of it, never a header read here); {@code null} when
     * the attempt came from no web request.
     */
    static String clientAddress(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
    }

    /**
     * The signed-in user as the session keeps it: without the password hash (and, after the manager erases them,
     * without the password typed), so that nothing serialized with the HTTP session can be cracked offline.
     */
    @Override
    protected Authentication createSuccessAuthentication(Object principal, Authentication authentication,
                                                         UserDetails user) {
        Object withoutHash = principal instanceof LinkportPrincipal p ? p.withoutPassword() : principal;
        return super.createSuccessAuthentication(withoutHash, authentication, user);
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
