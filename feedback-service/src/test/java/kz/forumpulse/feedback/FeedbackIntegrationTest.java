package kz.forumpulse.feedback;

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
 * A full feedback-service on the shared test broker and database; one cached context. The outbox
 * relay publishes through a {@link BrokerSwitch} that delivery tests can turn off.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    properties = {
      "spring.config.name=" + FeedbackApplication.CONFIG_NAME,
      "forum.security.organiser-password=test-organiser",
      "forum.security.moderator-password=test-moderator",
      "forum.security.analyst-password=test-analyst",
      "spring.mongodb.database=feedback_it"
    })
@AutoConfigureMockMvc
@ContextConfiguration(initializers = InfrastructureInitializer.class)
@Import(BrokerSwitch.Config.class)
public @interface FeedbackIntegrationTest {}
