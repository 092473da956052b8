package dev.linkport.sandbox;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The built-in AWS sandbox ({@code linkport.sandbox.*}); used only when {@code linkport.aws.mode=sandbox}.
 *
 * @param port      loopback port of the emulated EC2/ELBv2/STS Query API
 * @param stateFile where the sandbox keeps its world between restarts
 */
@ConfigurationProperties("linkport.sandbox")
public record SandboxProperties(
        @DefaultValue("4566") int port,
        @DefaultValue(".linkport/sandbox.json") Path stateFile) {
}
