package dev.linkport.sandbox;

import dev.linkport.platform.SandboxDns;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The AWS sandbox in sandbox mode ({@code linkport.aws.mode=sandbox}, the default): started inside Linkport,
 * or, when {@code linkport.sandbox.url} is set, one already running as its own process.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "linkport.aws.mode", havingValue = "sandbox", matchIfMissing = true)
public class SandboxConfiguration {

    @Bean
    @Conditional(InProcess.class)
    SandboxLifecycle sandboxServer(SandboxProperties properties) {
        return new SandboxLifecycle(properties);
    }

    /** Lets the provider's private DNS page publish TXT records here (sandbox mode only). */
    @Bean
    @Conditional(InProcess.class)
    SandboxDns sandboxDns(SandboxLifecycle sandbox) {
        return (name, value) -> sandbox.control().publishTxtRecord(name, value);
    }

    /** The AWS endpoint and the TXT records' DNS, both at the sandbox that runs on its own. */
    @Bean
    @Conditional(Remote.class)
    RemoteSandbox remoteSandbox(SandboxProperties properties) {
        RemoteSandbox sandbox = new RemoteSandbox(properties.url());
        sandbox.logWhetherItAnswers();
        return sandbox;
    }

    private static boolean remote(ConditionContext context) {
        return StringUtils.hasText(context.getEnvironment().getProperty("linkport.sandbox.url"));
    }

    /** {@code linkport.sandbox.url} is set: a sandbox runs on its own there. */
    static final class Remote implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return remote(context);
        }
    }

    /** {@code linkport.sandbox.url} is not set: Linkport runs the sandbox itself. */
    static final class InProcess implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !remote(context);
        }
    }
}
