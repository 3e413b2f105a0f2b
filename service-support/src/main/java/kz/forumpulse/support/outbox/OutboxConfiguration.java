package kz.forumpulse.support.outbox;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Wires the outbox relay for services that produce events ({@code forum.outbox.collections}). */
@AutoConfiguration
@ConditionalOnProperty(prefix = "forum.outbox", name = "collections")
@EnableConfigurationProperties(OutboxConfiguration.OutboxProperties.class)
public class OutboxConfiguration {

  /**
   * @param collections collections whose documents embed an {@code outbox} array
   * @param pollInterval how often the relay looks when nobody woke it up
   * @param sweepInterval how often, at least, it searches whole collections for pending entries
   *     (writers name their documents; the sweep catches what a crash or an unnamed write left)
   */
  @ConfigurationProperties("forum.outbox")
  public record OutboxProperties(
      List<String> collections,
      @DefaultValue("1s") Duration pollInterval,
      @DefaultValue("5s") Duration sweepInterval) {}

  /**
   * The relay's producer, configured from the Kafka binder's settings ({@link KafkaPublishing}).
   */
  @Bean
  EventPublisher eventPublisher(Environment env) {
    return new EventPublisher(KafkaPublishing.from(env));
  }

  @Bean
  OutboxRelay outboxRelay(MongoTemplate mongo, EventPublisher publisher, OutboxProperties props) {
    return new OutboxRelay(
        mongo, publisher, props.collections(), props.pollInterval(), props.sweepInterval());
  }

  @Bean
  OutboxMetrics outboxMetrics(OutboxRelay relay) {
    return new OutboxMetrics(relay);
  }
}
