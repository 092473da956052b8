package dev.linkport.identity.security;

import com.vaadin.flow.spring.security.UidlRedirectStrategy;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import dev.linkport.identity.service.EnabledUsers;
import dev.linkport.identity.service.SingleSignOnProperties;
import dev.linkport.identity.service.SingleSignOnService;
import dev.linkport.platform.security.CurrentActor;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import dev.linkport.identity.service.DemoUserPolicy;
import dev.linkport.identity.service.ApiTokenService;
import dev.linkport.identity.ui.LoginView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.authentication.builders.AuthenticationManagerBuilder;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Two filter chains: the REST API ({@code /api/**}, stateless, no CSRF, bearer API tokens, 401
 * problem JSON instead of redirects)
 * and the Vaadin UI (form sign-in and single sign-on at {@code /login}, everything else needs a signed-in user).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity(jsr250Enabled = true)
public class SecurityConfiguration {

    private static final String END_SESSION = "end_session_endpoint";

    /**
     * No observation around each security filter: on every request it costs more than the request's
     * own queries, and http.server.requests still times every request.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder encoder,
                                                LoginAttempts attempts, DemoUserGuard demoUsers) {
        ProviderManager manager = new ProviderManager(
                new ThrottledAuthenticationProvider(users, encoder, attempts, demoUsers));
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }

    /**
     * The REST API: personal API tokens as {@code Authorization: Bearer <token>}; in addition HTTP
     * Basic with local users when {@code linkport.api.basic-auth} is true — by default only where the demo users are
     * allowed (sandbox mode on loopback alone, {@link DemoUserPolicy}), to try the API with them; elsewhere scripts
     * use API tokens, which expire and carry scopes, instead of a password. Unauthenticated requests get a 401
     * problem JSON, never a redirect.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, AuthenticationManager authenticationManager,
                                 ApiTokenService apiTokens, DemoUserGuard demoUsers, DemoUserPolicy demoPolicy,
                                 @Value("${linkport.api.basic-auth:#{null}}") Boolean basicAuthSetting) throws Exception {
        boolean basicAuth = basicAuthEnabled(basicAuthSetting, demoPolicy);
        ProblemJsonEntryPoint problems = new ProblemJsonEntryPoint(
                basicAuth ? "Bearer, Basic realm=\"Linkport\"" : "Bearer");
        http.securityMatcher("/api/**")
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .addFilterBefore(new ApiTokenAuthenticationFilter(
                        new ProviderManager(new ApiTokenAuthenticationProvider(apiTokens, demoUsers)), problems),
                        BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        if (basicAuth) {
            http.httpBasic(b -> b.authenticationEntryPoint(problems));
        }
        return http.build();
    }

    /**
     * {@code linkport.api.basic-auth} if set; otherwise on only where demo users are allowed (sandbox mode on
     * loopback alone), off against real AWS and whenever Linkport listens beyond loopback.
     */
    static boolean basicAuthEnabled(Boolean setting, DemoUserPolicy demoUsers) {
        return setting != null ? setting : demoUsers.allowed();
    }

    /**
     * The Vaadin UI: the sign-in page offers the password form and, when {@code spring.security.oauth2.client} names
     * OpenID Connect providers, single sign-on with each ({@code linkport.sso.*} maps the provider's claims). Signing
     * out of a single sign-on session signs out at the provider too, when it has an end-session endpoint. Every request
     * of a signed-in user checks that the user is still enabled.
     */
    @Bean
    @Order(2)
    SecurityFilterChain uiChain(HttpSecurity http, AuthenticationManager authenticationManager, CurrentActor actor,
                                EnabledUsers enabledUsers, ObjectProvider<ClientRegistrationRepository> registrations,
                                SingleSignOnService singleSignOn, SingleSignOnProperties sso) throws Exception {
        // the password sign-in's manager as parent, not as the chain's manager: single sign-on adds its own providers
        http.getSharedObject(AuthenticationManagerBuilder.class).parentAuthenticationManager(authenticationManager);
        http.addFilterAfter(new DisabledUserSessionFilter(actor, enabledUsers), SecurityContextHolderFilter.class);
        http.authorizeHttpRequests(a -> a
                .requestMatchers("/error", "/styles.css", "/images/**", "/actuator/health/**", "/actuator/health",
                        // the REST API's documentation; calling the API itself needs a token
                        "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**")
                .permitAll());
        ClientRegistrationRepository clients = registrations.getIfAvailable();
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> {
            vaadin.loginView(LoginView.class);
            if (clients != null) {
                vaadin.logoutSuccessHandler(singleSignOnLogout(clients, sso));
            }
        });
        if (clients != null) {
            http.oauth2Login(login -> login
                    .loginPage("/login")
                    .failureUrl("/login?error")
                    // the session holds the tokens, so they go with it at sign-out and on every instance alike
                    .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                    .userInfoEndpoint(userInfo -> userInfo
                            .oidcUserService(new LinkportOidcUserService(singleSignOn))
                            .userService(request -> {
                                throw new OAuth2AuthenticationException(new OAuth2Error(
                                        LinkportOidcUserService.REFUSED, "Linkport signs in with OpenID Connect "
                                        + "only: the client registration needs the scope openid", null));
                            })));
        }
        return http.build();
    }

    /**
     * Signs out at the identity provider too (RP-initiated logout) when it offers an end-session endpoint — discovered
     * from {@code issuer-uri}, or {@code linkport.sso.end-session-uri} — then comes back to the sign-in page; a local
     * user's sign-out just goes to the sign-in page.
     */
    private static LogoutSuccessHandler singleSignOnLogout(ClientRegistrationRepository clients,
                                                           SingleSignOnProperties sso) {
        ClientRegistrationRepository withEndSession = id -> {
            ClientRegistration registration = clients.findByRegistrationId(id);
            if (registration == null || sso.endSessionUri() == null || sso.endSessionUri().isBlank()
                    || registration.getProviderDetails().getConfigurationMetadata().get(END_SESSION) != null) {
                return registration;
            }
            Map<String, Object> metadata = new HashMap<>(registration.getProviderDetails().getConfigurationMetadata());
            metadata.put(END_SESSION, sso.endSessionUri());
            return ClientRegistration.withClientRegistration(registration).providerConfigurationMetadata(metadata)
                    .build();
        };
        OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(withEndSession);
        handler.setPostLogoutRedirectUri(sso.postLogoutRedirectUri());
        handler.setDefaultTargetUrl("/login");
        handler.setRedirectStrategy(new UidlRedirectStrategy()); // a Vaadin UI request navigates the page
        return handler;
    }
}
