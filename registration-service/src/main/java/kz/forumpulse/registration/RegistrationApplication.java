package kz.forumpulse.registration;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Registers forum participants and publishes attendee events. */
@SpringBootApplication
public class RegistrationApplication {

  /** The service's configuration file, {@code registration.yml}. */
  public static final String CONFIG_NAME = "registration";

  /**
   * A builder that reads this service's own configuration file, so the three services can share one
   * classpath (the local stack and the system tests run them in one JVM).
   */
  public static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(RegistrationApplication.class)
        .properties("spring.config.name=" + CONFIG_NAME);
  }

  public static void main(String[] args) {
    builder().run(args);
  }
}
