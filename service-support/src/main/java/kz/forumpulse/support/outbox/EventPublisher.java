package kz.forumpulse.support.outbox;

import java.nio.charset.StandardCharsets;
import kz.forumpulse.events.Topics;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

/**
 * The one way events leave a service. Sends synchronously (binding property {@code sync: true},
 * {@code acks=all}, idempotent producer), so a {@code true} return means the broker has the record
 * and the caller may drop it from the outbox.
 */
public class EventPublisher {

  private final StreamBridge streamBridge;

  public EventPublisher(StreamBridge streamBridge) {
    this.streamBridge = streamBridge;
  }

  /**
   * Publishes one outbox entry; throws or returns false when the broker did not take it.
   *
   * @return whether the broker acknowledged the record
   */
  public boolean publish(OutboxEntry entry) {
    Message<byte[]> message =
        MessageBuilder.withPayload(entry.payload().getBytes(StandardCharsets.UTF_8))
            .setHeader(KafkaHeaders.KEY, entry.key().getBytes(StandardCharsets.UTF_8))
            .setHeader(Topics.TYPE_HEADER, entry.type())
            .setHeader("contentType", MimeTypeUtils.APPLICATION_JSON_VALUE)
            .build();
    return streamBridge.send(entry.topic(), message);
  }
}
