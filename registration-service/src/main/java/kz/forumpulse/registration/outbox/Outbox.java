package kz.forumpulse.registration.outbox;

import java.util.Date;
import kz.forumpulse.events.DomainEvent;
import kz.forumpulse.support.outbox.OutboxEntry;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Appends an event to the outbox embedded in the document an update changes. The change and its
 * event are written by one single-document update, so neither can exist without the other.
 */
public final class Outbox {

  private Outbox() {}

  /** Adds {@code $push: {outbox: entry}} for each event to {@code update}. */
  public static Update append(Update update, String topic, DomainEvent... events) {
    // One $push with $each: calling push() once per event would keep only the last one, since
    // Update holds one $push operation per field.
    Object[] entries = new Object[events.length];
    for (int i = 0; i < events.length; i++) {
      entries[i] = toDocument(OutboxEntry.of(topic, events[i]));
    }
    update.push("outbox").each(entries);
    return update;
  }

  /**
   * The entry as the relay reads it. Written as a plain document rather than through the mapping
   * converter, so the stored shape is exactly what {@code OutboxRelay} expects.
   */
  static org.bson.Document toDocument(OutboxEntry entry) {
    return new org.bson.Document("eventId", entry.eventId())
        .append("topic", entry.topic())
        .append("key", entry.key())
        .append("type", entry.type())
        .append("payload", entry.payload())
        .append("createdAt", entry.createdAt() == null ? null : Date.from(entry.createdAt()));
  }
}
