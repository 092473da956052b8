package dev.linkport.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Linkport's clock, and asynchronous execution for the listeners of events between modules
 * ({@code @ApplicationModuleListener} runs after the publishing transaction commits, on another thread).
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class PlatformConfiguration {

    /** Linkport's clock; tests may replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
