package dev.linkport.sandbox;

import dev.linkport.platform.SandboxDns;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Starts the built-in AWS sandbox when Linkport runs in sandbox mode ({@code linkport.aws.mode=sandbox}, the default). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "linkport.aws.mode", havingValue = "sandbox", matchIfMissing = true)
public class SandboxConfiguration {

    @Bean
    SandboxLifecycle sandboxServer(SandboxProperties properties) {
        return new SandboxLifecycle(properties);
    }

    /** Lets the provider's private DNS page publish TXT records here (sandbox mode only). */
    @Bean
    SandboxDns sandboxDns(SandboxLifecycle sandbox) {
        return (name, value) -> sandbox.control().publishTxtRecord(name, value);
    }
}
