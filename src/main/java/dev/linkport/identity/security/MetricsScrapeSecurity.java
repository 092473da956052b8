package dev.linkport.identity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may read the metrics ({@code /actuator/prometheus}), in a filter chain before the API's and the UI's:
 * <ul>
 *   <li>a scraper that sends {@code Authorization: Bearer <linkport.metrics.scrape-token>} (compared in constant
 *       time; a wrong token is answered 401 at once);</li>
 *   <li>a signed-in platform admin (their browser session);</li>
 *   <li>anybody who reaches the management port, when {@code management.server.port} puts actuator on a port of
 *       its own: that port is meant for the monitoring network only. Spring Boot runs this application's
 *       security filters on the management port too, so without this rule the UI chain would send scrapers
 *       to a sign-in page the management port does not have.</li>
 * </ul>
 * Everyone else gets 401 with {@code WWW-Authenticate: Bearer}, never a redirect to the sign-in page.
 */
@Configuration(proxyBeanMethods = false)
class MetricsScrapeSecurity {

    static final String PROMETHEUS = "/actuator/prometheus";
    static final String SCRAPER_ROLE = "METRICS_SCRAPER";

    @Bean
    @Order(0)
    SecurityFilterChain metricsChain(HttpSecurity http, MetricsScrapeProperties properties, Environment environment)
            throws Exception {
        RequestMatcher managementPort = new ManagementPortRequestMatcher(environment);
        RequestMatcher prometheus = PathPatternRequestMatcher.withDefaults().matcher(PROMETHEUS);
        http.securityMatcher(request -> managementPort.matches(request) || prometheus.matches(request))
                .authorizeHttpRequests(a -> a.requestMatchers(managementPort).permitAll()
                        .anyRequest().hasAnyRole(SCRAPER_ROLE, "ADMIN"))
                // an admin's browser session is read, but a scraper never gets one
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(c -> c.disable())
                .csrf(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, denied) -> unauthorized(response))
                        .accessDeniedHandler((request, response, denied) ->
                                response.sendError(HttpServletResponse.SC_FORBIDDEN)));
        if (properties.tokenConfigured()) {
            http.addFilterBefore(new ScrapeTokenFilter(properties.scrapeToken()), BasicAuthenticationFilter.class);
        }
        return http.build();
    }

    private static void unauthorized(HttpServletResponse response) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"Linkport metrics\"");
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
    }

    /**
     * Accepts the scrape token as a bearer token; any other bearer token is answered 401 here. Requests without
     * one go on (a signed-in admin's session may still let them through).
     */
    static final class ScrapeTokenFilter extends OncePerRequestFilter {

        private final byte[] expected;

        ScrapeTokenFilter(String token) {
            this.expected = sha256(token);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                chain.doFilter(request, response);
                return;
            }
            if (!matches(header.substring(7).trim())) {
                unauthorized(response);
                return;
            }
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(new ScraperAuthentication());
            SecurityContextHolder.setContext(context);
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }

        /** Compares digests, so neither the token's content nor its length shows in the time taken. */
        boolean matches(String presented) {
            return MessageDigest.isEqual(expected, sha256(presented));
        }

        private static byte[] sha256(String s) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The scraper, authenticated by the scrape token. */
    static final class ScraperAuthentication extends AbstractAuthenticationToken {

        ScraperAuthentication() {
            super(List.of(new SimpleGrantedAuthority("ROLE_" + SCRAPER_ROLE)));
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return "metrics-scraper";
        }
    }

    /**
     * Requests that arrived on the management port, when there is one apart from the application's port. The port
     * is the one the connection was accepted on, so no header can fake it.
     */
    static final class ManagementPortRequestMatcher implements RequestMatcher {

        private final Environment environment;

        ManagementPortRequestMatcher(Environment environment) {
            this.environment = environment;
        }

        @Override
        public boolean matches(HttpServletRequest request) {
            int port = managementPort();
            return port > 0 && request.getLocalPort() == port && port != applicationPort();
        }

        /** The running management server's port (random ports included), or the configured one; 0 if none. */
        private int managementPort() {
            Integer running = environment.getProperty("local.management.port", Integer.class);
            if (running != null && running > 0) {
                return running;
            }
            Integer configured = environment.getProperty("management.server.port", Integer.class);
            return configured == null ? 0 : configured;
        }

        private int applicationPort() {
            Integer running = environment.getProperty("local.server.port", Integer.class);
            return running != null ? running : environment.getProperty("server.port", Integer.class, 8080);
        }
    }
}
