package kz.forumpulse.testsupport;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring context at the shared {@link TestInfrastructure}. Use it as
 * {@code @ContextConfiguration(initializers = InfrastructureInitializer.class)}: the same
 * initializer on every test keeps Spring's context cache effective.
 */
public class InfrastructureInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestInfrastructure infra = TestInfrastructure.get();
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(new MapPropertySource("forum-pulse-test-infrastructure", properties(infra)));
  }

  /** The settings a service needs to reach the shared broker and database. */
  public static Map<String, Object> properties(TestInfrastructure infra) {
    return Map.of(
        "spring.cloud.stream.kafka.binder.brokers", infra.kafkaBootstrapServers(),
        "spring.kafka.bootstrap-servers", infra.kafkaBootstrapServers(),
        "spring.mongodb.uri", infra.mongoUri());
  }
}
