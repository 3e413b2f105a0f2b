package kz.forumpulse.events;

import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encodes events to the JSON written on the topics and back.
 *
 * <p>Services store the encoded bytes in their outbox and publish exactly those bytes, so a
 * redelivered event is byte-for-byte the same fact with the same id. Decoding tolerates unknown
 * fields (newer producers may add some) but not missing identity fields.
 */
public final class EventCodec {

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private EventCodec() {}

  public static byte[] encode(DomainEvent event) {
    return MAPPER.writeValueAsBytes(event);
  }

  public static String encodeToString(DomainEvent event) {
    return new String(encode(event), StandardCharsets.UTF_8);
  }

  public static <T extends DomainEvent> T decode(byte[] json, Class<T> type) {
    T event;
    try {
      event = MAPPER.readValue(json, type);
    } catch (JacksonException e) {
      throw new UndecodableEventException(
          "not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
    if (event == null
        || event.eventId() == null
        || event.forumId() == null
        || event.occurredAt() == null) {
      throw new UndecodableEventException(
          "missing eventId, forumId or occurredAt in " + type.getSimpleName(), null);
    }
    return event;
  }
}
