package dev.linkport.identity.security;

import dev.linkport.identity.ApiScope;
import dev.linkport.identity.service.ApiTokenExpiredException;
import dev.linkport.identity.service.ApiTokenService;
import dev.linkport.identity.service.ApiTokenService.TokenAuthentication;
import dev.linkport.platform.security.LinkportPrincipal;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an {@code Authorization: Bearer lp_…} secret into the token owner's principal with the
 * token's scopes as authorities ({@link ApiScope#authority()}, and {@link ApiScope#TOKEN_AUTHORITY});
 * refuses expired tokens, and the tokens of demo users outside sandbox mode ({@link DemoUserGuard}).
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
        TokenAuthentication token;
        try {
            token = tokens.authenticate(secret)
                    .orElseThrow(() -> new BadCredentialsException("Unknown or revoked API token"));
        } catch (ApiTokenExpiredException e) {
            throw new CredentialsExpiredException(e.getMessage(), e);
        }
        LinkportPrincipal principal = token.principal();
        demoUsers.checkTokenSignIn(principal.getUsername());
        List<GrantedAuthority> authorities = new ArrayList<>(principal.getAuthorities());
        authorities.add(new SimpleGrantedAuthority(ApiScope.TOKEN_AUTHORITY));
        token.scopes().forEach(scope -> authorities.add(new SimpleGrantedAuthority(scope.authority())));
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerToken.class.isAssignableFrom(authentication);
    }
}
