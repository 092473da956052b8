package dev.linkport.identity.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code linkport.metrics.*}: how Prometheus may read {@code /actuator/prometheus} without a browser session.
 *
 * @param scrapeToken a secret that a scraper sends as {@code Authorization: Bearer <token>}
 *                    ({@code LINKPORT_METRICS_SCRAPE_TOKEN}); at least 16 characters. Unset: only signed-in
 *                    platform admins read the metrics on the application's port (the management port, if
 *                    {@code management.server.port} sets one, needs no sign-in at all)
 */
@ConfigurationProperties("linkport.metrics")
public record MetricsScrapeProperties(String scrapeToken) {

    /** The shortest token accepted: shorter ones are guessable. */
    static final int MIN_TOKEN_LENGTH = 16;

    public MetricsScrapeProperties {
        if (scrapeToken != null && scrapeToken.isBlank()) {
            scrapeToken = null;
        }
        if (scrapeToken != null && scrapeToken.length() < MIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException("linkport.metrics.scrape-token must have at least " + MIN_TOKEN_LENGTH
                    + " characters (e.g. `openssl rand -hex 32`)");
        }
    }

    /** Whether a scrape token is configured. */
    public boolean tokenConfigured() {
        return scrapeToken != null;
    }
}
