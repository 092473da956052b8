package dev.linkport.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring test configuration every integration test uses, so that all of them share one
 * application context: real embedded PostgreSQL (fresh per test JVM), the AWS sandbox, the web
 * server on a random port for browser and API tests, an SMTP server that receives Linkport's e-mails.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestUsers.class, LoopFixture.class, ModuleEvents.class, ScaleSeed.class, CatalogSeed.class,
        TestSmtp.Started.class})
public @interface LinkportIntegrationTest {
}
