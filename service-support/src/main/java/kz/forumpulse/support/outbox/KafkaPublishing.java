package kz.forumpulse.support.outbox;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * How {@link EventPublisher} reaches Kafka, read from the Kafka binder's own settings so that one
 * set of properties configures both the consumers (through the binder) and the relay's producer:
 * {@code spring.cloud.stream.kafka.binder.brokers}, {@code .configuration} (e.g. security, for
 * every client), {@code .producer-properties}, {@code .required-acks}, and for creating a missing
 * topic {@code .auto-create-topics}, {@code .min-partition-count}, {@code .replication-factor} and
 * {@code spring.cloud.stream.kafka.default.producer.topic.properties}.
 *
 * @param producer the producer's configuration
 * @param admin the configuration of the admin client that creates missing topics
 * @param autoCreateTopics whether a topic missing on the broker is created before the first send
 * @param partitions partitions of a created topic
 * @param replicationFactor replication of a created topic ({@code -1}: the broker's default)
 * @param topicProperties configuration of a created topic (e.g. {@code retention.ms})
 */
public record KafkaPublishing(
    Map<String, Object> producer,
    Map<String, Object> admin,
    boolean autoCreateTopics,
    int partitions,
    short replicationFactor,
    Map<String, String> topicProperties) {

  private static final String BINDER = "spring.cloud.stream.kafka.binder.";

  /**
   * How long a send may block when the broker cannot be reached ({@code max.block.ms}); creating a
   * missing topic waits no longer, so an outage fails a relay round as quickly either way.
   */
  public long blockMs() {
    Object value = producer.get(ProducerConfig.MAX_BLOCK_MS_CONFIG);
    return value == null ? 60_000 : Long.parseLong(value.toString());
  }

  public KafkaPublishing {
    producer = Map.copyOf(producer);
    admin = Map.copyOf(admin);
    topicProperties = Map.copyOf(topicProperties);
  }

  /** The binder's settings as the service's environment has them. */
  public static KafkaPublishing from(Environment env) {
    Binder binder = Binder.get(env);
    Bindable<Map<String, String>> map = Bindable.mapOf(String.class, String.class);
    int defaultPort = binder.bind(BINDER + "default-broker-port", Integer.class).orElse(9092);
    String bootstrap =
        Arrays.stream(
                binder.bind(BINDER + "brokers", String[].class).orElse(new String[] {"localhost"}))
            .map(String::strip)
            .filter(b -> !b.isEmpty())
            .map(b -> b.contains(":") ? b : b + ":" + defaultPort)
            .collect(Collectors.joining(","));
    Map<String, Object> common =
        new HashMap<>(binder.bind(BINDER + "configuration", map).orElse(Map.of()));
    common.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    Map<String, Object> producer = new HashMap<>(common);
    producer.putAll(binder.bind(BINDER + "producer-properties", map).orElse(Map.of()));
    producer.put(
        ProducerConfig.ACKS_CONFIG,
        binder.bind(BINDER + "required-acks", String.class).orElse("all"));
    String app = env.getProperty("spring.application.name", "forum-pulse");
    producer.putIfAbsent(CommonClientConfigs.CLIENT_ID_CONFIG, app + "-outbox");
    Map<String, Object> admin = new HashMap<>(common);
    Object blockMs = producer.get(ProducerConfig.MAX_BLOCK_MS_CONFIG);
    if (blockMs != null) {
      admin.putIfAbsent(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, blockMs);
      admin.putIfAbsent(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, blockMs);
    }
    admin.putIfAbsent(CommonClientConfigs.CLIENT_ID_CONFIG, app + "-outbox-admin");
    return new KafkaPublishing(
        producer,
        admin,
        binder.bind(BINDER + "auto-create-topics", Boolean.class).orElse(true),
        binder.bind(BINDER + "min-partition-count", Integer.class).orElse(1),
        binder.bind(BINDER + "replication-factor", Short.class).orElse((short) -1),
        binder
            .bind("spring.cloud.stream.kafka.default.producer.topic.properties", map)
            .orElse(Map.of()));
  }
}
