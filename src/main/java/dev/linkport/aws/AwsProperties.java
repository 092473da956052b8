package dev.linkport.aws;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Linkport reaches AWS ({@code linkport.aws.*}).
 *
 * @param mode          {@code sandbox} (built-in emulator, the default) or {@code aws} (real AWS)
 * @param endpoint      endpoint override for every AWS service; in sandbox mode the sandbox's address
 * @param principalArn  the IAM principal Linkport itself runs as; put into the trust policy it shows
 *                      to team owners. Empty means "not configured": the UI then shows a placeholder.
 */
@ConfigurationProperties("linkport.aws")
public record AwsProperties(
        @DefaultValue("sandbox") Mode mode,
        URI endpoint,
        String principalArn) {

    public enum Mode {
        /** The built-in AWS sandbox: nothing real is created. */
        SANDBOX,
        /** Real AWS accounts, through STS AssumeRole. */
        AWS
    }

    public boolean sandbox() {
        return mode == Mode.SANDBOX;
    }
}
