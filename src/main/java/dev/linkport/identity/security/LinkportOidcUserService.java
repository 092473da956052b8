package dev.linkport.identity.security;

import dev.linkport.identity.service.SingleSignOnService;
import dev.linkport.identity.service.SingleSignOnService.SsoIdentity;
import dev.linkport.platform.LinkportException;
import dev.linkport.platform.security.LinkportPrincipal;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * After the identity provider signed someone in (ID token checked, user info fetched by Spring Security's
 * {@link OidcUserService}): makes them a Linkport user with {@link SingleSignOnService}, or refuses them (disabled).
 */
class LinkportOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    /** The OAuth2 error code of a sign-in that Linkport refused; its description is shown on the sign-in page. */
    static final String REFUSED = "linkport_sign_in_refused";

    private final OidcUserService oidc = new OidcUserService();
    private final SingleSignOnService singleSignOn;

    LinkportOidcUserService(SingleSignOnService singleSignOn) {
        this.singleSignOn = singleSignOn;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = oidc.loadUser(request);
        LinkportPrincipal principal;
        try {
            principal = singleSignOn.signIn(new SsoIdentity(user.getIdToken().getIssuer().toString(),
                    user.getSubject(), user.getClaims()));
        } catch (LinkportException e) {
            throw new OAuth2AuthenticationException(new OAuth2Error(REFUSED, e.getMessage(), null), e.getMessage(), e);
        }
        return new LinkportOidcUser(principal, user.getIdToken(), user.getUserInfo());
    }
}
