package dev.linkport.identity.security;

import dev.linkport.identity.service.ApiTokenService;
import dev.linkport.platform.security.LinkportPrincipal;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Turns an {@code Authorization: Bearer lp_…} secret into the token owner's principal; refuses the
 * tokens of demo users outside sandbox mode ({@link DemoUserGuard}).
 */
class ApiTokenAuthenticationProvider implements AuthenticationProvider {

    /** A bearer secret as it arrived, not yet checked. */
    static final class BearerToken extends AbstractAuthenticationToken {

        private final String secret;

        BearerToken(String secret) {
            super(java.util.List.of());
            this.secret = secret;
        }

        @Override
        public Object getCredentials() {
            return secret;
        }

        @Override
        public Object getPrincipal() {
            return null;
        }
    }

    private final ApiTokenService tokens;
    private final DemoUserGuard demoUsers;

    ApiTokenAuthenticationProvider(ApiTokenService tokens, DemoUserGuard demoUsers) {
        this.tokens = tokens;
        this.demoUsers = demoUsers;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String secret = (String) authentication.getCredentials();
        LinkportPrincipal principal = tokens.authenticate(secret)
                .orElseThrow(() -> new BadCredentialsException("Unknown or revoked API token"));
        demoUsers.checkTokenSignIn(principal.getUsername());
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerToken.class.isAssignableFrom(authentication);
    }
}
