package dev.linkport.catalog.service;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether sandbox mode starts with published demo services ({@code linkport.sandbox.demo-services}); tests turn it
 * off so that they start from an empty catalog.
 *
 * @param demoServices publish the demo services on the first start in sandbox mode
 */
@ConfigurationProperties("linkport.sandbox")
public record DemoServicesProperties(@DefaultValue("true") boolean demoServices) {
}
