package kz.forumpulse.support.outbox;

import java.time.Instant;
import kz.forumpulse.events.DomainEvent;
import kz.forumpulse.events.EventCodec;
import kz.forumpulse.events.Topics;

/**
 * An event waiting to be published, embedded in the very document whose change it describes.
 *
 * <p>MongoDB without a replica set has no multi-document transactions, but a single document is
 * written atomically: storing the change and its pending event in one document means neither can
 * exist without the other. The payload is encoded once, here, so every (re)delivery publishes the
 * same bytes with the same event id.
 */
public record OutboxEntry(
    String eventId, String topic, String key, String type, String payload, Instant createdAt) {

  public static OutboxEntry of(String topic, DomainEvent event) {
    return new OutboxEntry(
        event.eventId().toString(),
        topic,
        Topics.keyOf(event),
        event.type(),
        EventCodec.encodeToString(event),
        event.occurredAt());
  }
}
