package dev.linkport.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /** Linkport's clock; tests may replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
