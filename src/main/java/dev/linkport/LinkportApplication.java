package dev.linkport;

import dev.linkport.sandbox.SandboxCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Linkport: a self-service portal for AWS PrivateLink. With {@code sandbox} as its first argument it runs
 * only the AWS sandbox instead ({@link SandboxCommand}), without starting Spring.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LinkportApplication {

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals("sandbox")) {
            SandboxCommand.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        SpringApplication.run(LinkportApplication.class, args);
    }
}
