package kz.forumpulse.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads and writes raw records on the shared broker, as an outside observer would. */
public final class EventProbe {

  private EventProbe() {}

  /** Every record on the topic from the beginning, waiting until {@code until} holds or timeout. */
  public static List<ConsumerRecord<String, byte[]>> readAll(
      String topic, Duration timeout, Predicate<List<ConsumerRecord<String, byte[]>>> until) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            TestInfrastructure.get().kafkaBootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "probe-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false);
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      long deadline = System.nanoTime() + timeout.toNanos();
      // Assigning partitions directly avoids a consumer-group join, which costs seconds.
      List<TopicPartition> partitions = List.of();
      while (partitions.isEmpty() && System.nanoTime() < deadline) {
        partitions =
            consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        if (until.test(records)) {
          break;
        }
      }
    }
    return records;
  }

  /**
   * Why the record holding {@code marker} was dead-lettered to {@code topic} (its {@code
   * x-exception-message} header), waiting up to {@code timeout} for it; fails if it never arrives
   * or says nothing.
   */
  public static String deadLetterReason(String topic, String marker, Duration timeout) {
    Predicate<ConsumerRecord<String, byte[]>> holdsMarker =
        r -> new String(r.value(), StandardCharsets.UTF_8).contains(marker);
    ConsumerRecord<String, byte[]> dead =
        readAll(topic, timeout, all -> all.stream().anyMatch(holdsMarker)).stream()
            .filter(holdsMarker)
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("no dead letter holding " + marker + " on " + topic));
    Header reason = dead.headers().lastHeader("x-exception-message");
    if (reason == null) {
      throw new AssertionError("dead letter without x-exception-message on " + topic);
    }
    return new String(reason.value(), StandardCharsets.UTF_8);
  }

  /** Sends raw bytes, as a misbehaving or foreign producer would. */
  public static void send(String topic, String key, byte[] value, Map<String, byte[]> headers) {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            TestInfrastructure.get().kafkaBootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all");
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
      headers.forEach((k, v) -> record.headers().add(k, v));
      producer.send(record);
      producer.flush();
    }
  }
}
