package kz.forumpulse.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The relay's producer is configured by the same binder properties the consumers use. */
class KafkaPublishingTest {

  private static final String BINDER = "spring.cloud.stream.kafka.binder.";

  @Test
  void readsTheBindersSettings() {
    MockEnvironment env =
        new MockEnvironment()
            .withProperty("spring.application.name", "feedback-service")
            .withProperty(BINDER + "brokers", "kafka-1:9093, kafka-2")
            .withProperty(BINDER + "required-acks", "all")
            .withProperty(BINDER + "configuration.security.protocol", "SASL_SSL")
            .withProperty(BINDER + "configuration.linger.ms", "1")
            .withProperty(BINDER + "producer-properties.linger.ms", "5")
            .withProperty(BINDER + "producer-properties.max.block.ms", "5000")
            .withProperty(BINDER + "min-partition-count", "6")
            .withProperty(BINDER + "replication-factor", "3")
            .withProperty(
                "spring.cloud.stream.kafka.default.producer.topic.properties.retention.ms", "-1");

    KafkaPublishing kafka = KafkaPublishing.from(env);

    assertThat(kafka.producer())
        .containsEntry("bootstrap.servers", "kafka-1:9093,kafka-2:9092")
        .containsEntry("acks", "all")
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("linger.ms", "5")
        .containsEntry("client.id", "feedback-service-outbox");
    assertThat(kafka.admin())
        .containsEntry("bootstrap.servers", "kafka-1:9093,kafka-2:9092")
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("default.api.timeout.ms", "5000")
        .doesNotContainKey("acks");
    assertThat(kafka.blockMs()).isEqualTo(5000);
    assertThat(kafka.autoCreateTopics()).isTrue();
    assertThat(kafka.partitions()).isEqualTo(6);
    assertThat(kafka.replicationFactor()).isEqualTo((short) 3);
    assertThat(kafka.topicProperties()).containsEntry("retention.ms", "-1");
  }

  @Test
  void defaultsAreTheBindersWhereNothingIsSet() {
    KafkaPublishing kafka = KafkaPublishing.from(new MockEnvironment());

    assertThat(kafka.producer())
        .containsEntry("bootstrap.servers", "localhost:9092")
        .containsEntry("acks", "all");
    assertThat(kafka.blockMs()).isEqualTo(60_000);
    assertThat(kafka.partitions()).isEqualTo(1);
    assertThat(kafka.replicationFactor()).isEqualTo((short) -1);
    assertThat(kafka.topicProperties()).isEmpty();
  }
}
