package dev.linkport.identity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkport.identity.security.MetricsScrapeSecurity.ManagementPortRequestMatcher;
import dev.linkport.identity.security.MetricsScrapeSecurity.ScrapeTokenFilter;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;

class MetricsScrapeSecurityTest {

    static final String TOKEN = "a-scrape-token-of-32-characters!";

    @Test
    void theScrapeTokenLetsTheScraperInAndAWrongOneIsAnswered401AtOnce() throws Exception {
        ScrapeTokenFilter filter = new ScrapeTokenFilter(TOKEN);
        assertThat(filter.matches(TOKEN)).isTrue();
        assertThat(filter.matches(TOKEN + "x")).isFalse();
        assertThat(filter.matches("")).isFalse();

        MockHttpServletResponse wrong = new MockHttpServletResponse();
        MockFilterChain notReached = new MockFilterChain();
        filter.doFilter(request("Bearer nope-nope-nope-nope"), wrong, notReached);
        assertThat(wrong.getStatus()).isEqualTo(401);
        assertThat(wrong.getHeader("WWW-Authenticate")).startsWith("Bearer");
        assertThat(notReached.getRequest()).isNull();

        MockHttpServletResponse right = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res) {
                assertThat(SecurityContextHolder.getContext().getAuthentication().getAuthorities())
                        .extracting(Object::toString).containsExactly("ROLE_METRICS_SCRAPER");
            }
        });
        filter.doFilter(request("bearer " + TOKEN), right, chain);
        assertThat(chain.getRequest()).isNotNull();
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();

        MockFilterChain noHeader = new MockFilterChain();
        filter.doFilter(request(null), new MockHttpServletResponse(), noHeader);
        assertThat(noHeader.getRequest()).as("a request without a token goes on (an admin's session may do)")
                .isNotNull();
    }

    @Test
    void onlyRequestsThatArriveOnASeparateManagementPortCountAsFromTheMonitoringNetwork() {
        MockEnvironment none = new MockEnvironment().withProperty("local.server.port", "8080");
        assertThat(new ManagementPortRequestMatcher(none).matches(onPort(8080))).isFalse();

        MockEnvironment separate = new MockEnvironment().withProperty("local.server.port", "8080")
                .withProperty("management.server.port", "9090");
        assertThat(new ManagementPortRequestMatcher(separate).matches(onPort(9090))).isTrue();
        assertThat(new ManagementPortRequestMatcher(separate).matches(onPort(8080))).isFalse();

        MockEnvironment random = new MockEnvironment().withProperty("local.server.port", "8080")
                .withProperty("management.server.port", "0").withProperty("local.management.port", "41234");
        assertThat(new ManagementPortRequestMatcher(random).matches(onPort(41234))).isTrue();

        MockEnvironment same = new MockEnvironment().withProperty("local.server.port", "8080")
                .withProperty("management.server.port", "8080");
        assertThat(new ManagementPortRequestMatcher(same).matches(onPort(8080))).isFalse();
    }

    @Test
    void aShortTokenIsRefusedAtStartAndABlankOneMeansNone() {
        assertThatThrownBy(() -> new MetricsScrapeProperties("short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 16 characters");
        assertThat(new MetricsScrapeProperties("  ").tokenConfigured()).isFalse();
        assertThat(new MetricsScrapeProperties(null).tokenConfigured()).isFalse();
        assertThat(new MetricsScrapeProperties(TOKEN).tokenConfigured()).isTrue();
    }

    private static MockHttpServletRequest request(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        return request;
    }

    private static MockHttpServletRequest onPort(int port) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
        request.setLocalPort(port);
        return request;
    }
}
