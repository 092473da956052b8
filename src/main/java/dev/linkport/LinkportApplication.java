package dev.linkport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Linkport: a self-service portal for AWS PrivateLink. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LinkportApplication {

    public static void main(String[] args) {
        SpringApplication.run(LinkportApplication.class, args);
    }
}
