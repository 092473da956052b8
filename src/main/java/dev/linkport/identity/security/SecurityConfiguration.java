package dev.linkport.identity.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import dev.linkport.aws.AwsProperties;
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
 * and the Vaadin UI (form sign-in at {@code /login}, everything else needs a signed-in user).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity(jsr250Enabled = true)
public class SecurityConfiguration {

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
     * Basic with local users when {@code linkport.api.basic-auth} is true — by default only in
     * sandbox mode, where it makes trying the API with the demo users easy. Unauthenticated
     * requests get a 401 problem JSON, never a redirect.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, AuthenticationManager authenticationManager,
                                 ApiTokenService apiTokens, DemoUserGuard demoUsers, AwsProperties aws,
                                 @Value("${linkport.api.basic-auth:#{null}}") Boolean basicAuthSetting) throws Exception {
        boolean basicAuth = basicAuthEnabled(basicAuthSetting, aws);
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

    /** {@code linkport.api.basic-auth} if set; otherwise on in sandbox mode (demo users) and off against real AWS. */
    static boolean basicAuthEnabled(Boolean setting, AwsProperties aws) {
        return setting != null ? setting : aws.sandbox();
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiChain(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
        http.authenticationManager(authenticationManager);
        http.authorizeHttpRequests(a -> a
                .requestMatchers("/error", "/styles.css", "/images/**", "/actuator/health/**", "/actuator/health",
                        // the REST API's documentation; calling the API itself needs a token
                        "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**")
                .permitAll());
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        return http.build();
    }
}
