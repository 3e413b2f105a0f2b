package kz.forumpulse.reporting;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Consumes attendee and question events into MongoDB aggregates and serves the reports. */
@SpringBootApplication
public class ReportingApplication {

  /** The service's configuration file, {@code reporting.yml}. */
  public static final String CONFIG_NAME = "reporting";

  /** A builder reading this service's own configuration file (see RegistrationApplication). */
  public static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(ReportingApplication.class)
        .properties("spring.config.name=" + CONFIG_NAME);
  }

  public static void main(String[] args) {
    builder().run(args);
  }
}
