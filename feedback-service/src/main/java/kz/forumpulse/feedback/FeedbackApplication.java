package kz.forumpulse.feedback;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Collects participants' questions about the forum's projects and publishes question events. */
@SpringBootApplication
public class FeedbackApplication {

  /** The service's configuration file, {@code feedback.yml}. */
  public static final String CONFIG_NAME = "feedback";

  /** A builder reading this service's own configuration file (see RegistrationApplication). */
  public static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(FeedbackApplication.class)
        .properties("spring.config.name=" + CONFIG_NAME);
  }

  public static void main(String[] args) {
    builder().run(args);
  }
}
