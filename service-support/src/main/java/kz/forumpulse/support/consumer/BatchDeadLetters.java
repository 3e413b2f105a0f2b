package kz.forumpulse.support.consumer;

import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import kz.forumpulse.events.UndecodableEventException;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Dead letters of batch-consumed topics (reporting-service's questions and attendees,
 * feedback-service's attendees). The binder's own dead-lettering works per record; for a batch, the
 * consumer names the failed record ({@code BatchListenerFailedException}), and this handler commits
 * the records before it, publishes it to the service's dead-letter topic ({@code
 * forum.consumer.dead-letter-topic}) with the same headers the binder writes ({@code
 * x-exception-message}, ...), and polls the rest again. No retries here: transient failures never
 * leave the consumer ({@link TransientFailures}). A service imports it and names {@code
 * batchErrorHandler} as its batch bindings' error handler.
 */
@Configuration(proxyBeanMethods = false)
public class BatchDeadLetters {

  private final String deadLetterTopic;

  /** Not a bean: Boot would take it for the application's producer factory. Closed with us. */
  private final DefaultKafkaProducerFactory<byte[], byte[]> producers;

  BatchDeadLetters(
      @Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
      @Value("${forum.consumer.dead-letter-topic}") String deadLetterTopic) {
    this.deadLetterTopic = deadLetterTopic;
    this.producers =
        new DefaultKafkaProducerFactory<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true),
            new ByteArraySerializer(),
            new ByteArraySerializer());
  }

  @PreDestroy
  void close() {
    producers.destroy();
  }

  @Bean
  DefaultErrorHandler batchErrorHandler() {
    KafkaTemplate<byte[], byte[]> template = new KafkaTemplate<>(producers);
    DeadLetterPublishingRecoverer recoverer =
        new DeadLetterPublishingRecoverer(
            template, (record, e) -> new TopicPartition(deadLetterTopic, -1));
    recoverer.setHeadersFunction(
        (record, e) -> {
          Throwable cause = e;
          while (cause.getCause() != null && !(cause instanceof UndecodableEventException)) {
            cause = cause.getCause();
          }
          RecordHeaders headers = new RecordHeaders();
          headers.add(header("x-original-topic", record.topic()));
          headers.add(header("x-original-partition", String.valueOf(record.partition())));
          headers.add(header("x-original-offset", String.valueOf(record.offset())));
          headers.add(header("x-exception-fqcn", cause.getClass().getName()));
          headers.add(header("x-exception-message", String.valueOf(cause.getMessage())));
          return headers;
        });
    // Wait for the broker's acknowledgement before the record's offset is committed.
    recoverer.setFailIfSendResultIsError(true);
    DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(0, 0));
    handler.setCommitRecovered(true);
    return handler;
  }

  private static RecordHeader header(String name, String value) {
    return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
