package kz.forumpulse.registration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import kz.forumpulse.testsupport.InfrastructureInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A full registration-service on the shared test broker and database. Every integration test uses
 * exactly this, so Spring caches one context for all of them. The outbox relay publishes through
 * {@link SwitchablePublisher}, so delivery tests can take the "broker" down without a context of
 * their own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    properties = {
      "spring.config.name=" + RegistrationApplication.CONFIG_NAME,
      "forum.security.organiser-password=test-organiser",
      "forum.security.moderator-password=test-moderator",
      "forum.security.analyst-password=test-analyst",
      "spring.mongodb.database=registration_it"
    })
@AutoConfigureMockMvc
@Import(FaultInjection.class)
@ContextConfiguration(initializers = InfrastructureInitializer.class)
public @interface RegistrationIntegrationTest {}
