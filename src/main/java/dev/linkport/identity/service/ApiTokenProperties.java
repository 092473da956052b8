package dev.linkport.identity.service;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code linkport.api.*} settings of personal API tokens.
 *
 * @param tokenLifetime how long a new token works: the default, and the longest its creator may choose
 */
@ConfigurationProperties("linkport.api")
public record ApiTokenProperties(@DefaultValue("90d") Duration tokenLifetime) {

    public ApiTokenProperties {
        if (tokenLifetime == null || tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException("linkport.api.token-lifetime must be positive, not " + tokenLifetime);
        }
    }
}
