package kz.forumpulse.support.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kz.forumpulse.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.cloud.stream.binder.kafka.common.BinderHeaderMapper;
import org.springframework.messaging.MessageHeaders;
import org.springframework.util.MimeTypeUtils;

/**
 * The one way events leave a service. {@link #send} hands a record to the producer ({@code
 * acks=all}, idempotent) and returns at once; its future completes when the broker has the record,
 * so the caller may then drop it from the outbox. Many sends in flight at once go out in few
 * requests (ADR 0014). Records carry the same headers the Kafka binder writes ({@code contentType},
 * {@link Topics#TYPE_HEADER}), so consumers cannot tell the difference.
 */
public class EventPublisher implements AutoCloseable {

  /**
   * The longest wait for an acknowledgement; the producer's own delivery timeout ({@code
   * delivery.timeout.ms}, 15 s in the services) normally ends a send well before.
   */
  private static final long ACK_WAIT_S = 60;

  private final KafkaPublishing settings;
  private final BinderHeaderMapper headerMapper = new BinderHeaderMapper();
  private final Set<String> topicsKnown = ConcurrentHashMap.newKeySet();
  private final Map<String, List<Header>> headersByType = new ConcurrentHashMap<>();
  private volatile Producer<byte[], byte[]> producer;

  public EventPublisher(KafkaPublishing settings) {
    this.settings = settings;
  }

  /**
   * Sends one outbox entry. The future completes normally once the broker acknowledged the record
   * and exceptionally when it did not take it (or could not be reached).
   */
  public CompletableFuture<Void> send(OutboxEntry entry) {
    CompletableFuture<Void> acknowledged = new CompletableFuture<>();
    try {
      ensureTopic(entry.topic());
      ProducerRecord<byte[], byte[]> record =
          new ProducerRecord<>(
              entry.topic(),
              null,
              entry.key().getBytes(StandardCharsets.UTF_8),
              entry.payload().getBytes(StandardCharsets.UTF_8),
              headersOf(entry.type()));
      producer()
          .send(
              record,
              (metadata, error) -> {
                if (error != null) {
                  acknowledged.completeExceptionally(error);
                } else {
                  acknowledged.complete(null);
                }
              });
    } catch (RuntimeException e) {
      acknowledged.completeExceptionally(e);
    }
    return acknowledged;
  }

  /**
   * The headers of a record of this event type. They depend on the type alone, and the mapper
   * encodes a JSON map of their types each time, so they are mapped once per type, not per record
   * (headers are immutable and may be shared between records).
   */
  private List<Header> headersOf(String type) {
    return headersByType.computeIfAbsent(
        type,
        t -> {
          RecordHeaders headers = new RecordHeaders();
          headerMapper.fromHeaders(
              new MessageHeaders(
                  Map.of(
                      Topics.TYPE_HEADER,
                      t,
                      MessageHeaders.CONTENT_TYPE,
                      MimeTypeUtils.APPLICATION_JSON_VALUE)),
              headers);
          return List.of(headers.toArray());
        });
  }

  /**
   * Sends one entry and waits for the broker; throws when it did not take it.
   *
   * @return true: the broker acknowledged the record
   */
  public boolean publish(OutboxEntry entry) {
    await(send(entry));
    return true;
  }

  /** Waits for a {@link #send}; throws what made it fail, as an unchecked exception. */
  public static void await(CompletableFuture<Void> send) {
    try {
      send.get(ACK_WAIT_S, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException("publishing failed", e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("no acknowledgement within " + ACK_WAIT_S + " s", e);
    }
  }

  /**
   * Creates a topic the broker does not have yet, as the binder's provisioning did: with the
   * binder's partition count, replication and topic properties (unlimited retention, which replay
   * needs), rather than whatever the broker's automatic creation would give it. Once per topic and
   * process; a failure (broker down) is tried again on the next send.
   */
  private void ensureTopic(String topic) {
    if (!settings.autoCreateTopics() || topicsKnown.contains(topic)) {
      return;
    }
    long timeoutMs = settings.blockMs();
    try (Admin admin = Admin.create(settings.admin())) {
      NewTopic newTopic =
          new NewTopic(
                  topic,
                  Optional.of(settings.partitions()),
                  settings.replicationFactor() > 0
                      ? Optional.of(settings.replicationFactor())
                      : Optional.empty())
              .configs(settings.topicProperties());
      admin.createTopics(List.of(newTopic)).all().get(timeoutMs, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException) && !exists(topic, timeoutMs)) {
        throw new IllegalStateException("could not create topic " + topic, e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topic " + topic, e);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "could not create topic " + topic + " within " + timeoutMs + " ms", e);
    }
    topicsKnown.add(topic);
  }

  /**
   * Whether the broker has the topic: an account allowed to write to a topic but not to create
   * topics gets an authorization error from the creation, not "exists".
   */
  private boolean exists(String topic, long timeoutMs) {
    try (Admin admin = Admin.create(settings.admin())) {
      admin.describeTopics(List.of(topic)).allTopicNames().get(timeoutMs, TimeUnit.MILLISECONDS);
      return true;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private Producer<byte[], byte[]> producer() {
    Producer<byte[], byte[]> p = producer;
    if (p == null) {
      synchronized (this) {
        p = producer;
        if (p == null) {
          p =
              new KafkaProducer<>(
                  settings.producer(), new ByteArraySerializer(), new ByteArraySerializer());
          producer = p;
        }
      }
    }
    return p;
  }

  @Override
  public void close() {
    Producer<byte[], byte[]> p = producer;
    if (p != null) {
      // The relay has stopped and waited for its sends; nothing should be left to flush.
      p.close(Duration.ofSeconds(10));
    }
  }
}
