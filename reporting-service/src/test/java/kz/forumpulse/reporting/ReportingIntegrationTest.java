package kz.forumpulse.reporting;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import kz.forumpulse.testsupport.InfrastructureInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;

/** A full reporting-service on the shared test broker and database; one cached context. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    properties = {
      "spring.config.name=" + ReportingApplication.CONFIG_NAME,
      "forum.security.organiser-password=test-organiser",
      "forum.security.moderator-password=test-moderator",
      "forum.security.analyst-password=test-analyst",
      "spring.mongodb.database=reporting_it"
    })
@AutoConfigureMockMvc
@ContextConfiguration(initializers = InfrastructureInitializer.class)
public @interface ReportingIntegrationTest {}
