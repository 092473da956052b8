package dev.linkport.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID Connect provider for single sign-on tests: Spring Authorization Server, started as its own small
 * Spring application in the test JVM on {@link TestPorts#OIDC} (where {@code application-test.yaml} points Linkport's
 * client registration {@code test-idp}). It knows the client {@code linkport} (no consent screen), signs people in
 * with its own login form, and puts each person's {@link #setGroups groups} into their ID token's {@code groups}
 * claim, with {@code name}, {@code preferred_username} and {@code email}.
 *
 * <p>Only the auto-configurations it needs, none of Linkport's beans, data source, Vaadin or scheduler; its own
 * configuration name, so Linkport's {@code application.yaml} is not read; and the logging system left as Linkport's
 * context set it up.
 */
public final class TestIdentityProvider implements AutoCloseable {

    public static final String PASSWORD = "idp-password-1";

    private static final Map<String, List<String>> GROUPS = new ConcurrentHashMap<>();

    private final ConfigurableApplicationContext context;

    private TestIdentityProvider(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Starts the provider; it accepts sign-ins back to Linkport at {@code http://127.0.0.1:<linkportPort>}.
     *
     * @param users the people who can sign in (password {@link #PASSWORD})
     */
    public static TestIdentityProvider start(int linkportPort, String... users) {
        String issuer = "http://localhost:" + TestPorts.OIDC;
        String client = "spring.security.oauth2.authorizationserver.client.linkport.";
        String previousLogging = System.getProperty(LoggingSystem.SYSTEM_PROPERTY);
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        try {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(Provider.class)
                    .web(WebApplicationType.SERVLET)
                    .bannerMode(org.springframework.boot.Banner.Mode.OFF)
                    .registerShutdownHook(false)
                    .properties(Map.ofEntries(
                            Map.entry("spring.config.name", "linkport-test-identity-provider"),
                            Map.entry("server.port", TestPorts.OIDC),
                            Map.entry("server.servlet.session.cookie.name", "IDPSESSION"),
                            Map.entry("test-idp.users", String.join(",", users)),
                            Map.entry("spring.security.oauth2.authorizationserver.issuer", issuer),
                            Map.entry(client + "registration.client-id", "linkport"),
                            Map.entry(client + "registration.client-secret", "{noop}linkport-test-secret"),
                            Map.entry(client + "registration.client-name", "Linkport"),
                            Map.entry(client + "registration.client-authentication-methods", "client_secret_basic"),
                            Map.entry(client + "registration.authorization-grant-types",
                                    "authorization_code,refresh_token"),
                            Map.entry(client + "registration.redirect-uris",
                                    "http://127.0.0.1:" + linkportPort + "/login/oauth2/code/test-idp"),
                            Map.entry(client + "registration.post-logout-redirect-uris",
                                    "http://127.0.0.1:" + linkportPort + "/login"),
                            Map.entry(client + "registration.scopes", "openid,profile,email"),
                            Map.entry(client + "require-authorization-consent", "false")))
                    .run();
            return new TestIdentityProvider(context);
        } finally {
            if (previousLogging == null) {
                System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
            } else {
                System.setProperty(LoggingSystem.SYSTEM_PROPERTY, previousLogging);
            }
        }
    }

    /** The groups the person's next ID token carries. */
    public void setGroups(String username, List<String> groups) {
        GROUPS.put(username, List.copyOf(groups));
    }

    @Override
    public void close() {
        context.close();
    }

    /** Not a {@code @Configuration}: Linkport's component scan would find it in the test class path. */
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class,
            TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
            SecurityFilterAutoConfiguration.class, OAuth2AuthorizationServerAutoConfiguration.class,
            OAuth2AuthorizationServerJwtAutoConfiguration.class})
    static class Provider {

        @Bean
        UserDetailsService testIdpUsers(org.springframework.core.env.Environment environment) {
            String[] names = environment.getRequiredProperty("test-idp.users", String[].class);
            InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
            for (String name : names) {
                users.createUser(User.withUsername(name).password("{noop}" + PASSWORD).roles("USER").build());
            }
            return users;
        }

        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> groupsClaim() {
            return context -> {
                if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    String name = context.getPrincipal().getName();
                    context.getClaims()
                            .claim("groups", GROUPS.getOrDefault(name, List.of()))
                            .claim("preferred_username", name)
                            .claim("name", "SSO " + name)
                            .claim("email", name + "@idp.example");
                }
            };
        }
    }
}
