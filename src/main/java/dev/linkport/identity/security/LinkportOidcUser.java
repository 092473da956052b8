package dev.linkport.identity.security;

import dev.linkport.platform.security.LinkportPrincipal;
import java.io.Serial;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * A user signed in through single sign-on: the OpenID Connect user Spring Security needs (its ID token serves
 * RP-initiated logout), holding the Linkport user that services see ({@link LinkportPrincipal.Holder}) with that
 * user's roles.
 */
class LinkportOidcUser extends DefaultOidcUser implements LinkportPrincipal.Holder {

    @Serial
    private static final long serialVersionUID = 1L;

    private final LinkportPrincipal principal;

    LinkportOidcUser(LinkportPrincipal principal, OidcIdToken idToken, OidcUserInfo userInfo) {
        super(principal.getAuthorities(), idToken, userInfo, IdTokenClaimNames.SUB);
        this.principal = principal;
    }

    @Override
    public LinkportPrincipal linkportPrincipal() {
        return principal;
    }

    /** The Linkport user name, as for a local user (not the provider's subject). */
    @Override
    public String getName() {
        return principal.username();
    }
}
